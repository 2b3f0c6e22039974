//! `POST /dev/clock`: dev mode only. Moves the server's clock forward so end-to-end tests can let a
//! code expire or a resend cool-down end without waiting. Outside dev mode: 404. Dev mode already
//! shows every code in the mailbox; moving time adds nothing an attacker could use there.

use axum::{extract::State, http::StatusCode};
use recupera_api::{
    dev::{AdvanceClockRequest, MAX_CLOCK_STEP_S},
    ErrorBody, ErrorCode,
};

use crate::{extract::ApiJson, AppError, AppState};

#[utoipa::path(post, path = "/api/v1/dev/clock", tag = "dev", request_body = AdvanceClockRequest,
    responses((status = 204, description = "The clock moved forward")))]
pub async fn advance(
    State(state): State<AppState>,
    ApiJson(request): ApiJson<AdvanceClockRequest>,
) -> Result<StatusCode, AppError> {
    if !state.config.dev {
        return Err(AppError::not_found());
    }
    if !(1..=MAX_CLOCK_STEP_S).contains(&request.seconds) {
        return Err(AppError::refused(ErrorBody::for_field(ErrorCode::MalformedRequest, "seconds")));
    }
    tracing::info!(seconds = request.seconds, "dev mode: the clock moves forward");
    state.clock.advance(i64::from(request.seconds));
    Ok(StatusCode::NO_CONTENT)
}
