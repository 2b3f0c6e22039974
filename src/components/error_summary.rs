use leptos::prelude::*;

use crate::{api::ApiError, errors::error_text, move_tr};

/// The form's problem, at its top. It takes focus when it appears, so keyboard and screen-reader users
/// learn of it at once; a field's error links to the field.
#[component]
pub fn ErrorSummary(
    error: RwSignal<Option<ApiError>>,
    /// Which input shows each field's error: `(field, input id)`.
    #[prop(optional)]
    fields: &'static [(&'static str, &'static str)],
    /// Offered on a network failure: try the same request again.
    #[prop(optional, into)]
    on_retry: Option<Callback<()>>,
) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if error.get().is_some() {
            if let Some(summary) = node.get() {
                let _ = summary.focus();
            }
        }
    });
    move || {
        error.get().map(|problem| {
            let message = {
                let problem = problem.clone();
                move || error_text(&problem)
            };
            let field_input = match &problem {
                ApiError::Refused(body) => body
                    .field
                    .as_deref()
                    .and_then(|field| fields.iter().find(|(f, _)| *f == field))
                    .map(|(_, input)| *input),
                ApiError::Network { .. } => None,
            };
            let retry = matches!(problem, ApiError::Network { .. }).then_some(on_retry).flatten();
            view! {
                <div class="error-summary" role="alert" tabindex="-1" node_ref=node>
                    <h2>{move_tr!("error-summary-title")}</h2>
                    {match field_input {
                        Some(input) => view! { <p><a href=format!("#{input}")>{message}</a></p> }.into_any(),
                        None => view! { <p>{message}</p> }.into_any(),
                    }}
                    {retry.map(|retry| view! {
                        <button type="button" on:click=move |_| retry.run(())>{move_tr!("error-retry")}</button>
                    })}
                </div>
            }
        })
    }
}
