//! Reusable pieces of the screens, one per file.

mod bot_check;
mod error_summary;
mod password_field;
mod password_rules;
mod status_region;
mod step_caption;
mod text_field;

pub use bot_check::BotCheck;
pub use error_summary::ErrorSummary;
pub use password_field::PasswordField;
pub use password_rules::PasswordRules;
pub use status_region::StatusRegion;
pub use step_caption::StepCaption;
pub use text_field::TextField;

use leptos::prelude::*;

/// Sets `document.title` to `"<page> — Recupera"` whenever `page` changes.
pub fn page_title(page: impl Fn() -> String + 'static) {
    Effect::new(move |_| {
        let title = crate::tr!("page-title", { "page" => page() });
        document().set_title(&title);
    });
}

/// Moves focus to the element once it is in the page: a step's heading, so screen readers start there.
/// It waits for the next frame, so that a closing sign-in box (which gives focus back to its opener)
/// is done first.
pub fn focus_on_mount(node: NodeRef<leptos::html::H1>) {
    Effect::new(move |_| {
        if let Some(heading) = node.get() {
            request_animation_frame(move || {
                let _ = heading.focus();
            });
        }
    });
}
