//! `POST /sign-up` and `/sign-up/{id}/…`: sign-up over HTTP. The rules are in `crate::sign_up`;
//! here are only requests, cookies and answers.

use axum::{
    extract::{FromRequestParts, Path, State},
    http::{header, request::Parts, StatusCode},
    response::{AppendHeaders, IntoResponse, Response},
    Json,
};
use recupera_api::sign_up::{
    ConfirmSignUpRequest, ResendSignUpCodeRequest, SignUpFlow, SignUpStep, StartSignUpRequest,
};

use crate::{
    extract::{ApiJson, Caller},
    recovery::browser::{self, FlowSecret},
    sign_up::{self, SignUpState},
    storage::sign_ups::SignUpRow,
    AppError, AppState,
};

/// The request's sign-up cookie, if it has one.
pub struct SignUpCookie(Option<FlowSecret>);

impl FromRequestParts<AppState> for SignUpCookie {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        Ok(SignUpCookie(FlowSecret::from_headers(&parts.headers, browser::SIGN_UP, state.config.dev)))
    }
}

#[utoipa::path(post, path = "/api/v1/sign-up", tag = "accounts", request_body = StartSignUpRequest,
    responses((status = 201, body = SignUpFlow,
        description = "Started: the code was mailed (or, for a taken address, its owner told); sets the sign-up cookie")))]
pub async fn start(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(request): ApiJson<StartSignUpRequest>,
) -> Result<Response, AppError> {
    let (row, secret) = sign_up::start(&state, &caller, &request).await?;
    Ok((StatusCode::CREATED, with_cookie(&state, &row, &secret), Json(view(&state, &row))).into_response())
}

#[utoipa::path(get, path = "/api/v1/sign-up/{flow_id}", tag = "accounts",
    params(("flow_id" = String, Path, description = "The sign-up's id")),
    responses((status = 200, body = SignUpFlow)))]
pub async fn read(
    State(state): State<AppState>,
    SignUpCookie(secret): SignUpCookie,
    Path(id): Path<String>,
) -> Result<Json<SignUpFlow>, AppError> {
    let row = sign_up::read(&state, secret.as_ref(), &id).await?;
    Ok(Json(view(&state, &row)))
}

#[utoipa::path(post, path = "/api/v1/sign-up/{flow_id}/code", tag = "accounts", request_body = ResendSignUpCodeRequest,
    params(("flow_id" = String, Path, description = "The sign-up's id")),
    responses((status = 200, body = SignUpFlow, description = "A new code was mailed; the old one no longer works")))]
pub async fn resend(
    State(state): State<AppState>,
    caller: Caller,
    SignUpCookie(secret): SignUpCookie,
    Path(id): Path<String>,
    ApiJson(ResendSignUpCodeRequest {}): ApiJson<ResendSignUpCodeRequest>,
) -> Result<Json<SignUpFlow>, AppError> {
    let row = sign_up::resend(&state, &caller, secret.as_ref(), &id).await?;
    Ok(Json(view(&state, &row)))
}

#[utoipa::path(post, path = "/api/v1/sign-up/{flow_id}/verify", tag = "accounts", request_body = ConfirmSignUpRequest,
    params(("flow_id" = String, Path, description = "The sign-up's id")),
    responses((status = 200, body = SignUpFlow, description = "The email is proven: the account exists")))]
pub async fn confirm(
    State(state): State<AppState>,
    caller: Caller,
    SignUpCookie(secret): SignUpCookie,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<ConfirmSignUpRequest>,
) -> Result<Json<SignUpFlow>, AppError> {
    let row = sign_up::confirm(&state, &caller, secret.as_ref(), &id, &request.code).await?;
    Ok(Json(view(&state, &row)))
}

/// The sign-up cookie for `secret`, kept as long as the sign-up lives.
fn with_cookie(
    state: &AppState,
    row: &SignUpRow,
    secret: &FlowSecret,
) -> AppendHeaders<[(header::HeaderName, header::HeaderValue); 1]> {
    let max_age = row.expires_at - state.clock.now();
    AppendHeaders([(header::SET_COOKIE, secret.cookie_named(browser::SIGN_UP, state.config.dev, max_age))])
}

fn view(state: &AppState, row: &SignUpRow) -> SignUpFlow {
    let now = state.clock.now();
    SignUpFlow {
        flow_id: row.id.clone(),
        step: if SignUpState::of(row, now) == SignUpState::Done {
            SignUpStep::Done
        } else {
            SignUpStep::EnterCode
        },
        email: row.email.clone(),
        resend_after_s: (row.next_send_at - now).max(0) as u32,
        attempts_left: (i64::from(state.config.policy.attempts_per_flow) - row.failed_attempts).max(0) as u32,
        expires_in_s: (row.expires_at - now).max(0) as u32,
    }
}
