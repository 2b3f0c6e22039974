use leptos::{ev, prelude::*};
use recupera_api::{recovery::StartRecoveryRequest, validation::parse_identifier, ErrorCode};

use super::remember_identifier;
use crate::{
    api::{self, ApiError},
    components::{BotCheck, ErrorSummary, PageHeading, StepCaption, TextField},
    errors::{field_error, is_about, local},
    i18n::I18n,
    move_tr,
    recovery::wizard::WizardStep,
    routing::{use_router, Link, Route},
};

/// Step 1: *Email o ID de usuario*, *No soy un robot*, *Enviar*. Nothing here ever says whether an
/// account exists: every identifier leads to the same next step.
#[component]
pub fn IdentifyStep() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let router = use_router();
    let identifier = RwSignal::new(String::new());
    let bot_check = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<ApiError>);
    let solving = RwSignal::new(false);
    // *Enviar* pressed while the check was still solving: sent as soon as it is solved.
    let send_when_checked = RwSignal::new(false);

    // Once the box is ticked and solved, its old complaint no longer applies.
    Effect::new(move |_| {
        if bot_check.get().is_some() && error.get_untracked().is_some_and(|e| is_about(&e, "bot_check")) {
            error.set(None);
        }
    });

    let start = Action::new_local(move |(request, typed): &(StartRecoveryRequest, String)| {
        let (request, typed) = (request.clone(), typed.clone());
        async move {
            match api::start_recovery(&request).await {
                Ok(flow) => {
                    remember_identifier(&flow.flow_id, typed.trim());
                    router.go(Route::Recovery(Some(flow.flow_id)), false);
                }
                Err(problem) => {
                    // A solved challenge is spent (or refused) once sent: the person ticks the box again.
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
    let busy = start.pending();
    let submit = move || {
        if busy.get_untracked() {
            return;
        }
        if let Err(code) = parse_identifier(&identifier.get_untracked()) {
            error.set(Some(local(code, "identifier")));
            return;
        }
        let Some(solution) = bot_check.get_untracked() else {
            if solving.get_untracked() {
                error.set(None);
                send_when_checked.set(true);
            } else {
                error.set(Some(local(ErrorCode::BotCheckInvalid, "bot_check")));
            }
            return;
        };
        send_when_checked.set(false);
        let typed = identifier.get_untracked();
        let request = StartRecoveryRequest {
            identifier: typed.clone(),
            bot_check: solution,
            language: i18n.language.get_untracked().id.to_owned(),
        };
        start.dispatch_local((request, typed));
    };
    Effect::new(move |_| {
        let (solved, still_solving) = (bot_check.get().is_some(), solving.get());
        if !send_when_checked.get_untracked() || still_solving {
            return;
        }
        if solved {
            submit();
        } else {
            // The check failed, or was unticked: say so, as a press without it would.
            send_when_checked.set(false);
            error.set(Some(local(ErrorCode::BotCheckInvalid, "bot_check")));
        }
    });
    let on_submit = move |event: ev::SubmitEvent| {
        event.prevent_default();
        submit();
    };
    view! {
        <section class="panel wizard">
            <Link to=Route::Home class="back-link">{move_tr!("back")}</Link>
            <StepCaption step=WizardStep::Identify />
            <PageHeading text=move_tr!("recovery-identify-title") step=WizardStep::Identify />
            <p class="lead">{move_tr!("recovery-identify-intro")}</p>
            <form novalidate on:submit=on_submit>
                <ErrorSummary
                    error=error
                    fields=&[("identifier", "recovery-identifier"), ("bot_check", "bot-check")]
                    on_retry=Callback::new(move |_| submit())
                />
                <TextField
                    id="recovery-identifier"
                    label=move_tr!("recovery-identifier")
                    hint=move_tr!("recovery-identifier-hint")
                    value=identifier
                    error=field_error(error, "identifier")
                    autocomplete="username"
                />
                <BotCheck solution=bot_check error=field_error(error, "bot_check") solving=solving />
                <button
                    type="submit"
                    class="button-primary"
                    aria-disabled=move || (busy.get() || send_when_checked.get()).to_string()
                >
                    {move_tr!("recovery-identify-submit")}
                </button>
                <p class="form-status" role="status">
                    {move || send_when_checked.get().then(|| move_tr!("recovery-identify-sent-when-checked").get())}
                </p>
            </form>
        </section>
    }
}
