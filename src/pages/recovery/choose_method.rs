use leptos::{prelude::*, task::spawn_local};
use recupera_api::recovery::{Channel, SendCodeRequest};

use super::{step_title, FlowContext};
use crate::{
    api::{self, ApiError},
    components::{focus_on_mount, ErrorSummary, StepCaption},
    move_tr,
    recovery::wizard::WizardStep,
    routing::{Link, Route},
};

/// Step 2: *Verificación de Email* or *Verificación por SMS*. Both are always offered; which one the
/// account can receive is never revealed.
#[component]
pub fn ChooseMethodStep() -> impl IntoView {
    let context = expect_context::<FlowContext>();
    let heading = NodeRef::<leptos::html::H1>::new();
    focus_on_mount(heading);
    step_title(WizardStep::ChooseMethod, move || move_tr!("recovery-method-title").get());
    let error = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let send = move |channel: Channel| {
        if busy.get_untracked() {
            return;
        }
        let Some(flow_id) = context.flow.with_untracked(|f| f.as_ref().map(|f| f.flow_id.clone())) else {
            return;
        };
        busy.set(true);
        spawn_local(async move {
            match api::send_code(&flow_id, &SendCodeRequest { channel }).await {
                Ok(flow) => {
                    context.choosing_method.set(false);
                    context.flow.set(Some(flow));
                }
                Err(problem) => error.set(Some(problem)),
            }
            // The screen may be gone by now (the step moved on): `try_set` does nothing then.
            let _ = busy.try_set(false);
        });
    };
    let back = move |_| context.choosing_method.set(false);
    let code_out = move || context.flow.with(|f| f.as_ref().is_some_and(|f| f.channel.is_some()));
    view! {
        <section class="panel wizard">
            <Show
                when=code_out
                fallback=|| view! { <Link to=Route::Recovery(None) class="back-link">{move_tr!("back")}</Link> }
            >
                <button type="button" class="back-link" on:click=back>{move_tr!("back")}</button>
            </Show>
            <StepCaption step=WizardStep::ChooseMethod />
            <h1 tabindex="-1" node_ref=heading>{move_tr!("recovery-method-title")}</h1>
            <p class="lead">{move_tr!("recovery-method-intro")}</p>
            <ErrorSummary error=error />
            <div class="method-choices">
                <button type="button" class="method-choice" aria-disabled=move || busy.get().to_string() on:click=move |_| send(Channel::Email)>
                    <span class="method-name">{move_tr!("recovery-method-email")}</span>
                    <span class="method-detail">{move_tr!("recovery-method-email-detail")}</span>
                </button>
                <button type="button" class="method-choice" aria-disabled=move || busy.get().to_string() on:click=move |_| send(Channel::Sms)>
                    <span class="method-name">{move_tr!("recovery-method-sms")}</span>
                    <span class="method-detail">{move_tr!("recovery-method-sms-detail")}</span>
                </button>
            </div>
        </section>
    }
}
