use leptos::prelude::*;
use recupera_api::recovery::{Channel, SendCodeRequest, VerifyCodeRequest};

use super::FlowContext;
use crate::{
    api::{self, ApiError},
    components::{CodeForm, PageHeading, ResendCode, StatusRegion, StepCaption},
    i18n::I18n,
    move_tr,
    recovery::wizard::WizardStep,
    routing::{Link, Route},
    tr,
};

/// Step 3: *Código de verificación*. One input that takes the code as typed or pasted ("1234 5678",
/// "1234-5678"), *Reenviar código* after a visible countdown, and a way to choose the other method.
#[component]
pub fn EnterCodeStep() -> impl IntoView {
    let context = expect_context::<FlowContext>();
    let code = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let flow_id =
        move || context.flow.with_untracked(|f| f.as_ref().map(|f| f.flow_id.clone()).unwrap_or_default());
    let channel = move || context.flow.with(|f| f.as_ref().and_then(|f| f.channel));

    // "Code sent" is announced once, by channel; a resend says so again.
    let status = RwSignal::new(None::<String>);
    let announce = move || {
        let text = match channel() {
            Some(Channel::Sms) => tr!("recovery-code-sent-sms"),
            _ => tr!("recovery-code-sent-email"),
        };
        status.set(Some(text));
    };
    Effect::new(move |first: Option<()>| {
        if first.is_none() {
            announce();
        }
    });

    let check_code = Action::new_local(move |typed: &String| {
        let (flow_id, typed) = (flow_id(), typed.clone());
        async move {
            match api::verify_code(&flow_id, &VerifyCodeRequest { code: typed }).await {
                Ok(flow) => context.flow.set(Some(flow)),
                Err(problem) => {
                    if let ApiError::Refused(body) = &problem {
                        if let Some(left) = body.attempts_left {
                            context.flow.update(|f| {
                                if let Some(f) = f {
                                    f.attempts_left = left;
                                }
                            });
                        }
                    }
                    error.set(Some(problem));
                }
            }
        }
    });
    // Taken here, not in the task below: after an `.await` the task runs outside the component and
    // cannot look the language up.
    let i18n = expect_context::<I18n>();
    let send_again = Action::new_local(move |channel: &Channel| {
        let (flow_id, channel) = (flow_id(), *channel);
        async move {
            match api::send_code(&flow_id, &SendCodeRequest { channel }).await {
                Ok(flow) => {
                    error.set(None);
                    code.set(String::new());
                    context.flow.set(Some(flow));
                    let text = match channel {
                        Channel::Sms => tr!(i18n, "recovery-code-resent-sms"),
                        Channel::Email => tr!(i18n, "recovery-code-resent-email"),
                    };
                    status.set(Some(text));
                }
                Err(problem) => error.set(Some(problem)),
            }
        }
    });
    // One request at a time: a resend while a code is being checked (or the reverse) waits its turn.
    // (Each `pending()` is a memo of its own: taken once, not on every change.)
    let (checking, resending) = (check_code.pending(), send_again.pending());
    let busy = Memo::new(move |_| checking.get() || resending.get());
    let resend = move |_| {
        if let Some(channel) = channel() {
            send_again.dispatch_local(channel);
        }
    };
    let resend_after_s =
        Signal::derive(move || context.flow.with(|f| f.as_ref().map(|f| f.resend_after_s).unwrap_or(0)));
    view! {
        <section class="panel wizard">
            <button type="button" class="back-link" on:click=move |_| context.choosing_method.set(true)>
                {move_tr!("recovery-code-other-method")}
            </button>
            <StepCaption step=WizardStep::EnterCode />
            <PageHeading text=move_tr!("recovery-code-title") step=WizardStep::EnterCode />
            <StatusRegion message=status />
            <CodeForm
                id="recovery-code"
                value=code
                error=error
                busy=busy
                submit_label=move_tr!("recovery-code-submit")
                on_code=Callback::new(move |typed| { check_code.dispatch_local(typed); })
                fields=&[("code", "recovery-code")]
            />
            <ResendCode resend_after_s=resend_after_s busy=busy on_resend=Callback::new(resend) />
            <p class="start-again"><Link to=Route::Recovery(None)>{move_tr!("recovery-start-again")}</Link></p>
        </section>
    }
}
