//! The recovery flow: identify → send a code → verify it → set a new password.
//!
//! Rules (OWASP Forgot Password cheat sheet, ASVS V2.5, NIST SP 800-63B):
//! - Every answer is the same — body, status and work done — whether or not the identifier has an
//!   account. A flow without an account gets the same steps; its codes are never delivered and never match.
//! - Codes: 8 digits from the OS's CSPRNG, stored only as HMAC-SHA256 under a server key, compared in
//!   constant time, single-use, 15 minutes. A new code kills the old one.
//! - Budgets: 5 wrong codes per flow (resends do not reset it), 20 per account per day, and a per-IP
//!   budget. Exhausting one ends the flow with its own error code.
//! - After the change: every session and every other flow of the account ends; a notice goes out.

use axum::{
    extract::{Path, State},
    http::StatusCode,
    Json,
};
use base64::Engine;
use hmac::{Hmac, Mac};
use rand::{Rng, RngCore};
use recupera_api::{
    recovery::{
        Channel, NewPasswordRequest, RecoveryFlow, RecoveryStep, SendCodeRequest, StartRecoveryRequest,
        VerifyCodeRequest,
    },
    validation::{normalize_code, parse_identifier, IdentifierKind},
    ErrorBody, ErrorCode,
};
use sha2::Sha256;

use crate::{
    extract::{ApiJson, Caller},
    messages::{supported_language, template},
    passwords::refuse_weak,
    routes::bot_check::verify_bot_check,
    storage::flows::FlowRow,
    AppError, AppState,
};

const DAY_S: i64 = 24 * 3600;
const HOUR_S: i64 = 3600;

#[utoipa::path(post, path = "/api/v1/recovery", tag = "recovery", request_body = StartRecoveryRequest,
    responses((status = 201, body = RecoveryFlow), (status = 422, description = "Invalid input", body = ErrorBody), (status = 400, description = "Malformed request", body = ErrorBody)))]
pub async fn start(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(request): ApiJson<StartRecoveryRequest>,
) -> Result<(StatusCode, Json<RecoveryFlow>), AppError> {
    let identifier = parse_identifier(&request.identifier).map_err(|code| {
        AppError::Client(StatusCode::UNPROCESSABLE_ENTITY, ErrorBody::for_field(code, "identifier"))
    })?;
    verify_bot_check(&state, &request.bot_check).await?;

    let now = state.clock.now();
    let account = state.db.find_account(&identifier).await?;
    let flow = FlowRow {
        id: new_flow_id(now),
        account_id: account.as_ref().map(|a| a.id),
        identifier_kind: kind_name(identifier.kind).to_owned(),
        identifier: identifier.value,
        language: supported_language(&request.language),
        step: "choose_method".to_owned(),
        channel: None,
        code_hash: None,
        code_expires_at: None,
        sends: 0,
        next_send_at: 0,
        failed_attempts: 0,
        verified_at: None,
        created_at: now,
        expires_at: now + state.config.policy.flow_lifetime_s,
    };
    state.db.insert_flow(&flow).await?;
    state
        .db
        .audit("recovery_requested", flow.account_id, Some(&flow.id), &caller.ip, &caller.user_agent, now)
        .await?;
    Ok((StatusCode::CREATED, Json(view(&state, &flow, now))))
}

#[utoipa::path(get, path = "/api/v1/recovery/{flow_id}", tag = "recovery",
    params(("flow_id" = String, Path, description = "The flow's id")),
    responses((status = 200, body = RecoveryFlow), (status = 404, body = ErrorBody), (status = 410, body = ErrorBody)))]
pub async fn read(
    State(state): State<AppState>,
    Path(flow_id): Path<String>,
) -> Result<Json<RecoveryFlow>, AppError> {
    let now = state.clock.now();
    let flow = live_flow(&state, &flow_id, now).await?;
    Ok(Json(view(&state, &flow, now)))
}

#[utoipa::path(post, path = "/api/v1/recovery/{flow_id}/code", tag = "recovery", request_body = SendCodeRequest,
    params(("flow_id" = String, Path, description = "The flow's id")),
    responses((status = 200, body = RecoveryFlow), (status = 429, body = ErrorBody, description = "resend_too_soon"),
              (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 410, body = ErrorBody)))]
pub async fn send_code(
    State(state): State<AppState>,
    caller: Caller,
    Path(flow_id): Path<String>,
    ApiJson(request): ApiJson<SendCodeRequest>,
) -> Result<Json<RecoveryFlow>, AppError> {
    let now = state.clock.now();
    let flow = live_flow(&state, &flow_id, now).await?;
    if !matches!(flow.step.as_str(), "choose_method" | "enter_code") {
        return Err(wrong_step());
    }
    if now < flow.next_send_at {
        let body = ErrorBody {
            retry_after_s: Some((flow.next_send_at - now) as u32),
            ..ErrorBody::from(ErrorCode::ResendTooSoon)
        };
        return Err(AppError::Client(StatusCode::TOO_MANY_REQUESTS, body));
    }

    let code = new_code();
    let policy = &state.config.policy;
    // 60 s, 120 s, 240 s …: each resend doubles the wait for the next.
    let cooldown = policy.resend_cooldown_s.saturating_mul(1 << flow.sends.clamp(0, 16));
    let account = match flow.account_id {
        Some(id) => state.db.account(id).await?,
        None => None,
    };
    // A flow without an account stores no code at all: nothing can ever match it.
    let code_hash = if account.is_some() { code_mac(&state, &flow.id, &code) } else { Vec::new() };
    let channel = channel_name(request.channel);
    let sent = state
        .db
        .set_flow_code(&flow.id, channel, &code_hash, now + policy.code_lifetime_s, now + cooldown)
        .await?;

    let minutes = policy.code_lifetime_s / 60;
    let args = serde_json::json!({ "code": display_code(&code), "minutes": minutes });
    let recipient = match (&account, request.channel) {
        (Some(account), Channel::Email) => Some(account.email.clone()),
        (Some(account), Channel::Sms) => account.phone.clone(),
        (None, _) => None,
    };
    let event = match (recipient, &account) {
        // The code is read by the person in the wizard now: in the wizard's language.
        (Some(to), Some(_)) => {
            state
                .db
                .enqueue_message(channel, &to, &flow.language, template::RECOVERY_CODE, &args, now)
                .await?;
            "code_sent"
        }
        // An email address with no account may be told so, once per flow. SMS never: it costs money
        // and could be abused to spam any number.
        (_, None)
            if request.channel == Channel::Email && flow.identifier_kind == "email" && flow.sends == 0 =>
        {
            let empty = serde_json::json!({});
            state
                .db
                .enqueue_message("email", &flow.identifier, &flow.language, template::NO_ACCOUNT, &empty, now)
                .await?;
            "no_account_notice_sent"
        }
        _ => "code_not_deliverable",
    };
    state.outbox.wake();
    state.db.audit(event, flow.account_id, Some(&flow.id), &caller.ip, &caller.user_agent, now).await?;
    Ok(Json(view(&state, &sent, now)))
}

#[utoipa::path(post, path = "/api/v1/recovery/{flow_id}/verify", tag = "recovery", request_body = VerifyCodeRequest,
    params(("flow_id" = String, Path, description = "The flow's id")),
    responses((status = 200, body = RecoveryFlow), (status = 422, body = ErrorBody, description = "code_invalid, code_malformed"),
              (status = 429, body = ErrorBody, description = "a budget is exhausted"), (status = 410, body = ErrorBody)))]
pub async fn verify(
    State(state): State<AppState>,
    caller: Caller,
    Path(flow_id): Path<String>,
    ApiJson(request): ApiJson<VerifyCodeRequest>,
) -> Result<Json<RecoveryFlow>, AppError> {
    let now = state.clock.now();
    let flow = live_flow(&state, &flow_id, now).await?;
    if flow.step != "enter_code" {
        return Err(wrong_step());
    }
    let code = normalize_code(&request.code).map_err(|code| {
        AppError::Client(StatusCode::UNPROCESSABLE_ENTITY, ErrorBody::for_field(code, "code"))
    })?;
    let policy = &state.config.policy;

    // Budgets first: once one is spent, even the right code is refused.
    if flow.failed_attempts >= i64::from(policy.attempts_per_flow) {
        return Err(end_flow(&state, &flow, &caller, ErrorCode::FlowAttemptsExhausted, None, now).await?);
    }
    if let Some(account_id) = flow.account_id {
        if state.db.account_failures_since(account_id, now - DAY_S, policy.attempts_per_account_day).await?
            >= i64::from(policy.attempts_per_account_day)
        {
            return Err(
                end_flow(&state, &flow, &caller, ErrorCode::AccountAttemptsExhausted, None, now).await?
            );
        }
    }
    if state.db.ip_failures_since(&caller.ip, now - HOUR_S, policy.attempts_per_ip_hour).await?
        >= i64::from(policy.attempts_per_ip_hour)
    {
        let body = ErrorBody {
            retry_after_s: Some(HOUR_S as u32),
            ..ErrorBody::from(ErrorCode::IpAttemptsExhausted)
        };
        return Err(AppError::Client(StatusCode::TOO_MANY_REQUESTS, body));
    }
    if flow.code_expires_at.is_some_and(|at| now >= at) {
        return Err(AppError::Client(StatusCode::GONE, ErrorBody::for_field(ErrorCode::CodeExpired, "code")));
    }

    // Computed for every flow, so a flow without an account takes the same time to refuse.
    let expected = code_mac(&state, &flow.id, &code);
    let stored = flow.code_hash.as_deref().unwrap_or_default();
    let matches = stored.len() == expected.len()
        && bool::from(subtle::ConstantTimeEq::ct_eq(stored, expected.as_slice()));
    if !matches {
        let failed = state
            .db
            .record_code_failure(&flow.id, flow.account_id, &caller.ip, &caller.user_agent, now)
            .await?;
        let attempts_left = (i64::from(policy.attempts_per_flow) - failed).max(0) as u32;
        if attempts_left == 0 {
            state
                .db
                .audit(
                    "budget_exhausted",
                    flow.account_id,
                    Some(&flow.id),
                    &caller.ip,
                    &caller.user_agent,
                    now,
                )
                .await?;
        }
        let body = ErrorBody {
            field: Some("code".into()),
            attempts_left: Some(attempts_left),
            ..ErrorBody::from(ErrorCode::CodeInvalid)
        };
        return Err(AppError::Client(StatusCode::UNPROCESSABLE_ENTITY, body));
    }
    state.db.mark_flow_verified(&flow.id, now).await?;
    state
        .db
        .audit("code_verified", flow.account_id, Some(&flow.id), &caller.ip, &caller.user_agent, now)
        .await?;
    let flow = state.db.flow(&flow.id).await?.ok_or_else(flow_not_found)?;
    Ok(Json(view(&state, &flow, now)))
}

#[utoipa::path(post, path = "/api/v1/recovery/{flow_id}/password", tag = "recovery", request_body = NewPasswordRequest,
    params(("flow_id" = String, Path, description = "The flow's id")),
    responses((status = 200, body = RecoveryFlow), (status = 422, body = ErrorBody), (status = 409, body = ErrorBody), (status = 410, body = ErrorBody)))]
pub async fn set_password(
    State(state): State<AppState>,
    caller: Caller,
    Path(flow_id): Path<String>,
    ApiJson(request): ApiJson<NewPasswordRequest>,
) -> Result<Json<RecoveryFlow>, AppError> {
    let now = state.clock.now();
    let flow = live_flow(&state, &flow_id, now).await?;
    if flow.step != "new_password" {
        return Err(wrong_step());
    }
    if flow.verified_at.is_none_or(|at| now >= at + state.config.policy.password_window_s) {
        return Err(AppError::client(StatusCode::GONE, ErrorCode::PasswordWindowExpired));
    }
    // Only a verified flow gets here, and only flows with an account can be verified.
    let account = match flow.account_id {
        Some(id) => state.db.account(id).await?,
        None => None,
    }
    .ok_or_else(|| anyhow::anyhow!("verified flow {} has no account", flow.id))?;

    refuse_weak(
        state.config.policy.password_min_length,
        &request.password,
        &[&account.username, &account.email],
    )?;
    let hash = state.hasher.hash(&request.password).await?;
    state.db.change_password(account.id, &hash, &flow.id, now).await?;

    // The notice is for the account's owner, who may not be the person in the wizard ("this wasn't
    // me"): in the account's language.
    let empty = serde_json::json!({});
    state
        .db
        .enqueue_message("email", &account.email, &account.language, template::PASSWORD_CHANGED, &empty, now)
        .await?;
    if let Some(phone) = &account.phone {
        state
            .db
            .enqueue_message("sms", phone, &account.language, template::PASSWORD_CHANGED, &empty, now)
            .await?;
    }
    state.outbox.wake();
    state
        .db
        .audit("password_changed", Some(account.id), Some(&flow.id), &caller.ip, &caller.user_agent, now)
        .await?;
    let flow = state.db.flow(&flow.id).await?.ok_or_else(flow_not_found)?;
    Ok(Json(view(&state, &flow, now)))
}

/// The flow, if it exists and can still be used.
async fn live_flow(state: &AppState, flow_id: &str, now: i64) -> Result<FlowRow, AppError> {
    let flow = state.db.flow(flow_id).await?.ok_or_else(flow_not_found)?;
    match flow.step.as_str() {
        "done" => Err(AppError::client(StatusCode::GONE, ErrorCode::FlowCompleted)),
        "ended" if flow.failed_attempts >= i64::from(state.config.policy.attempts_per_flow) => {
            Err(AppError::client(StatusCode::GONE, ErrorCode::FlowAttemptsExhausted))
        }
        "ended" => Err(AppError::client(StatusCode::GONE, ErrorCode::FlowExpired)),
        _ if now >= flow.expires_at => Err(AppError::client(StatusCode::GONE, ErrorCode::FlowExpired)),
        _ => Ok(flow),
    }
}

async fn end_flow(
    state: &AppState,
    flow: &FlowRow,
    caller: &Caller,
    code: ErrorCode,
    retry_after_s: Option<u32>,
    now: i64,
) -> Result<AppError, AppError> {
    state.db.end_flow(&flow.id).await?;
    state
        .db
        .audit("budget_exhausted", flow.account_id, Some(&flow.id), &caller.ip, &caller.user_agent, now)
        .await?;
    Ok(AppError::Client(StatusCode::TOO_MANY_REQUESTS, ErrorBody { retry_after_s, ..ErrorBody::from(code) }))
}

fn view(state: &AppState, flow: &FlowRow, now: i64) -> RecoveryFlow {
    let step = match flow.step.as_str() {
        "enter_code" => RecoveryStep::EnterCode,
        "new_password" => RecoveryStep::NewPassword,
        "done" => RecoveryStep::Done,
        _ => RecoveryStep::ChooseMethod,
    };
    let channel = match flow.channel.as_deref() {
        Some("email") => Some(Channel::Email),
        Some("sms") => Some(Channel::Sms),
        _ => None,
    };
    RecoveryFlow {
        flow_id: flow.id.clone(),
        step,
        methods: vec![Channel::Email, Channel::Sms],
        channel,
        resend_after_s: (flow.next_send_at - now).max(0) as u32,
        attempts_left: (i64::from(state.config.policy.attempts_per_flow) - flow.failed_attempts).max(0)
            as u32,
        expires_in_s: (flow.expires_at - now).max(0) as u32,
    }
}

/// The second the flow starts (8 hex digits), then 128 random bits (URL-safe base64). The random bits
/// make the id unguessable; the time in front makes new flows sort after older ones, so each is added
/// at the end of the flows' index rather than on a random page of it (a page the background
/// checkpoint would then copy for that one flow).
fn new_flow_id(now: i64) -> String {
    let mut random = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut random);
    let second = now.clamp(0, i64::from(u32::MAX));
    format!("{second:08x}{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(random))
}

/// 8 uniformly random digits from the OS's CSPRNG.
fn new_code() -> String {
    format!("{:08}", rand::rngs::OsRng.gen_range(0..100_000_000u32))
}

/// "12345678" → "1234 5678", easier to read and type.
fn display_code(code: &str) -> String {
    format!("{} {}", &code[..4], &code[4..])
}

/// HMAC-SHA256(server key, flow id ‖ 0 ‖ code): binding the flow id means a code is only good in its flow.
fn code_mac(state: &AppState, flow_id: &str, code: &str) -> Vec<u8> {
    let mut mac = Hmac::<Sha256>::new_from_slice(&state.secrets.code_key).expect("any key length works");
    mac.update(flow_id.as_bytes());
    mac.update(&[0]);
    mac.update(code.as_bytes());
    mac.finalize().into_bytes().to_vec()
}

fn kind_name(kind: IdentifierKind) -> &'static str {
    match kind {
        IdentifierKind::Email => "email",
        IdentifierKind::Username => "username",
        IdentifierKind::Phone => "phone",
    }
}

fn channel_name(channel: Channel) -> &'static str {
    match channel {
        Channel::Email => "email",
        Channel::Sms => "sms",
    }
}

fn flow_not_found() -> AppError {
    AppError::not_found_code(ErrorCode::FlowNotFound)
}

fn wrong_step() -> AppError {
    AppError::client(StatusCode::CONFLICT, ErrorCode::FlowWrongStep)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flow_ids_are_unguessable_url_safe_and_sort_by_their_second() {
        let (first, twin, later) =
            (new_flow_id(1_800_000_000), new_flow_id(1_800_000_000), new_flow_id(1_800_000_001));
        assert_ne!(first, twin, "the random part differs within a second");
        assert!(first < later && twin < later, "{first} {twin} {later}");
        assert_eq!(first.len(), 8 + 22, "the second, then 16 random bytes in base64");
        assert!(first.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'), "{first}");
    }
}
