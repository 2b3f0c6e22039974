use leptos::{ev, prelude::*};
use recupera_api::{sign_up::StartSignUpRequest, validation, ErrorCode};

use super::SignUpDraft;
use crate::{
    api,
    components::{BotCheck, ErrorSummary, PageHeading, PasswordField, PasswordRules, TextField},
    errors::{field_error, is_about, local},
    i18n::I18n,
    move_tr,
    routing::{use_router, Route},
};

/// *Crea tu cuenta*: user name, email, optional phone, a password with the live rules, and *No soy un
/// robot*. *Crear cuenta* mails a code to the email; the account is made when it is typed.
#[component]
pub fn SignUpForm() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let router = use_router();
    let SignUpDraft { username, email, phone, password, error, started } = expect_context::<SignUpDraft>();
    let bot_check = RwSignal::new(None::<String>);
    let solving = RwSignal::new(false);
    // *Crear cuenta* pressed while the check was still solving: sent as soon as it is solved.
    let send_when_checked = RwSignal::new(false);
    Effect::new(move |_| {
        if bot_check.get().is_some() && error.get_untracked().is_some_and(|e| is_about(&e, "bot_check")) {
            error.set(None);
        }
    });

    let sign_up = Action::new_local(move |request: &StartSignUpRequest| {
        let request = request.clone();
        async move {
            match api::start_sign_up(&request).await {
                Ok(flow) => {
                    error.set(None);
                    let id = flow.flow_id.clone();
                    started.set(Some(flow));
                    router.go(Route::SignUp(Some(id)), false);
                }
                Err(problem) => {
                    // A solution is spent once sent (or refused): the person ticks the box again.
                    if problem
                        .code()
                        .is_some_and(|c| matches!(c, ErrorCode::BotCheckInvalid | ErrorCode::BotCheckExpired))
                    {
                        bot_check.set(None);
                    }
                    error.set(Some(problem));
                }
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
        let Some(solution) = bot_check.get_untracked() else {
            send_when_checked.set(solving.get_untracked());
            error.set((!solving.get_untracked()).then(|| local(ErrorCode::BotCheckInvalid, "bot_check")));
            return;
        };
        send_when_checked.set(false);
        let request = StartSignUpRequest {
            username: username.get_untracked(),
            email: email.get_untracked(),
            phone: Some(phone.get_untracked()).filter(|p| !p.trim().is_empty()),
            password: password.get_untracked(),
            language: i18n.language.get_untracked().id.to_owned(),
            bot_check: solution,
        };
        sign_up.dispatch_local(request);
    };
    Effect::new(move |_| {
        let (solved, still_solving) = (bot_check.get().is_some(), solving.get());
        if send_when_checked.get_untracked() && !still_solving {
            send_when_checked.set(false);
            if solved {
                submit();
            } else {
                error.set(Some(local(ErrorCode::BotCheckInvalid, "bot_check")));
            }
        }
    });
    let on_submit = move |event: ev::SubmitEvent| {
        event.prevent_default();
        submit();
    };
    // In the order `PasswordRules` sends them to the server: user name, email, phone.
    let identity = Signal::derive(move || vec![username.get(), email.get(), phone.get()]);
    view! {
        <section class="panel">
            <PageHeading text=move_tr!("sign-up-title") />
            <form class="sign-up-form" novalidate on:submit=on_submit>
                <ErrorSummary
                    error=error
                    fields=&[("username", "sign-up-username"), ("email", "sign-up-email"), ("phone", "sign-up-phone"), ("password", "sign-up-password"), ("bot_check", "sign-up-bot-check")]
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
                <BotCheck solution=bot_check error=field_error(error, "bot_check") solving=solving
                    action="sign_up" id="sign-up-bot-check" />
                <button type="submit" class="button-primary"
                    aria-disabled=move || (busy.get() || send_when_checked.get()).to_string()>
                    {move_tr!("sign-up-submit")}
                </button>
            </form>
        </section>
    }
}
