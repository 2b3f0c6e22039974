//! The recovery flow's rules: identify → send a code → verify it → set a new password. The HTTP
//! handlers (`routes::recovery`) only read requests and write answers; everything decided is here.
//!
//! Rules (OWASP Forgot Password cheat sheet, ASVS V2.5 and V2.7, NIST SP 800-63B):
//! - A flow belongs to the browser that started it (`browser`): every step needs its flow cookie,
//!   and without it the answer is the one an unknown flow gets. Verifying the code rotates the
//!   cookie's secret: only the browser that typed the code may set the password.
//! - Every answer is the same — body, status, and the reads and writes done — whether or not the
//!   identifier has an account. A flow without an account gets the same steps; its codes are never
//!   delivered and never match.
//! - Codes: 8 digits, stored only as HMAC-SHA256 under the code key, compared in constant time,
//!   single-use, 10 minutes by default. A new code kills the old one.
//! - Every budget and every step change is decided in the write that records it (`storage::write`):
//!   5 wrong codes per flow (the fifth ends it; resends do not reset it), 20 per identifier per day
//!   (known or not), a budget per client network; a resend only after its cool-down; the password
//!   set once, from `new_password` only.
//! - Send caps: codes per identifier per day (the person is told), per recipient address and per
//!   account (held back silently: the answer cannot differ), one no-account notice per address per
//!   day, recoveries started per client network per hour.
//! - The change, its notices and its audit rows commit together; then every session and every other
//!   flow of the account has ended.

pub mod browser;
pub mod codes;
pub mod step;

use recupera_api::{
    recovery::{Channel, SendCodeRequest, StartRecoveryRequest},
    validation::{normalize_code, parse_identifier, IdentifierKind},
    ErrorBody, ErrorCode,
};

use crate::{
    extract::Caller,
    messages::{supported_language, template},
    passwords::refuse_weak,
    routes::bot_check::{already_spent, verify_bot_check, BotCheckAction},
    storage::{
        audit::AuditEvent,
        flows::{CodeChange, FlowRow},
        write::{NewMessage, Subject, Write},
    },
    AppError, AppState,
};
use browser::FlowSecret;
use codes::{code_mac, display_code, mac_matches, new_code, new_flow_id};
use step::{EndedReason, Step};

const DAY_S: i64 = 24 * 3600;
const HOUR_S: i64 = 3600;

/// Starts a recovery for the identifier; the browser gets the returned secret in its flow cookie.
#[tracing::instrument(skip_all, fields(flow_id, account_id))]
pub async fn start(
    state: &AppState,
    caller: &Caller,
    request: &StartRecoveryRequest,
) -> Result<(FlowRow, FlowSecret), AppError> {
    let identifier = parse_identifier(&request.identifier)
        .map_err(|code| AppError::refused(ErrorBody::for_field(code, "identifier")))?;
    let solved = verify_bot_check(state, &request.bot_check, BotCheckAction::Recovery).await?;

    let now = state.clock.now();
    let account = state.db.find_account(&identifier).await?;
    let secret = FlowSecret::new();
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
        browser_hash: Some(secret.hash()),
        ended_reason: None,
    };
    tracing::Span::current().record("flow_id", flow.id.as_str()).record("account_id", flow.account_id);
    let cap = format!("start:{}", caller.network);
    let mut write = state.db.write_for(vec![Subject::cap(&cap)]).await?;
    if !write.spend_bot_check(&solved.signature, solved.expires_at).await? {
        return Err(already_spent());
    }
    let limit = state.config.policy.recoveries_per_ip_hour;
    if !write.take_cap(&cap, now - HOUR_S, limit, now).await? {
        return Err(cap_refusal(&mut write, &cap, HOUR_S, 60, ErrorCode::TooManyRecoveries, now).await?);
    }
    write.insert_flow(&flow).await?;
    write.audit(AuditEvent::RecoveryRequested, flow.account_id, Some(&flow.id), caller.actor(), now).await?;
    write.commit().await?;
    tracing::info!(flow_id = %flow.id, account_id = ?flow.account_id, "recovery started");
    Ok((flow, secret))
}

/// The flow, for the browser holding `secret`, if it can still be used.
#[tracing::instrument(skip_all, fields(flow_id = %flow_id, account_id))]
pub async fn read(state: &AppState, secret: Option<&FlowSecret>, flow_id: &str) -> Result<FlowRow, AppError> {
    let flow = state.db.flow(flow_id).await?;
    let flow = owned_by(flow, secret)?;
    Step::of(&flow, state.clock.now()).live().map_err(AppError::code)?;
    Ok(flow)
}

/// Sends a code (again, after the cool-down) by the chosen channel.
#[tracing::instrument(skip_all, fields(flow_id = %flow_id, account_id))]
pub async fn send_code(
    state: &AppState,
    caller: &Caller,
    secret: Option<&FlowSecret>,
    flow_id: &str,
    request: &SendCodeRequest,
) -> Result<FlowRow, AppError> {
    let now = state.clock.now();
    let policy = &state.config.policy;
    // Read first, for the early refusals and the flow's fixed facts (its identifier, its account);
    // whether the send may happen is decided again by the write below (`set_flow_code`'s conditions).
    let flow = owned_by(state.db.flow(flow_id).await?, secret)?;
    send_refusal(&flow, now)?;
    // The same reads and writes follow for every flow: the account is looked up (a flow without one
    // looks up no row), a code and its HMAC are made, and the recipient's cap is counted.
    let account = state.db.account(flow.account_id.unwrap_or(0)).await?;
    let recipient = match (&account, request.channel) {
        (Some(account), Channel::Email) => Some(account.email.clone()),
        (Some(account), Channel::Sms) => account.phone.clone(),
        (None, _) => None,
    };
    // Told to the person: it is counted for known and unknown identifiers alike.
    let identifier_cap = format!("send:{}", identifier_key(&flow));
    let recipient_cap =
        format!("to:{}", state.secrets.address_name(recipient.as_deref().unwrap_or(&flow.identifier)));
    let account_cap = format!("account:{}", flow.account_id.unwrap_or(0));
    let notice_cap = format!("notice:{}", state.secrets.address_name(&flow.identifier));
    let subjects = [&identifier_cap, &recipient_cap, &account_cap, &notice_cap].map(|cap| Subject::cap(cap));
    let mut write = state.db.write_for([vec![Subject::flow(&flow.id)], subjects.to_vec()].concat()).await?;
    if !write.take_cap(&identifier_cap, now - DAY_S, policy.sends_per_identifier_day, now).await? {
        return Err(
            cap_refusal(&mut write, &identifier_cap, DAY_S, 3600, ErrorCode::SendLimitReached, now).await?
        );
    }

    let code = new_code();
    let mac = code_mac(&state.secrets.code_key, &flow.id, &code);
    // A flow without an account stores no code at all: nothing can ever match it.
    let code_hash = if account.is_some() { mac } else { Vec::new() };
    let code_expires_at = now + policy.code_lifetime_s;
    let channel = channel_name(request.channel);
    let browser = flow.browser_hash.as_deref().unwrap_or_default();
    let change =
        CodeChange { channel, code_hash: &code_hash, code_expires_at, cooldown_s: policy.resend_cooldown_s };
    let Some(sent) = write.set_flow_code(&flow.id, browser, change, now).await? else {
        // Another request changed the flow since it was read (a send at the same instant, say).
        drop(write);
        let flow = still_owned_by(state.db.flow(flow_id).await?, secret)?;
        send_refusal(&flow, now)?;
        return Err(AppError::code(ErrorCode::FlowWrongStep));
    };

    let recipient_free =
        write.take_cap(&recipient_cap, now - DAY_S, policy.messages_per_recipient_day, now).await?;
    let event = match (recipient, &account) {
        (Some(to), Some(_)) => {
            if recipient_free
                && write.take_cap(&account_cap, now - DAY_S, policy.messages_per_account_day, now).await?
            {
                // The code is read by the person in the wizard now: in the wizard's language.
                let minutes = policy.code_lifetime_s / 60;
                let message = NewMessage {
                    channel,
                    recipient: &to,
                    language: &flow.language,
                    template: template::RECOVERY_CODE,
                    args: serde_json::json!({ "code": display_code(&code), "minutes": minutes }),
                    expires_at: Some(code_expires_at),
                };
                write.enqueue(&state.secrets.outbox_key, message, now).await?;
                AuditEvent::CodeSent
            } else {
                AuditEvent::CodeHeldBack
            }
        }
        // An email address with no account may be told so, at most once a day. SMS never: it costs
        // money and could be abused to spam any number.
        (_, None) if request.channel == Channel::Email && flow.identifier_kind == "email" => {
            if write.take_cap(&notice_cap, now - DAY_S, policy.no_account_notices_per_day, now).await? {
                let message = NewMessage {
                    channel: "email",
                    recipient: &flow.identifier,
                    language: &flow.language,
                    template: template::NO_ACCOUNT,
                    args: serde_json::json!({}),
                    expires_at: None,
                };
                write.enqueue(&state.secrets.outbox_key, message, now).await?;
                AuditEvent::NoAccountNoticeSent
            } else {
                AuditEvent::CodeNotDeliverable
            }
        }
        _ => AuditEvent::CodeNotDeliverable,
    };
    write.audit(event, flow.account_id, Some(&flow.id), caller.actor(), now).await?;
    write.commit().await?;
    state.outbox.wake();
    Ok(sent)
}

/// Checks a code. A right one moves the flow to `new_password` and gives the browser a new secret;
/// a wrong one is counted in the same write that decides it may still be tried.
#[tracing::instrument(skip_all, fields(flow_id = %flow_id, account_id))]
pub async fn verify(
    state: &AppState,
    caller: &Caller,
    secret: Option<&FlowSecret>,
    flow_id: &str,
    typed: &str,
) -> Result<(FlowRow, FlowSecret), AppError> {
    let code = normalize_code(typed).map_err(|code| AppError::refused(ErrorBody::for_field(code, "code")))?;
    let now = state.clock.now();
    let policy = &state.config.policy;
    // Read first for what the write decides about (a flow's identifier never changes), then again
    // in the write, which alone may change it.
    let flow = owned_by(state.db.flow(flow_id).await?, secret)?;
    let identifier = identifier_key(&flow);
    let subjects = vec![
        Subject::flow(&flow.id),
        Subject::code_failures_of(&identifier),
        Subject::code_failures_from(&caller.network),
    ];
    let mut write = state.db.write_for(subjects).await?;
    let flow = still_owned_by(write.flow(flow_id).await?, secret)?;
    if Step::of(&flow, now).live().map_err(AppError::code)? != Step::EnterCode {
        return Err(AppError::code(ErrorCode::FlowWrongStep));
    }
    if flow.code_expires_at.is_some_and(|at| now >= at) {
        return Err(AppError::refused(ErrorBody::for_field(ErrorCode::CodeExpired, "code")));
    }
    // Budgets first: once one is spent, even the right code is refused.
    if identifier_day_spent(&mut write, &identifier, caller, policy, now).await? {
        write.end_flow(&flow.id, EndedReason::IdentifierBudget.as_str()).await?;
        write
            .audit(AuditEvent::BudgetExhausted, flow.account_id, Some(&flow.id), caller.actor(), now)
            .await?;
        write.commit().await?;
        return Err(AppError::code(ErrorCode::AccountAttemptsExhausted));
    }

    // Computed for every flow, so a flow without an account takes the same time to refuse.
    let expected = code_mac(&state.secrets.code_key, &flow.id, &code);
    let matches = mac_matches(flow.code_hash.as_deref(), &expected);
    if matches {
        let rotated = FlowSecret::new();
        let verified = write
            .mark_flow_verified(&flow.id, &expected, &rotated.hash(), now)
            .await?
            .ok_or_else(|| AppError::code(ErrorCode::FlowWrongStep))?;
        write.audit(AuditEvent::CodeVerified, flow.account_id, Some(&flow.id), caller.actor(), now).await?;
        write.commit().await?;
        return Ok((verified, rotated));
    }
    let per_flow = policy.attempts_per_flow;
    let failed = write
        .record_code_failure(&flow, &identifier, &caller.network, per_flow, now)
        .await?
        .ok_or_else(|| AppError::code(ErrorCode::FlowAttemptsExhausted))?;
    write.audit(AuditEvent::CodeFailed, flow.account_id, Some(&flow.id), caller.actor(), now).await?;
    let attempts_left = (i64::from(per_flow) - failed).max(0) as u32;
    if attempts_left == 0 {
        write
            .audit(AuditEvent::BudgetExhausted, flow.account_id, Some(&flow.id), caller.actor(), now)
            .await?;
    }
    write.commit().await?;
    Err(AppError::refused(ErrorBody {
        field: Some("code".into()),
        attempts_left: Some(attempts_left),
        ..ErrorBody::from(ErrorCode::CodeInvalid)
    }))
}

/// Sets the new password, once, from the browser that verified the code. The change, the end of
/// every session and other flow, the notices and the audit row commit together.
#[tracing::instrument(skip_all, fields(flow_id = %flow_id, account_id))]
pub async fn set_password(
    state: &AppState,
    caller: &Caller,
    secret: Option<&FlowSecret>,
    flow_id: &str,
    password: &str,
) -> Result<FlowRow, AppError> {
    let now = state.clock.now();
    let window = state.config.policy.password_window_s;
    // Refused early, before the slow hash; decided again below, in the write.
    let flow = owned_by(state.db.flow(flow_id).await?, secret)?;
    password_step(&flow, now, window)?;
    // Only a verified flow gets here, and only flows with an account can be verified.
    let account = state
        .db
        .account(flow.account_id.unwrap_or(0))
        .await?
        .ok_or_else(|| anyhow::anyhow!("verified flow {} has no account", flow.id))?;
    let identity =
        [account.username.as_str(), account.email.as_str(), account.phone.as_deref().unwrap_or_default()];
    refuse_weak(state.config.policy.password_min_length, password, &identity)?;
    let hash = state.hasher.hash(password).await?;

    let mut write = state.db.write_for(vec![Subject::flow(&flow.id), Subject::account(account.id)]).await?;
    let flow = still_owned_by(write.flow(flow_id).await?, secret)?;
    let Some(done) = write.complete_flow(&flow.id, now - window).await? else {
        // Another request set it first (or the flow moved on): say where it stands now.
        password_step(&flow, now, window)?;
        return Err(AppError::code(ErrorCode::FlowWrongStep));
    };
    write.change_password(account.id, &hash, now, None).await?;
    write.supersede_other_flows(account.id, &flow.id).await?;
    // The notice is for the account's owner, who may not be the person in the wizard ("this wasn't
    // me"): in the account's language.
    queue_password_notices(state, &mut write, &account, now).await?;
    write.audit(AuditEvent::PasswordChanged, Some(account.id), Some(&flow.id), caller.actor(), now).await?;
    write.commit().await?;
    state.outbox.wake();
    tracing::info!(flow_id = %flow.id, account_id = account.id, "password changed");
    Ok(done)
}

pub(crate) async fn queue_password_notices(
    state: &AppState,
    write: &mut Write,
    account: &crate::storage::accounts::Account,
    now: i64,
) -> anyhow::Result<()> {
    let channels = [("email", Some(&account.email)), ("sms", account.phone.as_ref())];
    for (channel, recipient) in channels {
        let Some(recipient) = recipient else { continue };
        let message = NewMessage {
            channel,
            recipient,
            language: &account.language,
            template: template::PASSWORD_CHANGED,
            args: serde_json::json!({}),
            expires_at: None,
        };
        write.enqueue(&state.secrets.outbox_key, message, now).await?;
    }
    Ok(())
}

/// The budgets of wrong codes that span rows (recoveries, sign-ups, new addresses), read in the write
/// that will record the next one: the refusal when the client network's hour is spent, otherwise
/// whether `identifier`'s day is (each caller ends its own row for that).
pub(crate) async fn identifier_day_spent(
    write: &mut Write,
    identifier: &str,
    caller: &Caller,
    policy: &crate::config::Policy,
    now: i64,
) -> Result<bool, AppError> {
    let (by_identifier, by_network) = write
        .code_failures_since(
            (identifier, now - DAY_S, policy.attempts_per_identifier_day),
            (&caller.network, now - HOUR_S, policy.attempts_per_ip_hour),
        )
        .await?;
    let identifier_spent = by_identifier >= i64::from(policy.attempts_per_identifier_day);
    if !identifier_spent && by_network >= i64::from(policy.attempts_per_ip_hour) {
        return Err(AppError::refused(ErrorBody {
            retry_after_s: Some(HOUR_S as u32),
            ..ErrorBody::from(ErrorCode::IpAttemptsExhausted)
        }));
    }
    Ok(identifier_spent)
}

/// The refusal of a spent cap: `code`, with the wait until the oldest event counted in its `window_s`
/// drops out, rounded up to whole `unit_s` (the message says minutes or hours).
pub(crate) async fn cap_refusal(
    write: &mut Write,
    key: &str,
    window_s: i64,
    unit_s: u32,
    code: ErrorCode,
    now: i64,
) -> anyhow::Result<AppError> {
    let oldest = write.oldest_cap_event(key, now - window_s).await?.unwrap_or(now);
    let units = ((oldest + window_s - now).max(1) as u32).div_ceil(unit_s);
    Ok(AppError::refused(ErrorBody { retry_after_s: Some(units * unit_s), ..ErrorBody::from(code) }))
}

/// Why the flow cannot be sent a code now, if it cannot.
fn send_refusal(flow: &FlowRow, now: i64) -> Result<(), AppError> {
    let step = Step::of(flow, now).live().map_err(AppError::code)?;
    if !matches!(step, Step::ChooseMethod | Step::EnterCode) {
        return Err(AppError::code(ErrorCode::FlowWrongStep));
    }
    if now < flow.next_send_at {
        return Err(AppError::refused(ErrorBody {
            retry_after_s: Some((flow.next_send_at - now) as u32),
            ..ErrorBody::from(ErrorCode::ResendTooSoon)
        }));
    }
    Ok(())
}

/// The flow may take a new password now, or the error that says why not.
fn password_step(flow: &FlowRow, now: i64, window: i64) -> Result<(), AppError> {
    if Step::of(flow, now).live().map_err(AppError::code)? != Step::NewPassword {
        return Err(AppError::code(ErrorCode::FlowWrongStep));
    }
    if flow.verified_at.is_none_or(|at| now >= at + window) {
        return Err(AppError::code(ErrorCode::PasswordWindowExpired));
    }
    Ok(())
}

/// The flow, when the request's secret is the one it belongs to; otherwise exactly what an unknown
/// flow gets.
/// The account's names, for the password check of the browser that verified `flow_id` (verification
/// proved it holds the account), so a new password containing them is flagged as it is typed. Any other
/// caller gets none and learns nothing: the flow id alone is known to whoever started the recovery, who
/// must not be able to test guesses of the account's user name against it.
pub async fn verified_account_names(
    state: &AppState,
    secret: Option<&FlowSecret>,
    flow_id: &str,
) -> Result<Vec<String>, AppError> {
    let Ok(flow) = owned_by(state.db.flow(flow_id).await?, secret) else { return Ok(Vec::new()) };
    let (Some(account_id), "new_password") = (flow.account_id, flow.step.as_str()) else {
        return Ok(Vec::new());
    };
    let names = state.db.account(account_id).await?.map(|a| [Some(a.username), Some(a.email), a.phone]);
    Ok(names.into_iter().flatten().flatten().collect())
}

/// The flow, when `secret` opens it (else exactly what an unknown flow gets); its account is recorded
/// on the current span, the step's.
fn owned_by(flow: Option<FlowRow>, secret: Option<&FlowSecret>) -> Result<FlowRow, AppError> {
    let flow = still_owned_by(flow, secret)?;
    tracing::Span::current().record("account_id", flow.account_id);
    Ok(flow)
}

/// The same, for a step that reads its flow again (its span already names the account).
fn still_owned_by(flow: Option<FlowRow>, secret: Option<&FlowSecret>) -> Result<FlowRow, AppError> {
    match (flow, secret) {
        (Some(flow), Some(secret)) if secret.opens(flow.browser_hash.as_deref()) => Ok(flow),
        _ => Err(AppError::code(ErrorCode::FlowNotFound)),
    }
}

/// The canonical identifier the budgets across flows count under, with an account or not.
fn identifier_key(flow: &FlowRow) -> String {
    format!("{}:{}", flow.identifier_kind, flow.identifier.to_lowercase())
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
