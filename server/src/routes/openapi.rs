//! `GET /api/v1/openapi.json`: the API described from its Rust types and handlers (utoipa), so clients
//! and tools (schemathesis, code generators) never drift from what the server does.

use axum::Json;
use utoipa::OpenApi;

use super::{accounts, bot_check, dev_clock, dev_mailbox, health, password_check, recovery, session};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Recupera API",
        description = "Account recovery: every refusal is an ErrorBody with a stable code."
    ),
    paths(
        health::health,
        accounts::sign_up,
        session::sign_in,
        session::current,
        session::sign_out,
        bot_check::challenge,
        password_check::check,
        recovery::start,
        recovery::read,
        recovery::send_code,
        recovery::verify,
        recovery::set_password,
        dev_mailbox::mailbox,
        dev_clock::advance,
    )
)]
pub struct ApiDoc;

pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
