//! Recupera's browser app: the account-recovery journey as a Leptos single-page app.
//!
//! Folders follow what a person sees: `layout/` is the frame of every page (header, language switch,
//! sign-in box), `pages/` holds one file per screen (`pages/recovery/` the wizard's steps),
//! `components/` the pieces they share. `api` is the one way to the server (`server_config` what it says of itself once), `recovery/` the wizard's
//! logic in plain Rust. Every visible text comes from `locales/` through `i18n`.

pub mod api;
pub mod app;
pub mod components;
pub mod errors;
pub mod i18n;
pub mod layout;
pub mod pages;
pub mod recovery;
pub mod routing;
pub mod server_config;
pub mod session;

pub use app::App;

/// Mounts the app on the page's `<body>`; called by `main.rs` when the wasm starts.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}
