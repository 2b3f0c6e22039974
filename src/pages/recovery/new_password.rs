use leptos::{ev, prelude::*};
use recupera_api::{password::check_confirmation, recovery::NewPasswordRequest};

use super::{remembered_identifier, FlowContext};
use crate::{
    api::{self, ApiError},
    components::{ErrorSummary, PageHeading, PasswordField, PasswordRules, StepCaption},
    errors::{field_error, local},
    move_tr,
    recovery::wizard::WizardStep,
    server_config::ServerConfig,
};

/// Step 4: *Nueva contraseña*, with show/hide, the rules ticking as it is typed, the strength meter,
/// and a confirmation. The identifier sits in a hidden `username` field so password managers save the
/// new password for the right account.
#[component]
pub fn NewPasswordStep() -> impl IntoView {
    let context = expect_context::<FlowContext>();
    let flow_id = context.flow.with_untracked(|f| f.as_ref().map(|f| f.flow_id.clone()).unwrap_or_default());
    let identifier = remembered_identifier(&flow_id);
    let password = RwSignal::new(String::new());
    let confirmation = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let config = ServerConfig::current();
    let set_password = {
        let flow_id = flow_id.clone();
        Action::new_local(move |password: &String| {
            let (flow_id, password) = (flow_id.clone(), password.clone());
            async move {
                match api::set_password(&flow_id, &NewPasswordRequest { password }).await {
                    Ok(flow) => context.flow.set(Some(flow)),
                    Err(problem) => error.set(Some(problem)),
                }
            }
        })
    };
    let busy = set_password.pending();

    let submit = move || {
        if busy.get_untracked() {
            return;
        }
        let (typed, repeated) = (password.get_untracked(), confirmation.get_untracked());
        if let Err(code) = config.password_policy().check(&typed, &[]) {
            error.set(Some(local(code, "password")));
            return;
        }
        if let Err(code) = check_confirmation(&typed, &repeated) {
            error.set(Some(local(code, "confirmation")));
            return;
        }
        set_password.dispatch_local(typed);
    };
    let on_submit = move |event: ev::SubmitEvent| {
        event.prevent_default();
        submit();
    };
    let identity = {
        let identifier = identifier.clone();
        Signal::derive(move || vec![identifier.clone()])
    };
    view! {
        <section class="panel wizard">
            <StepCaption step=WizardStep::NewPassword />
            <PageHeading text=move_tr!("recovery-password-title") step=WizardStep::NewPassword />
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
