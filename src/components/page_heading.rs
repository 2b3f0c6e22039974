//! A screen's `<h1>`: also the document's title, and where focus goes when the screen appears.

use leptos::prelude::*;

use crate::recovery::wizard::WizardStep;

/// The screen's heading. Its text is also `document.title` (*Elige cómo verificar — Recupera*; for a
/// wizard step *Paso 2 de 4: Elige cómo verificar — Recupera*), and it takes focus once shown, so a
/// screen reader starts reading at the new screen.
#[component]
pub fn PageHeading(
    /// The heading's text, from `move_tr!`.
    #[prop(into)]
    text: Signal<String>,
    /// The wizard step this screen is, whose number the title starts with.
    #[prop(optional)]
    step: Option<WizardStep>,
) -> impl IntoView {
    let heading = NodeRef::<leptos::html::H1>::new();
    focus_on_mount(heading);
    match step {
        Some(step) => step_title(step, move || text.get()),
        None => page_title(move || text.get()),
    }
    view! { <h1 tabindex="-1" node_ref=heading>{text}</h1> }
}

/// Sets `document.title` to `"<page> — Recupera"` whenever `page` changes.
pub fn page_title(page: impl Fn() -> String + 'static) {
    Effect::new(move |_| {
        let title = crate::tr!("page-title", { "page" => page() });
        document().set_title(&title);
    });
}

/// `document.title` for a step: *Paso 2 de 4: Elige cómo verificar — Recupera*.
fn step_title(step: WizardStep, title: impl Fn() -> String + 'static) {
    page_title(move || match step.number() {
        Some(number) => crate::tr!("recovery-step-title", {
            "step" => number, "total" => WizardStep::COUNTED, "title" => title()
        }),
        None => title(),
    });
}

/// Moves focus to the heading once it is in the page. It waits for the next frame, so that a closing
/// sign-in box (which gives focus back to its opener) is done first.
fn focus_on_mount(node: NodeRef<leptos::html::H1>) {
    Effect::new(move |_| {
        if let Some(heading) = node.get() {
            request_animation_frame(move || {
                let _ = heading.focus();
            });
        }
    });
}
