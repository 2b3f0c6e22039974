//! Recupera's browser app: the account-recovery journey as a Leptos single-page app.
//!
//! Folders follow what a person sees: `layout/` is the frame of every page (header, language switch),
//! `pages/` holds one file per screen. Every visible text comes from `locales/` through `i18n`.

pub mod app;
pub mod i18n;
pub mod layout;
pub mod pages;

pub use app::App;

/// Mounts the app on the page's `<body>`; called by `main.rs` when the wasm starts.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}
