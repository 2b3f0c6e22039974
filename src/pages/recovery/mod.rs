//! The recovery wizard, one screen per step: identify → choose a method → enter the code → new
//! password → done. The flow id is in the address (`/recuperar/<flow>`), and the server says which
//! step it is at, so a reload or back/forward land on the right screen. Another browser cannot continue
//! the flow (it lacks the flow cookie) and is offered to start one of its own.

mod choose_method;
mod done;
mod enter_code;
mod flow_problem;
mod identify;
mod new_password;
mod remembered_identifier;

use leptos::{prelude::*, task::spawn_local};
use recupera_api::recovery::RecoveryFlow;

use crate::{
    api::{self, ApiError},
    move_tr,
    recovery::wizard::WizardStep,
};
pub use choose_method::ChooseMethodStep;
pub use done::DoneStep;
pub use enter_code::EnterCodeStep;
pub use flow_problem::FlowProblem;
pub use identify::IdentifyStep;
pub use new_password::NewPasswordStep;
pub use remembered_identifier::{remember_identifier, remembered_identifier};

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
