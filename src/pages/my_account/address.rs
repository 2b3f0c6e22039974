//! *Mi cuenta*'s email and phone. A new one gets a code (by mail, or by SMS) and becomes the account's
//! only once the code is typed here; until then nothing goes to it. A phone typed at sign-up waits
//! here, unconfirmed, for a first code to be asked for.

use leptos::{ev, prelude::*};
use recupera_api::{
    account::{AccountView, AddressKind, PendingAddress},
    ErrorCode,
};

use crate::{
    api::{self, ApiError},
    components::{CodeForm, ErrorSummary, ResendCode, StatusRegion, TextField},
    errors::field_error,
    i18n::I18n,
    move_tr,
    session::use_session,
    tr,
};

fn pending_of(account: &AccountView, kind: AddressKind) -> Option<PendingAddress> {
    match kind {
        AddressKind::Email => account.pending_email.clone(),
        AddressKind::Phone => account.pending_phone.clone(),
    }
}

/// The ids of this section's inputs, and where the error summary finds each field's.
struct Inputs {
    address: &'static str,
    code: &'static str,
    fields: &'static [(&'static str, &'static str)],
}

fn inputs(kind: AddressKind) -> Inputs {
    match kind {
        AddressKind::Email => Inputs {
            address: "new-email",
            code: "email-code",
            fields: &[("email", "new-email"), ("code", "email-code")],
        },
        AddressKind::Phone => Inputs {
            address: "new-phone",
            code: "phone-code",
            fields: &[("phone", "new-phone"), ("code", "phone-code")],
        },
    }
}

/// One address of the account: what it is, the new one waiting for its code (with the code field),
/// and the form for a new one.
#[component]
pub fn AddressSection(
    /// The email or the phone.
    kind: AddressKind,
) -> impl IntoView {
    let session = use_session();
    let i18n = expect_context::<I18n>();
    let ids = inputs(kind);
    let pending = Memo::new(move |_| session.account.with(|a| a.as_ref().and_then(|a| pending_of(a, kind))));
    let adding = RwSignal::new(false);
    let address = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let status = RwSignal::new(None::<String>);

    let set_pending = move |waiting: Option<PendingAddress>| {
        session.account.update(|account| {
            if let Some(account) = account {
                match kind {
                    AddressKind::Email => account.pending_email = waiting,
                    AddressKind::Phone => account.pending_phone = waiting,
                }
            }
        })
    };
    let code_sent = move |waiting: &PendingAddress| {
        let address = waiting.address.clone();
        match kind {
            AddressKind::Email => tr!(i18n, "account-code-sent-email", { "address" => address }),
            AddressKind::Phone => tr!(i18n, "account-code-sent-phone", { "address" => address }),
        }
    };
    // A refusal that ends the waiting address (too many wrong codes, or gone) shows the form again.
    let refused = move |refusal: ApiError| {
        if matches!(refusal.code(), Some(ErrorCode::NothingToConfirm | ErrorCode::AddressAttemptsExhausted)) {
            set_pending(None);
            adding.set(true);
        }
        if let ApiError::Refused(body) = &refusal {
            if let (Some(left), Some(mut waiting)) = (body.attempts_left, pending.get_untracked()) {
                waiting.attempts_left = left;
                set_pending(Some(waiting));
            }
        }
        error.set(Some(refusal));
    };
    let send = Action::new_local(move |typed: &Option<String>| {
        let typed = typed.clone();
        async move {
            let sent = match typed {
                Some(address) => api::add_address(kind, address).await,
                None => api::resend_address_code(kind).await,
            };
            match sent {
                Ok(waiting) => {
                    error.set(None);
                    code.set(String::new());
                    adding.set(false);
                    status.set(Some(code_sent(&waiting)));
                    set_pending(Some(waiting));
                }
                Err(refusal) => refused(refusal),
            }
        }
    });
    let confirm = Action::new_local(move |typed: &String| {
        let typed = typed.clone();
        async move {
            match api::confirm_address(kind, typed).await {
                Ok(account) => {
                    error.set(None);
                    code.set(String::new());
                    session.account.set(Some(account));
                    status.set(Some(match kind {
                        AddressKind::Email => tr!(i18n, "account-email-confirmed"),
                        AddressKind::Phone => tr!(i18n, "account-phone-confirmed"),
                    }));
                }
                Err(refusal) => refused(refusal),
            }
        }
    });
    let (sending, checking) = (send.pending(), confirm.pending());
    let busy = Memo::new(move |_| sending.get() || checking.get());
    let on_add = move |event: ev::SubmitEvent| {
        event.prevent_default();
        if !busy.get_untracked() {
            send.dispatch_local(Some(address.get_untracked()));
        }
    };
    let current = move || {
        session.account.with(|a| {
            a.as_ref().and_then(|a| match kind {
                AddressKind::Email => Some(a.email.clone()),
                AddressKind::Phone => a.phone.clone(),
            })
        })
    };
    let has_current = move || current().is_some();
    let heading_id = match kind {
        AddressKind::Email => "account-email-heading",
        AddressKind::Phone => "account-phone-heading",
    };
    let resend_after_s = Signal::derive(move || pending.get().map(|p| p.resend_after_s).unwrap_or(0));

    let waiting_view = move || {
        // While a new address is being typed, the form alone is shown (with its own error summary).
        pending.get().filter(|_| !adding.get()).map(|waiting| {
            let address = waiting.address.clone();
            if !waiting.code_sent {
                // Typed at sign-up: nothing has gone to it yet.
                return view! {
                    <ErrorSummary error=error fields=ids.fields />
                    <p class="address-unconfirmed">
                        {move_tr!("account-phone-unconfirmed", { "phone" => address.clone() })}
                    </p>
                    <button type="button" class="button-primary" aria-disabled=move || busy.get().to_string()
                        on:click=move |_| if !busy.get_untracked() { send.dispatch_local(None); }>
                        {move_tr!("account-send-sms")}
                    </button>
                }
                .into_any();
            }
            view! {
                <p>{move_tr!("account-code-waiting", { "address" => address.clone() })}</p>
                <CodeForm
                    id=ids.code
                    value=code
                    error=error
                    busy=busy
                    submit_label=move_tr!("account-confirm-code")
                    on_code=Callback::new(move |typed| { confirm.dispatch_local(typed); })
                    fields=ids.fields
                />
                <ResendCode resend_after_s=resend_after_s busy=busy on_resend=Callback::new(move |_| { send.dispatch_local(None); }) />
            }
            .into_any()
        })
    };
    let add_form = move || {
        if !adding.get() {
            let label = move || match (kind, has_current()) {
                (AddressKind::Email, _) => tr!(i18n, "account-change-email"),
                (AddressKind::Phone, true) => tr!(i18n, "account-change-phone"),
                (AddressKind::Phone, false) => tr!(i18n, "account-add-phone"),
            };
            return view! {
                <button type="button" class="button-secondary" on:click=move |_| { error.set(None); adding.set(true); }>
                    {label}
                </button>
            }
            .into_any();
        }
        let (label, hint, input_type, autocomplete, submit) = match kind {
            AddressKind::Email => (
                move_tr!("account-new-email"),
                move_tr!("account-new-email-hint"),
                "email",
                "email",
                move_tr!("account-send-code-email"),
            ),
            AddressKind::Phone => (
                move_tr!("account-new-phone"),
                move_tr!("account-new-phone-hint"),
                "tel",
                "tel",
                move_tr!("account-send-sms"),
            ),
        };
        let field = match kind {
            AddressKind::Email => "email",
            AddressKind::Phone => "phone",
        };
        view! {
            <form novalidate on:submit=on_add>
                <ErrorSummary error=error fields=ids.fields />
                <TextField
                    id=ids.address
                    label=label
                    hint=hint
                    value=address
                    error=field_error(error, field)
                    input_type=input_type
                    autocomplete=autocomplete
                    autofocus=true
                />
                <div class="form-actions">
                    <button type="submit" class="button-primary" aria-disabled=move || busy.get().to_string()>
                        {submit}
                    </button>
                    <button type="button" class="button-secondary" on:click=move |_| { error.set(None); adding.set(false); }>
                        {move_tr!("account-cancel")}
                    </button>
                </div>
            </form>
        }
        .into_any()
    };
    view! {
        <section class="account-address" aria-labelledby=heading_id>
            <h2 id=heading_id>
                {match kind {
                    AddressKind::Email => move_tr!("account-email"),
                    AddressKind::Phone => move_tr!("account-phone"),
                }}
            </h2>
            <p class="address-current">{move || current().unwrap_or_else(|| "—".into())}</p>
            <StatusRegion message=status />
            {waiting_view}
            {add_form}
        </section>
    }
}
