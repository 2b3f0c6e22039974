//! *Mi cuenta*'s password: the current one, then a new one under the same rules as everywhere. Every
//! other device is signed out, and the owner is told by mail.

use leptos::{ev, prelude::*};
use recupera_api::account::ChangePasswordRequest;

use crate::{
    api::{self, ApiError},
    components::{ErrorSummary, PasswordField, PasswordRules, StatusRegion},
    errors::field_error,
    i18n::I18n,
    move_tr,
    session::use_session,
    tr,
};

/// The password section. `changed` is bumped after a change, so the sessions list reloads.
#[component]
pub fn PasswordSection(
    /// Counts the changes made here (the other devices' sessions ended with each).
    changed: RwSignal<u32>,
) -> impl IntoView {
    let session = use_session();
    let i18n = expect_context::<I18n>();
    let open = RwSignal::new(false);
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let status = RwSignal::new(None::<String>);
    let identity = Signal::derive(move || {
        session.account.with(|a| {
            a.as_ref()
                .map(|a| vec![a.username.clone(), a.email.clone(), a.phone.clone().unwrap_or_default()])
                .unwrap_or_default()
        })
    });
    let save = Action::new_local(move |request: &ChangePasswordRequest| {
        let request = request.clone();
        async move {
            match api::change_password(&request).await {
                Ok(()) => {
                    error.set(None);
                    current.set(String::new());
                    new.set(String::new());
                    open.set(false);
                    status.set(Some(tr!(i18n, "account-password-changed")));
                    changed.update(|n| *n += 1);
                }
                Err(refusal) => error.set(Some(refusal)),
            }
        }
    });
    let busy = save.pending();
    let on_submit = move |event: ev::SubmitEvent| {
        event.prevent_default();
        if !busy.get_untracked() {
            save.dispatch_local(ChangePasswordRequest {
                current_password: current.get_untracked(),
                new_password: new.get_untracked(),
            });
        }
    };
    let form = move || {
        if !open.get() {
            return view! {
                <button type="button" class="button-secondary" on:click=move |_| { status.set(None); open.set(true); }>
                    {move_tr!("account-change-password")}
                </button>
            }
            .into_any();
        }
        view! {
            <form novalidate on:submit=on_submit>
                <ErrorSummary error=error fields=&[("current_password", "current-password"), ("new_password", "account-new-password")] />
                <PasswordField id="current-password" label=move_tr!("account-current-password") value=current
                    error=field_error(error, "current_password") autocomplete="current-password" />
                <PasswordField id="account-new-password" label=move_tr!("account-new-password") value=new
                    error=field_error(error, "new_password") autocomplete="new-password" described_by="password-rules" />
                <PasswordRules password=new identity=identity />
                <div class="form-actions">
                    <button type="submit" class="button-primary" aria-disabled=move || busy.get().to_string()>
                        {move_tr!("account-save-password")}
                    </button>
                    <button type="button" class="button-secondary" on:click=move |_| { error.set(None); open.set(false); }>
                        {move_tr!("account-cancel")}
                    </button>
                </div>
            </form>
        }
        .into_any()
    };
    view! {
        <section class="account-address" aria-labelledby="account-password-heading">
            <h2 id="account-password-heading">{move_tr!("account-password-heading")}</h2>
            <StatusRegion message=status />
            {form}
        </section>
    }
}
