use leptos::{ev, prelude::*, task::spawn_local};
use recupera_api::{
    password::{check_confirmation, PasswordPolicy},
    recovery::NewPasswordRequest,
};

use super::{remembered_identifier, step_title, FlowContext};
use crate::{
    api::{self, ApiError},
    components::{focus_on_mount, ErrorSummary, PasswordField, PasswordRules, StepCaption},
    errors::{field_error, local},
    move_tr,
    recovery::wizard::WizardStep,
};

/// Step 4: *Nueva contraseña*, with show/hide, the rules ticking as it is typed, the strength meter,
/// and a confirmation. The identifier sits in a hidden `username` field so password managers save the
/// new password for the right account.
#[component]
pub fn NewPasswordStep() -> impl IntoView {
    let context = expect_context::<FlowContext>();
    let heading = NodeRef::<leptos::html::H1>::new();
    focus_on_mount(heading);
    step_title(WizardStep::NewPassword, move || move_tr!("recovery-password-title").get());
    let flow_id = context.flow.with_untracked(|f| f.as_ref().map(|f| f.flow_id.clone()).unwrap_or_default());
    let identifier = remembered_identifier(&flow_id);
    let password = RwSignal::new(String::new());
    let confirmation = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);

    let submit = {
        let flow_id = flow_id.clone();
        move || {
            if busy.get_untracked() {
                return;
            }
            let (typed, repeated) = (password.get_untracked(), confirmation.get_untracked());
            if let Err(code) = PasswordPolicy::recommended().check(&typed, &[]) {
                error.set(Some(local(code, "password")));
                return;
            }
            if let Err(code) = check_confirmation(&typed, &repeated) {
                error.set(Some(local(code, "confirmation")));
                return;
            }
            busy.set(true);
            let flow_id = flow_id.clone();
            spawn_local(async move {
                match api::set_password(&flow_id, &NewPasswordRequest { password: typed }).await {
                    Ok(flow) => context.flow.set(Some(flow)),
                    Err(problem) => error.set(Some(problem)),
                }
                // The screen may be gone by now (the step moved on): `try_set` does nothing then.
                let _ = busy.try_set(false);
            });
        }
    };
    let on_submit = {
        let submit = submit.clone();
        move |event: ev::SubmitEvent| {
            event.prevent_default();
            submit();
        }
    };
    let identity = {
        let identifier = identifier.clone();
        Signal::derive(move || vec![identifier.clone()])
    };
    view! {
        <section class="panel wizard">
            <StepCaption step=WizardStep::NewPassword />
            <h1 tabindex="-1" node_ref=heading>{move_tr!("recovery-password-title")}</h1>
            <p class="lead">{move_tr!("recovery-password-intro")}</p>
            <form novalidate on:submit=on_submit>
                <ErrorSummary
                    error=error
                    fields=&[("password", "new-password"), ("confirmation", "new-password-confirmation")]
                    on_retry=Callback::new(move |_| submit())
                />
                <input type="text" class="visually-hidden" name="username" autocomplete="username"
                    tabindex="-1" aria-hidden="true" prop:value=identifier readonly=true />
                <PasswordField id="new-password" label=move_tr!("recovery-password") value=password
                    error=field_error(error, "password") autocomplete="new-password" described_by="password-rules" />
                <PasswordRules password=password identity=identity flow_id=flow_id />
                <PasswordField id="new-password-confirmation" label=move_tr!("recovery-password-confirmation")
                    value=confirmation error=field_error(error, "confirmation") autocomplete="new-password" />
                <button type="submit" class="button-primary" aria-disabled=move || busy.get().to_string()>
                    {move_tr!("recovery-password-submit")}
                </button>
            </form>
        </section>
    }
}
