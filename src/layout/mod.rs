//! The frame around every page.

mod header;
mod language_switch;
mod sign_in_dialog;

pub use header::SiteHeader;
pub use language_switch::LanguageSwitch;
pub use sign_in_dialog::SignInDialog;
