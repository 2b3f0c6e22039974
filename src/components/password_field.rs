use crate::move_tr;
use leptos::prelude::*;

/// A password input with a *Mostrar* / *Ocultar* button, its label and its error.
#[component]
pub fn PasswordField(
    id: &'static str,
    #[prop(into)] label: Signal<String>,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    /// `current-password` to sign in, `new-password` to choose one.
    autocomplete: &'static str,
    /// Ids of elements that describe the field (the rules list).
    #[prop(optional)]
    described_by: Option<&'static str>,
) -> impl IntoView {
    let visible = RwSignal::new(false);
    let error_id = format!("{id}-error");
    let described = {
        let error_id = error_id.clone();
        move || {
            let ids: Vec<String> = described_by
                .map(str::to_owned)
                .into_iter()
                .chain(error.get().is_some().then(|| error_id.clone()))
                .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:field-invalid=move || error.get().is_some()>
            <label for=id>{label}</label>
            {move || error.get().map(|message| view! { <p class="field-error" id=error_id.clone()>{message}</p> })}
            <div class="password-input">
                <input
                    id=id
                    name=id
                    type=move || if visible.get() { "text" } else { "password" }
                    autocomplete=autocomplete
                    required=true
                    spellcheck="false"
                    autocapitalize="off"
                    aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                    aria-describedby=described
                    prop:value=move || value.get()
                    on:input=move |event| value.set(event_target_value(&event))
                />
                <button
                    type="button"
                    class="password-toggle"
                    aria-controls=id
                    aria-pressed=move || if visible.get() { "true" } else { "false" }
                    on:click=move |_| visible.update(|v| *v = !*v)
                >
                    {move || if visible.get() { move_tr!("password-hide").get() } else { move_tr!("password-show").get() }}
                </button>
            </div>
        </div>
    }
}
