use leptos::prelude::*;
use recupera_api::recovery::{Channel, SendCodeRequest};

use super::FlowContext;
use crate::{
    api::{self, ApiError},
    components::{ErrorSummary, PageHeading, StepCaption},
    move_tr,
    recovery::wizard::WizardStep,
    routing::{Link, Route},
};

/// Step 2: *Verificación de Email* or *Verificación por SMS*. Both are always offered; which one the
/// account can receive is never revealed.
#[component]
pub fn ChooseMethodStep() -> impl IntoView {
    let context = expect_context::<FlowContext>();
    let error = RwSignal::new(None::<ApiError>);
    let flow_id =
        move || context.flow.with_untracked(|f| f.as_ref().map(|f| f.flow_id.clone()).unwrap_or_default());
    let send_code = Action::new_local(move |channel: &Channel| {
        let (flow_id, channel) = (flow_id(), *channel);
        async move {
            match api::send_code(&flow_id, &SendCodeRequest { channel }).await {
                Ok(flow) => {
                    context.choosing_method.set(false);
                    context.flow.set(Some(flow));
                }
                Err(problem) => error.set(Some(problem)),
            }
        }
    });
    let busy = send_code.pending();
    let send = move |channel: Channel| {
        if !busy.get_untracked() {
            send_code.dispatch_local(channel);
        }
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
            <PageHeading text=move_tr!("recovery-method-title") step=WizardStep::ChooseMethod />
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
