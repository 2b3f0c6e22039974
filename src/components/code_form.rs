//! The code field and its button: the part every code screen shares (recovery, sign-up, a new email
//! or phone in *Mi cuenta*).

use leptos::{ev, prelude::*};
use recupera_api::validation::normalize_code;

use crate::{
    api::ApiError,
    components::{ErrorSummary, TextField},
    errors::{field_error, local},
    move_tr,
};

/// *Código de verificación*, typed or pasted ("1234 5678", "1234-5678" …), and the button that sends
/// it. A code not made of 8 digits is refused here, next to the field; a well-formed one goes to
/// `on_code`, unless a request is already on its way.
#[component]
pub fn CodeForm(
    /// The input's id (the error summary links to it).
    id: &'static str,
    /// What is typed.
    value: RwSignal<String>,
    /// The form's error: a refusal of the code is shown next to the field.
    error: RwSignal<Option<ApiError>>,
    /// A request is on its way: the button waits for it.
    #[prop(into)]
    busy: Signal<bool>,
    /// The button's text (*Verificar*, *Confirmar*).
    #[prop(into)]
    submit_label: Signal<String>,
    /// The code, well-formed, to check.
    on_code: Callback<String>,
    /// Which input shows each field's error, for the summary; the code's is `("code", id)`.
    fields: &'static [(&'static str, &'static str)],
) -> impl IntoView {
    let submit = move || {
        if busy.get_untracked() {
            return;
        }
        let typed = value.get_untracked();
        match normalize_code(&typed) {
            Ok(_) => on_code.run(typed),
            Err(problem) => error.set(Some(local(problem, "code"))),
        }
    };
    let on_submit = move |event: ev::SubmitEvent| {
        event.prevent_default();
        submit();
    };
    view! {
        <form novalidate on:submit=on_submit>
            <ErrorSummary error=error fields=fields on_retry=Callback::new(move |_| submit()) />
            <TextField
                id=id
                label=move_tr!("recovery-code")
                hint=move_tr!("recovery-code-hint")
                value=value
                error=field_error(error, "code")
                autocomplete="one-time-code"
                inputmode="numeric"
            />
            <button type="submit" class="button-primary" aria-disabled=move || busy.get().to_string()>
                {submit_label}
            </button>
        </form>
    }
}
