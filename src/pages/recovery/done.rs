use leptos::prelude::*;

use super::{remembered_identifier, FlowContext};
use crate::{
    components::{PageHeading, StepCaption},
    move_tr,
    recovery::wizard::WizardStep,
    routing::{use_router, Route},
    session::{is_narrow_screen, use_session},
};

/// The password was changed: every session ended, and the person signs in with the new password
/// (the identifier is filled in for them).
#[component]
pub fn DoneStep() -> impl IntoView {
    let context = expect_context::<FlowContext>();
    let session = use_session();
    let router = use_router();
    let flow_id = context.flow.with_untracked(|f| f.as_ref().map(|f| f.flow_id.clone()).unwrap_or_default());
    let identifier = remembered_identifier(&flow_id);
    let sign_in = move |_| {
        if is_narrow_screen() {
            session.prefill.set(identifier.clone());
            router.go(Route::SignIn, false);
        } else {
            session.open_sign_in(identifier.clone());
        }
    };
    view! {
        <section class="panel wizard">
            <StepCaption step=WizardStep::Done />
            <PageHeading text=move_tr!("recovery-done-title") step=WizardStep::Done />
            <p class="lead" role="status">{move_tr!("recovery-done-intro")}</p>
            <button type="button" class="button-primary" on:click=sign_in>{move_tr!("recovery-done-sign-in")}</button>
        </section>
    }
}
