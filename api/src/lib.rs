//! Recupera's shared API: what the browser and the server both speak.
//!
//! Everything here is plain data plus pure functions, so it compiles for the host and for wasm32
//! alike: serde request/response types, the stable error codes the server answers (the browser maps
//! each code to a Fluent message id — no English crosses the wire), and the validation both sides run.

pub mod account;
pub mod bot_check;
pub mod config;
pub mod decimal_digits;
pub mod dev;
pub mod error;
pub mod health;
pub mod language_match;
pub mod password;
pub mod pseudo_locale;
pub mod recovery;
pub mod schema_patterns;
pub mod sign_up;
pub mod validation;

pub use error::{ErrorBody, ErrorCode};
pub use health::{ComponentStatus, HealthResponse};

/// Every JSON endpoint lives under this prefix; the version is in the path so old clients keep working.
pub const API_PREFIX: &str = "/api/v1";
