use leptos::prelude::*;
use recupera_api::{
    sign_up::{ConfirmSignUpRequest, SignUpFlow},
    ErrorCode,
};

use super::SignUpDraft;
use crate::{
    api::{self, ApiError},
    components::{CodeForm, PageHeading, ResendCode, StatusRegion},
    i18n::I18n,
    move_tr,
    routing::{use_router, Route},
    tr,
};

/// *Confirma tu email*: the 8-digit code mailed to the address, typed or pasted. A right one makes
/// the account; *Reenviar código* after the countdown; *Corregir mis datos* goes back to the form.
#[component]
pub fn ConfirmEmailStep(
    /// The sign-up, as the server last said.
    flow: RwSignal<Option<SignUpFlow>>,
    /// Set when the sign-up cannot go on: the page shows why instead of this step.
    problem: RwSignal<Option<ApiError>>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let router = use_router();
    let draft = expect_context::<SignUpDraft>();
    let code = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let flow_id = move || flow.with_untracked(|f| f.as_ref().map(|f| f.flow_id.clone()).unwrap_or_default());
    let email = flow.with_untracked(|f| f.as_ref().map(|f| f.email.clone()).unwrap_or_default());
    let status = RwSignal::new(Some(tr!(i18n, "sign-up-code-sent", { "email" => email })));

    // What a refusal means here: a field to fix on this screen, the form's, or the end of the sign-up.
    let refused = move |refusal: ApiError| match refusal.code() {
        Some(ErrorCode::UsernameTaken | ErrorCode::EmailTaken) => {
            draft.error.set(Some(refusal));
            router.go(Route::SignUp(None), false);
        }
        Some(ErrorCode::FlowNotFound | ErrorCode::FlowExpired | ErrorCode::FlowAttemptsExhausted) => {
            problem.set(Some(refusal));
        }
        _ => {
            if let ApiError::Refused(body) = &refusal {
                if let Some(left) = body.attempts_left {
                    flow.update(|f| f.iter_mut().for_each(|f| f.attempts_left = left));
                }
            }
            error.set(Some(refusal));
        }
    };
    let confirm = Action::new_local(move |typed: &String| {
        let (flow_id, code) = (flow_id(), typed.clone());
        async move {
            match api::confirm_sign_up(&flow_id, &ConfirmSignUpRequest { code }).await {
                Ok(done) => flow.set(Some(done)),
                Err(refusal) => refused(refusal),
            }
        }
    });
    let resend = Action::new_local(move |_: &()| {
        let flow_id = flow_id();
        async move {
            match api::resend_sign_up_code(&flow_id).await {
                Ok(resent) => {
                    error.set(None);
                    code.set(String::new());
                    flow.set(Some(resent));
                    status.set(Some(tr!(i18n, "sign-up-code-resent")));
                }
                Err(refusal) => refused(refusal),
            }
        }
    });
    // One request at a time: a resend while a code is being checked (or the reverse) waits its turn.
    let (checking, resending) = (confirm.pending(), resend.pending());
    let busy = Memo::new(move |_| checking.get() || resending.get());
    let resend_after_s =
        Signal::derive(move || flow.with(|f| f.as_ref().map(|f| f.resend_after_s).unwrap_or(0)));
    view! {
        <section class="panel">
            <button type="button" class="back-link" on:click=move |_| router.go(Route::SignUp(None), false)>
                {move_tr!("sign-up-change-details")}
            </button>
            <PageHeading text=move_tr!("sign-up-code-title") />
            <StatusRegion message=status />
            <CodeForm
                id="sign-up-code"
                value=code
                error=error
                busy=busy
                submit_label=move_tr!("sign-up-code-submit")
                on_code=Callback::new(move |typed| { confirm.dispatch_local(typed); })
                fields=&[("code", "sign-up-code")]
            />
            <ResendCode resend_after_s=resend_after_s busy=busy on_resend=Callback::new(move |_| { resend.dispatch_local(()); }) />
        </section>
    }
}
