//! `POST /password/check`: live feedback on a new password — each rule met or not, and a 0–4 score.

use axum::{extract::State, Json};
use recupera_api::password::{PasswordCheckRequest, PasswordCheckResponse, PasswordPolicy};

use crate::{
    extract::ApiJson,
    passwords::assess,
    recovery::{self, browser::FlowCookie},
    AppError, AppState,
};

#[utoipa::path(post, path = "/api/v1/password/check", tag = "recovery", request_body = PasswordCheckRequest,
    responses((status = 200, body = PasswordCheckResponse)))]
pub async fn check(
    State(state): State<AppState>,
    FlowCookie(secret): FlowCookie,
    ApiJson(request): ApiJson<PasswordCheckRequest>,
) -> Result<Json<PasswordCheckResponse>, AppError> {
    let mut identity: Vec<String> =
        [request.username, request.email, request.phone].into_iter().flatten().collect();
    if let Some(flow_id) = &request.flow_id {
        identity.extend(recovery::verified_account_names(&state, secret.as_ref(), flow_id).await?);
    }
    let identity: Vec<&str> = identity.iter().map(String::as_str).collect();
    let policy = PasswordPolicy::with_min_length(state.config.policy.password_min_length);
    let assessment = assess(&policy, &request.password, &identity);
    Ok(Json(PasswordCheckResponse {
        acceptable: assessment.acceptable(),
        score: assessment.score,
        rules: assessment.rules,
    }))
}
