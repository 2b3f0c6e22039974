//! The recovery wizard, one screen per step: identify → choose a method → enter the code → new
//! password → done. The flow id is in the address (`/recuperar/<flow>`), and the server says which
//! step it is at, so a reload or back/forward land on the right screen. Another browser cannot continue
//! the flow (it lacks the flow cookie) and is offered to start one of its own.

mod choose_method;
mod done;
mod enter_code;
mod identify;
mod new_password;

use leptos::{prelude::*, task::spawn_local};
use recupera_api::recovery::RecoveryFlow;

use crate::{
    api::{self, ApiError},
    components::{focus_on_mount, page_title},
    errors::error_text,
    move_tr,
    recovery::wizard::WizardStep,
    routing::{Link, Route},
};
pub use choose_method::ChooseMethodStep;
pub use done::DoneStep;
pub use enter_code::EnterCodeStep;
pub use identify::IdentifyStep;
pub use new_password::NewPasswordStep;

/// What every step of a started flow shares.
#[derive(Clone, Copy)]
pub struct FlowContext {
    pub flow: RwSignal<Option<RecoveryFlow>>,
    /// The person asked to pick another method while a code is out.
    pub choosing_method: RwSignal<bool>,
}

#[component]
pub fn RecoveryPage(flow_id: Option<String>) -> impl IntoView {
    match flow_id {
        None => view! { <IdentifyStep/> }.into_any(),
        Some(flow_id) => view! { <FlowSteps flow_id=flow_id/> }.into_any(),
    }
}

#[component]
fn FlowSteps(flow_id: String) -> impl IntoView {
    let context = FlowContext { flow: RwSignal::new(None), choosing_method: RwSignal::new(false) };
    provide_context(context);
    let problem = RwSignal::new(None::<ApiError>);
    let load = {
        let flow_id = flow_id.clone();
        move || {
            let flow_id = flow_id.clone();
            spawn_local(async move {
                match api::recovery(&flow_id).await {
                    Ok(flow) => {
                        problem.set(None);
                        context.flow.set(Some(flow));
                    }
                    Err(error) => problem.set(Some(error)),
                }
            });
        }
    };
    load();
    let step = Memo::new(move |_| {
        context
            .flow
            .with(|flow| flow.as_ref().map(|f| WizardStep::for_flow(Some(f), context.choosing_method.get())))
    });
    move || match (step.get(), problem.get()) {
        (Some(WizardStep::ChooseMethod), _) => view! { <ChooseMethodStep/> }.into_any(),
        (Some(WizardStep::EnterCode), _) => view! { <EnterCodeStep/> }.into_any(),
        (Some(WizardStep::NewPassword), _) => view! { <NewPasswordStep/> }.into_any(),
        (Some(WizardStep::Done), _) => view! { <DoneStep/> }.into_any(),
        (_, Some(error)) => {
            let load = load.clone();
            view! { <FlowProblem error=error on_retry=Callback::new(move |_| load()) /> }.into_any()
        }
        _ => view! { <p class="loading">{move_tr!("loading")}</p> }.into_any(),
    }
}

/// The flow cannot continue (unknown, expired, finished, budget spent), or the server was not reached.
#[component]
pub fn FlowProblem(error: ApiError, on_retry: Callback<()>) -> impl IntoView {
    let heading = NodeRef::<leptos::html::H1>::new();
    focus_on_mount(heading);
    page_title(move || move_tr!("recovery-problem-title").get());
    let network = matches!(error, ApiError::Network { .. });
    // An unknown flow is most often one started in another browser (a link sent by someone else, or
    // opened on another device): a recovery can only be finished where it began, so offer one here.
    let elsewhere = error.code() == Some(recupera_api::ErrorCode::FlowNotFound);
    view! {
        <section class="panel">
            <h1 tabindex="-1" node_ref=heading>{move_tr!("recovery-problem-title")}</h1>
            <p class="lead" role="alert">{move || error_text(&error)}</p>
            {network.then(|| view! { <button type="button" on:click=move |_| on_retry.run(())>{move_tr!("error-retry")}</button> })}
            <p>
                <Link to=Route::Recovery(None) class="button-secondary">
                    {move || if elsewhere { crate::tr!("recovery-start-here") } else { crate::tr!("recovery-start-again") }}
                </Link>
            </p>
        </section>
    }
}

/// The identifier typed at the start, kept in this tab so the last steps can offer it to the password
/// manager and the sign-in form. (The server never sends it back.)
pub fn remember_identifier(flow_id: &str, identifier: &str) {
    if let Ok(Some(storage)) = window().session_storage() {
        let _ = storage.set_item(&format!("recupera-identifier-{flow_id}"), identifier);
    }
}

pub fn remembered_identifier(flow_id: &str) -> String {
    window()
        .session_storage()
        .ok()
        .flatten()
        .and_then(|storage| storage.get_item(&format!("recupera-identifier-{flow_id}")).ok().flatten())
        .unwrap_or_default()
}

/// `document.title` for a step: *Paso 2 de 4: Elige cómo verificar — Recupera*.
pub fn step_title(step: WizardStep, title: impl Fn() -> String + 'static) {
    page_title(move || match step.number() {
        Some(number) => crate::tr!("recovery-step-title", {
            "step" => number, "total" => WizardStep::COUNTED, "title" => title()
        }),
        None => title(),
    });
}
