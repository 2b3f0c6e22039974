//! The frame around every page.

mod header;
mod language_switch;

pub use header::SiteHeader;
pub use language_switch::LanguageSwitch;
