use leptos::{ev, prelude::*};
use recupera_api::{account::SignInRequest, ErrorCode};

use crate::{
    api::{self, ApiError},
    around_tr,
    components::{BotCheck, ErrorSummary, PasswordField, TextField},
    errors::{field_error, local},
    move_tr,
    routing::{use_router, Link, Route},
    session::use_session,
};

/// Where the form is shown: the desktop's floating box, or a full page on phones.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum SignInPlace {
    Dialog,
    Page,
}

/// *Email o ID de usuario*, *Contraseña*, *Iniciar sesión*, and the ways out: *¿Has olvidado la
/// contraseña?* and *Regístrate*.
#[component]
pub fn SignInForm(place: SignInPlace) -> impl IntoView {
    let session = use_session();
    let router = use_router();
    let identifier = RwSignal::new(session.prefill.get_untracked());
    Effect::new(move |_| identifier.set(session.prefill.get()));
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    // After a few wrong passwords the server asks for the "I am not a robot" check: it appears then,
    // and each solution serves one try.
    let needs_check = RwSignal::new(false);
    let bot_check = RwSignal::new(None::<String>);
    let solving = RwSignal::new(false);
    let waiting_for_check = RwSignal::new(false);

    let sign_in = Action::new_local(move |request: &SignInRequest| {
        let request = request.clone();
        async move {
            match api::sign_in(&request).await {
                Ok(account) => {
                    error.set(None);
                    password.set(String::new());
                    session.account.set(Some(account));
                    session.dialog_open.set(false);
                    router.go(Route::MyAccount, false);
                }
                Err(problem) => {
                    let about_the_check = problem.code().is_some_and(|code| {
                        matches!(
                            code,
                            ErrorCode::BotCheckRequired
                                | ErrorCode::BotCheckInvalid
                                | ErrorCode::BotCheckExpired
                        )
                    });
                    if about_the_check {
                        needs_check.set(true);
                    }
                    error.set(Some(problem));
                }
            }
        }
    });
    let busy = sign_in.pending();

    let submit = move || {
        if busy.get_untracked() {
            return;
        }
        if identifier.get_untracked().trim().is_empty() {
            error.set(Some(local(ErrorCode::IdentifierInvalid, "identifier")));
            return;
        }
        if solving.get_untracked() {
            // Sent once the check is solved.
            waiting_for_check.set(true);
            return;
        }
        let request = SignInRequest {
            identifier: identifier.get_untracked(),
            password: password.get_untracked(),
            // Spent by this try, whatever its answer.
            bot_check: bot_check.try_update(Option::take).flatten(),
        };
        sign_in.dispatch_local(request);
    };
    Effect::new(move |_| {
        if waiting_for_check.get() && bot_check.with(Option::is_some) {
            waiting_for_check.set(false);
            submit();
        }
    });
    let on_submit = move |event: ev::SubmitEvent| {
        event.prevent_default();
        submit();
    };
    let forgot = match place {
        SignInPlace::Dialog => move_tr!("sign-in-forgot"),
        SignInPlace::Page => move_tr!("sign-in-forgot-mobile"),
    };
    let close_dialog = move || session.dialog_open.set(false);
    let no_account = around_tr!("sign-in-no-account", "link");
    view! {
        <form class="sign-in-form" novalidate on:submit=on_submit>
            <ErrorSummary
                error=error
                fields=&[("identifier", "sign-in-identifier"), ("bot_check", "sign-in-bot-check")]
                on_retry=Callback::new(move |_| submit())
            />
            <TextField
                id="sign-in-identifier"
                label=move_tr!("sign-in-identifier")
                value=identifier
                error=field_error(error, "identifier")
                autocomplete="username"
                autofocus=place == SignInPlace::Dialog
            />
            <PasswordField
                id="sign-in-password"
                label=move_tr!("sign-in-password")
                value=password
                error=field_error(error, "password")
                autocomplete="current-password"
            />
            <Show when=move || needs_check.get()>
                <BotCheck
                    solution=bot_check
                    error=field_error(error, "bot_check")
                    solving=solving
                    action="sign_in"
                    id="sign-in-bot-check"
                />
            </Show>
            <button type="submit" class="button-primary" aria-disabled=move || busy.get().to_string()>
                {move_tr!("sign-in-submit")}
            </button>
            <p class="forgot-link" on:click=move |_| close_dialog()>
                <Link to=Route::Recovery(None)>{forgot}</Link>
            </p>
            <p class="sign-up-link" on:click=move |_| close_dialog()>
                {move || no_account.get().0}<Link to=Route::SignUp(None)>{move_tr!("sign-in-sign-up")}</Link>{move || no_account.get().1}
            </p>
        </form>
    }
}
