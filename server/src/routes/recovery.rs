//! `POST /recovery` and `/recovery/{id}/…`: the recovery flow over HTTP. The rules are in
//! `crate::recovery`; here are only requests, cookies and answers.

use axum::{
    extract::{Path, State},
    http::{header, StatusCode},
    response::{AppendHeaders, IntoResponse, Response},
    Json,
};
use recupera_api::recovery::{
    Channel, NewPasswordRequest, RecoveryFlow, SendCodeRequest, StartRecoveryRequest, VerifyCodeRequest,
};

use crate::{
    extract::{ApiJson, Caller},
    recovery::{
        self,
        browser::{FlowCookie, FlowSecret},
        step::Step,
    },
    storage::flows::FlowRow,
    AppError, AppState,
};

#[utoipa::path(post, path = "/api/v1/recovery", tag = "recovery", request_body = StartRecoveryRequest,
    responses((status = 201, body = RecoveryFlow, description = "Started; sets the flow cookie every later step needs")))]
pub async fn start(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(request): ApiJson<StartRecoveryRequest>,
) -> Result<Response, AppError> {
    let (flow, secret) = recovery::start(&state, &caller, &request).await?;
    Ok((StatusCode::CREATED, with_cookie(&state, &flow, &secret), Json(view(&state, &flow))).into_response())
}

#[utoipa::path(get, path = "/api/v1/recovery/{flow_id}", tag = "recovery",
    params(("flow_id" = String, Path, description = "The flow's id")),
    responses((status = 200, body = RecoveryFlow)))]
pub async fn read(
    State(state): State<AppState>,
    FlowCookie(secret): FlowCookie,
    Path(flow_id): Path<String>,
) -> Result<Json<RecoveryFlow>, AppError> {
    let flow = recovery::read(&state, secret.as_ref(), &flow_id).await?;
    Ok(Json(view(&state, &flow)))
}

#[utoipa::path(post, path = "/api/v1/recovery/{flow_id}/code", tag = "recovery", request_body = SendCodeRequest,
    params(("flow_id" = String, Path, description = "The flow's id")),
    responses((status = 200, body = RecoveryFlow)))]
pub async fn send_code(
    State(state): State<AppState>,
    caller: Caller,
    FlowCookie(secret): FlowCookie,
    Path(flow_id): Path<String>,
    ApiJson(request): ApiJson<SendCodeRequest>,
) -> Result<Json<RecoveryFlow>, AppError> {
    let flow = recovery::send_code(&state, &caller, secret.as_ref(), &flow_id, &request).await?;
    Ok(Json(view(&state, &flow)))
}

#[utoipa::path(post, path = "/api/v1/recovery/{flow_id}/verify", tag = "recovery", request_body = VerifyCodeRequest,
    params(("flow_id" = String, Path, description = "The flow's id")),
    responses((status = 200, body = RecoveryFlow, description = "Verified; replaces the flow cookie")))]
pub async fn verify(
    State(state): State<AppState>,
    caller: Caller,
    FlowCookie(secret): FlowCookie,
    Path(flow_id): Path<String>,
    ApiJson(request): ApiJson<VerifyCodeRequest>,
) -> Result<Response, AppError> {
    let (flow, rotated) = recovery::verify(&state, &caller, secret.as_ref(), &flow_id, &request.code).await?;
    Ok((with_cookie(&state, &flow, &rotated), Json(view(&state, &flow))).into_response())
}

#[utoipa::path(post, path = "/api/v1/recovery/{flow_id}/password", tag = "recovery", request_body = NewPasswordRequest,
    params(("flow_id" = String, Path, description = "The flow's id")),
    responses((status = 200, body = RecoveryFlow)))]
pub async fn set_password(
    State(state): State<AppState>,
    caller: Caller,
    FlowCookie(secret): FlowCookie,
    Path(flow_id): Path<String>,
    ApiJson(request): ApiJson<NewPasswordRequest>,
) -> Result<Json<RecoveryFlow>, AppError> {
    let flow = recovery::set_password(&state, &caller, secret.as_ref(), &flow_id, &request.password).await?;
    Ok(Json(view(&state, &flow)))
}

/// The flow cookie for `secret`, kept as long as the flow lives.
fn with_cookie(
    state: &AppState,
    flow: &FlowRow,
    secret: &FlowSecret,
) -> AppendHeaders<[(header::HeaderName, header::HeaderValue); 1]> {
    let max_age = flow.expires_at - state.clock.now();
    AppendHeaders([(header::SET_COOKIE, secret.cookie(state.config.dev, max_age))])
}

fn view(state: &AppState, flow: &FlowRow) -> RecoveryFlow {
    let now = state.clock.now();
    let channel = match flow.channel.as_deref() {
        Some("email") => Some(Channel::Email),
        Some("sms") => Some(Channel::Sms),
        _ => None,
    };
    RecoveryFlow {
        flow_id: flow.id.clone(),
        step: Step::of(flow, now).as_api(),
        methods: vec![Channel::Email, Channel::Sms],
        channel,
        resend_after_s: (flow.next_send_at - now).max(0) as u32,
        attempts_left: (i64::from(state.config.policy.attempts_per_flow) - flow.failed_attempts).max(0)
            as u32,
        expires_in_s: (flow.expires_at - now).max(0) as u32,
    }
}
