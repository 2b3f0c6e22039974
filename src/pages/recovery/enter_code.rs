use leptos::{ev, prelude::*, task::spawn_local};
use leptos_fluent::{move_tr, tr};
use recupera_api::{
    recovery::{Channel, SendCodeRequest, VerifyCodeRequest},
    validation::normalize_code,
};

use super::{step_title, FlowContext};
use crate::{
    api::{self, ApiError},
    components::{focus_on_mount, ErrorSummary, StatusRegion, StepCaption, TextField},
    errors::{field_error, local},
    recovery::wizard::{countdown, WizardStep},
    routing::{Link, Route},
};

/// Step 3: *Código de verificación*. One input that takes the code as typed or pasted ("1234 5678",
/// "1234-5678"), *Reenviar código* after a visible countdown, and a way to choose the other method.
#[component]
pub fn EnterCodeStep() -> impl IntoView {
    let context = expect_context::<FlowContext>();
    let heading = NodeRef::<leptos::html::H1>::new();
    focus_on_mount(heading);
    step_title(WizardStep::EnterCode, move || move_tr!("recovery-code-title").get());
    let code = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
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

    // Seconds until *Reenviar código* works, counted down here from what the server said.
    let remaining =
        RwSignal::new(context.flow.with_untracked(|f| f.as_ref().map(|f| f.resend_after_s).unwrap_or(0)));
    Effect::new(move |_| {
        if let Some(seconds) = context.flow.with(|f| f.as_ref().map(|f| f.resend_after_s)) {
            remaining.set(seconds);
        }
    });
    if let Ok(ticker) = set_interval_with_handle(
        move || remaining.update(|s| *s = s.saturating_sub(1)),
        std::time::Duration::from_secs(1),
    ) {
        on_cleanup(move || ticker.clear());
    }

    let verify = move || {
        if busy.get_untracked() {
            return;
        }
        let typed = code.get_untracked();
        if let Err(problem) = normalize_code(&typed) {
            error.set(Some(local(problem, "code")));
            return;
        }
        busy.set(true);
        let flow_id = flow_id();
        spawn_local(async move {
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
            // The screen may be gone by now (the step moved on): `try_set` does nothing then.
            let _ = busy.try_set(false);
        });
    };
    let resend = move |_| {
        if busy.get_untracked() || remaining.get_untracked() > 0 {
            return;
        }
        let Some(channel) = channel() else { return };
        busy.set(true);
        let flow_id = flow_id();
        spawn_local(async move {
            match api::send_code(&flow_id, &SendCodeRequest { channel }).await {
                Ok(flow) => {
                    error.set(None);
                    code.set(String::new());
                    context.flow.set(Some(flow));
                    let text = match channel {
                        Channel::Sms => tr!("recovery-code-resent-sms"),
                        Channel::Email => tr!("recovery-code-resent-email"),
                    };
                    status.set(Some(text));
                }
                Err(problem) => error.set(Some(problem)),
            }
            // The screen may be gone by now (the step moved on): `try_set` does nothing then.
            let _ = busy.try_set(false);
        });
    };
    let on_submit = move |event: ev::SubmitEvent| {
        event.prevent_default();
        verify();
    };
    // The dev mailbox exists only in dev mode: ask the server whether it answers.
    let mailbox = LocalResource::new(api::dev_mailbox);
    let dev_mode = move || mailbox.get().is_some_and(|r| r.is_ok());
    view! {
        <section class="panel wizard">
            <button type="button" class="back-link" on:click=move |_| context.choosing_method.set(true)>
                {move_tr!("recovery-code-other-method")}
            </button>
            <StepCaption step=WizardStep::EnterCode />
            <h1 tabindex="-1" node_ref=heading>{move_tr!("recovery-code-title")}</h1>
            <StatusRegion message=status />
            <form novalidate on:submit=on_submit>
                <ErrorSummary error=error fields=&[("code", "recovery-code")] on_retry=Callback::new(move |_| verify()) />
                <TextField
                    id="recovery-code"
                    label=move_tr!("recovery-code")
                    hint=move_tr!("recovery-code-hint")
                    value=code
                    error=field_error(error, "code")
                    autocomplete="one-time-code"
                    inputmode="numeric"
                />
                <button type="submit" class="button-primary" aria-disabled=move || busy.get().to_string()>
                    {move_tr!("recovery-code-submit")}
                </button>
            </form>
            <div class="resend">
                <button
                    type="button"
                    class="button-secondary"
                    aria-disabled=move || (remaining.get() > 0 || busy.get()).to_string()
                    aria-describedby="resend-wait"
                    on:click=resend
                >
                    {move_tr!("recovery-code-resend")}
                </button>
                // Not a live region: a countdown read aloud every second would drown everything else.
                <p id="resend-wait" class="resend-wait">
                    {move || (remaining.get() > 0).then(|| tr!("recovery-code-resend-wait", { "time" => countdown(remaining.get()) }))}
                </p>
            </div>
            <Show when=dev_mode>
                <p class="dev-mailbox-link">
                    <a href=Route::DevMailbox.path() target="_blank" rel="noopener">{move_tr!("recovery-code-open-mailbox")}</a>
                </p>
            </Show>
            <p class="start-again"><Link to=Route::Recovery(None)>{move_tr!("recovery-start-again")}</Link></p>
        </section>
    }
}
