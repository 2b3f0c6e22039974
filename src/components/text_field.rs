use leptos::prelude::*;

/// A labelled input with its error message under it.
#[component]
pub fn TextField(
    /// The input's id (the error summary links to it).
    id: &'static str,
    /// The visible label.
    #[prop(into)]
    label: Signal<String>,
    /// What the person typed.
    value: RwSignal<String>,
    /// The field's error message, if any.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// `text`, `email`, `tel`, `password`…
    #[prop(default = "text")]
    input_type: &'static str,
    /// The `autocomplete` token, so browsers and password managers fill it.
    autocomplete: &'static str,
    /// A hint for on-screen keyboards (`numeric` for codes).
    #[prop(optional)]
    inputmode: Option<&'static str>,
    /// A line of help under the label.
    #[prop(optional, into)]
    hint: Option<Signal<String>>,
    #[prop(default = true)] required: bool,
    /// Focus this field when its dialog opens.
    #[prop(optional)]
    autofocus: bool,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let has_hint = hint.is_some();
    let described_by = {
        let (error_id, hint_id) = (error_id.clone(), hint_id.clone());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:field-invalid=move || error.get().is_some()>
            <label for=id>{label}</label>
            {hint.map(|hint| view! { <p class="field-hint" id=hint_id.clone()>{hint}</p> })}
            {move || error.get().map(|message| view! { <p class="field-error" id=error_id.clone()>{message}</p> })}
            <input
                id=id
                name=id
                type=input_type
                autocomplete=autocomplete
                inputmode=inputmode
                required=required
                autofocus=autofocus
                aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                aria-describedby=described_by
                prop:value=move || value.get()
                on:input=move |event| value.set(event_target_value(&event))
            />
        </div>
    }
}
