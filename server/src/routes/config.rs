//! `GET /api/v1/config`: the password policy, whether dev mode is on, and the mail languages — what
//! the app needs to agree with this server, in one small answer it reads once.

use axum::{extract::State, Json};
use recupera_api::{config::PublicConfig, password::PasswordPolicy};

use crate::{messages, AppState};

#[utoipa::path(get, path = "/api/v1/config", tag = "operations",
    responses((status = 200, body = PublicConfig)))]
pub async fn config(State(state): State<AppState>) -> Json<PublicConfig> {
    Json(PublicConfig {
        password_policy: PasswordPolicy::with_min_length(state.config.policy.password_min_length),
        dev_mode: state.config.dev,
        languages: messages::languages(),
    })
}
