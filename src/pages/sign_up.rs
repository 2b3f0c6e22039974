use leptos::{ev, prelude::*};
use recupera_api::{account::SignUpRequest, validation};

use crate::{
    api::{self, ApiError},
    components::{ErrorSummary, PageHeading, PasswordField, PasswordRules, TextField},
    errors::{field_error, local},
    i18n::I18n,
    move_tr,
    routing::{Link, Route},
};

/// *Regístrate*: user name, email, optional phone, and a password with the live rules.
#[component]
pub fn SignUpPage() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let username = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let created = RwSignal::new(false);

    let sign_up = Action::new_local(move |request: &SignUpRequest| {
        let request = request.clone();
        async move {
            match api::sign_up(&request).await {
                Ok(_) => {
                    error.set(None);
                    created.set(true);
                }
                Err(problem) => error.set(Some(problem)),
            }
        }
    });
    let busy = sign_up.pending();

    let submit = move || {
        if busy.get_untracked() {
            return;
        }
        let checks = [
            validation::validate_username(&username.get_untracked()).err().map(|c| (c, "username")),
            validation::validate_email(&email.get_untracked()).err().map(|c| (c, "email")),
            (!phone.get_untracked().trim().is_empty())
                .then(|| validation::normalize_phone(&phone.get_untracked()).err().map(|c| (c, "phone")))
                .flatten(),
        ];
        if let Some((code, field)) = checks.into_iter().flatten().next() {
            error.set(Some(local(code, field)));
            return;
        }
        let request = SignUpRequest {
            username: username.get_untracked(),
            email: email.get_untracked(),
            phone: Some(phone.get_untracked()).filter(|p| !p.trim().is_empty()),
            password: password.get_untracked(),
            language: i18n.language.get_untracked().id.to_owned(),
        };
        sign_up.dispatch_local(request);
    };
    let on_submit = move |event: ev::SubmitEvent| {
        event.prevent_default();
        submit();
    };
    // In the order `PasswordRules` sends them to the server: user name, email, phone.
    let identity = Signal::derive(move || vec![username.get(), email.get(), phone.get()]);
    view! {
        <section class="panel">
            <PageHeading text=move_tr!("sign-up-title") />
            <Show
                when=move || created.get()
                fallback=move || view! {
                    <form class="sign-up-form" novalidate on:submit=on_submit>
                        <ErrorSummary
                            error=error
                            fields=&[("username", "sign-up-username"), ("email", "sign-up-email"), ("phone", "sign-up-phone"), ("password", "sign-up-password")]
                            on_retry=Callback::new(move |_| submit())
                        />
                        <TextField id="sign-up-username" label=move_tr!("sign-up-username") value=username
                            error=field_error(error, "username") autocomplete="username" hint=move_tr!("sign-up-username-hint") />
                        <TextField id="sign-up-email" label=move_tr!("sign-up-email") value=email
                            error=field_error(error, "email") input_type="email" autocomplete="email" />
                        <TextField id="sign-up-phone" label=move_tr!("sign-up-phone") value=phone
                            error=field_error(error, "phone") input_type="tel" autocomplete="tel" required=false
                            hint=move_tr!("sign-up-phone-hint") />
                        <PasswordField id="sign-up-password" label=move_tr!("sign-up-password") value=password
                            error=field_error(error, "password") autocomplete="new-password" described_by="password-rules" />
                        <PasswordRules password=password identity=identity />
                        <button type="submit" class="button-primary" aria-disabled=move || busy.get().to_string()>
                            {move_tr!("sign-up-submit")}
                        </button>
                    </form>
                }
            >
                <p class="status" role="status">{move_tr!("sign-up-created")}</p>
                <Link to=Route::SignIn class="button-primary">{move_tr!("account-sign-in")}</Link>
            </Show>
        </section>
    }
}
