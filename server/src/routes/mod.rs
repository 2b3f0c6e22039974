//! The JSON API, one module per area. Mounted under `recupera_api::API_PREFIX`.

mod account;
pub(crate) mod bot_check;
mod config;
mod dev_clock;
mod dev_mailbox;
mod health;
mod openapi;
mod password_check;
mod recovery;
pub mod refusals;
pub(crate) mod session;
mod sign_up;

use axum::{
    routing::{get, post},
    Router,
};
use recupera_api::ErrorCode;

use crate::{AppError, AppState};

pub fn api_router() -> Router<AppState> {
    Router::new()
        .route("/health", get(health::health))
        .route("/openapi.json", get(openapi::document))
        .route("/config", get(config::config))
        .route("/sign-up", post(sign_up::start))
        .route("/sign-up/{flow_id}", get(sign_up::read))
        .route("/sign-up/{flow_id}/code", post(sign_up::resend))
        .route("/sign-up/{flow_id}/verify", post(sign_up::confirm))
        .route("/session", post(session::sign_in).get(session::current))
        .route("/session/end", post(session::sign_out))
        .route("/account/password", post(account::change_password))
        .route("/account/sessions", get(account::list_sessions))
        .route("/account/sessions/end-others", post(account::end_other_sessions))
        .route("/account/sessions/{session_id}/end", post(account::end_session))
        .route("/account/{kind}", post(account::add_address))
        .route("/account/{kind}/code", post(account::resend_address_code))
        .route("/account/{kind}/verify", post(account::confirm_address))
        .route("/bot-check/challenge", get(bot_check::challenge))
        .route("/password/check", post(password_check::check))
        .route("/recovery", post(recovery::start))
        .route("/recovery/{flow_id}", get(recovery::read))
        .route("/recovery/{flow_id}/code", post(recovery::send_code))
        .route("/recovery/{flow_id}/verify", post(recovery::verify))
        .route("/recovery/{flow_id}/password", post(recovery::set_password))
        .route("/dev/mailbox", get(dev_mailbox::mailbox))
        .route("/dev/clock", post(dev_clock::advance))
        .route_layer(axum::middleware::from_fn(refusals::check))
        // Unknown API paths answer JSON, never the app's HTML: a client must be able to tell.
        .fallback(|| async { AppError::not_found() })
        .method_not_allowed_fallback(|| async { AppError::code(ErrorCode::MethodNotAllowed) })
}
