use leptos::prelude::*;

use crate::{recovery::wizard::WizardStep, tr};

/// *Paso 2 de 4*, above a step's heading.
#[component]
pub fn StepCaption(step: WizardStep) -> impl IntoView {
    step.number().map(|number| {
        view! {
            <p class="step-caption">
                {move || tr!("recovery-step-caption", { "step" => number, "total" => WizardStep::COUNTED })}
            </p>
        }
    })
}
