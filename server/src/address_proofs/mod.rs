//! A new email or phone is proven before anything goes to it. *Mi cuenta* sends a code to the new
//! address (mail or SMS); only when it is typed does the address become the account's. Until then no
//! recovery code, no notice and no sign-in goes by it: `accounts.email` and `accounts.phone` hold only
//! proven addresses, and a phone typed at sign-up waits here for its first code.
//!
//! Rules (OWASP Forgot Password and Authentication cheat sheets, ASVS V2.5, NIST SP 800-63B 3.1.3):
//! - Codes follow the recovery's: 8 digits, HMAC at rest bound to the address's row, single use,
//!   10 minutes, a new code kills the old, a cool-down that doubles with every send — whatever the
//!   address, so typing one number after another does not send faster (SMS cost and pumping). Sends
//!   count per recipient and per account per day, as the recovery's do.
//! - 5 wrong codes end the address; wrong codes also count per account per day and per client network
//!   per hour. Each budget is decided in the write that records it.
//! - Sending a code never says whether another account has the address: only once the code is typed
//!   (the person holds the address) may it be said (`email_taken`, `phone_taken`).
//! - When the address changes, the old one is told (mail or SMS), and the account's email is told
//!   of a new phone. Recoveries under way end: their codes went to the old address.

use recupera_api::{
    account::{AddressKind, PendingAddress},
    validation::{normalize_code, normalize_phone, validate_email},
    ErrorBody, ErrorCode,
};

use crate::{
    extract::Caller,
    messages::template,
    recovery::{
        cap_refusal,
        codes::{code_mac, display_code, mac_matches, new_code, new_flow_id},
        identifier_day_spent,
    },
    storage::{
        accounts::Account,
        address_proofs::{channel, AddressProofRow, ProofSend},
        audit::AuditEvent,
        write::{NewMessage, Write},
    },
    AppError, AppState,
};

const DAY_S: i64 = 24 * 3600;
/// How long a phone typed at sign-up waits for its first code before it is forgotten.
const UNPROVEN_KEPT_S: i64 = 30 * DAY_S;

fn field_error(code: ErrorCode, kind: AddressKind) -> AppError {
    AppError::refused(ErrorBody::for_field(code, field_of(kind)))
}

fn field_of(kind: AddressKind) -> &'static str {
    match kind {
        AddressKind::Email => "email",
        AddressKind::Phone => "phone",
    }
}

/// What the browser may know of a row.
pub fn view(row: &AddressProofRow, attempts_per_address: u32, now: i64) -> Option<PendingAddress> {
    let kind = AddressKind::parse(&row.kind)?;
    (row.step == "enter_code" && row.expires_at > now).then(|| PendingAddress {
        kind,
        address: row.address.clone(),
        code_sent: row.code_hash.is_some(),
        resend_after_s: (row.next_send_at - now).max(0) as u32,
        attempts_left: (i64::from(attempts_per_address) - row.failed_attempts).max(0) as u32,
    })
}

/// Keeps the phone typed at sign-up, to be proven from *Mi cuenta*: nothing is sent to it yet.
pub async fn keep_phone_from_sign_up(
    write: &mut Write,
    account_id: i64,
    phone: &str,
    now: i64,
) -> anyhow::Result<()> {
    let id = new_flow_id(now);
    write
        .keep_unproven_address((account_id, AddressKind::Phone, phone), &id, now, now + UNPROVEN_KEPT_S)
        .await
}

/// Sends a code to a new address (`typed`), or to the one waiting (`None`), after the cool-down.
#[tracing::instrument(skip_all, fields(account_id = account.id, kind = kind.as_str()))]
pub async fn send_code(
    state: &AppState,
    caller: &Caller,
    account: &Account,
    kind: AddressKind,
    typed: Option<&str>,
) -> Result<AddressProofRow, AppError> {
    let now = state.clock.now();
    let policy = &state.config.policy;
    let address = match typed {
        Some(typed) => Some(normalized_address(kind, typed)?),
        None => None,
    };
    if let Some(address) = &address {
        let current = match kind {
            AddressKind::Email => Some(&account.email),
            AddressKind::Phone => account.phone.as_ref(),
        };
        if current.is_some_and(|current| current.eq_ignore_ascii_case(address)) {
            return Err(field_error(ErrorCode::AddressUnchanged, kind));
        }
    }

    let mut write = state.db.write().await?;
    let waiting = write.address_proof(account.id, kind).await?.filter(|row| row.expires_at > now);
    let address = match (address, &waiting) {
        (Some(address), _) => address,
        (None, Some(row)) if row.step == "enter_code" => row.address.clone(),
        _ => return Err(AppError::code(ErrorCode::NothingToConfirm)),
    };
    let account_cap = format!("account:{}", account.id);
    if !write.take_cap(&account_cap, now - DAY_S, policy.messages_per_account_day, now).await? {
        return Err(
            cap_refusal(&mut write, &account_cap, DAY_S, 3600, ErrorCode::SendLimitReached, now).await?
        );
    }
    let id = new_flow_id(now);
    let code = new_code();
    let code_hash = code_mac(&state.secrets.code_key, &id, &code);
    let send = ProofSend {
        id: &id,
        address: &address,
        code_hash: &code_hash,
        code_expires_at: now + policy.code_lifetime_s,
        cooldown_s: policy.resend_cooldown_s,
        expires_at: now + DAY_S,
    };
    // The cool-down is decided by the write itself: two sends at once (on any replica) make one code.
    let Some(sent) = write.send_address_code(account.id, kind, &send, now).await? else {
        let next_send_at = waiting.map_or(now, |row| row.next_send_at);
        drop(write);
        return Err(too_soon(next_send_at - now));
    };
    // Held back silently past the recipient's daily cap: the same answer, no message.
    let recipient_cap = format!("to:{}", state.secrets.address_name(&address));
    let event = if write.take_cap(&recipient_cap, now - DAY_S, policy.messages_per_recipient_day, now).await?
    {
        let template = match kind {
            AddressKind::Email => template::EMAIL_CODE,
            AddressKind::Phone => template::PHONE_CODE,
        };
        let message = NewMessage {
            channel: channel(kind),
            recipient: &address,
            language: &account.language,
            template,
            args: serde_json::json!({ "code": display_code(&code), "minutes": policy.code_lifetime_s / 60 }),
            expires_at: Some(send.code_expires_at),
        };
        write.enqueue(&state.secrets.outbox_key, message, now).await?;
        AuditEvent::CodeSent
    } else {
        AuditEvent::CodeHeldBack
    };
    write.audit(event, Some(account.id), Some(&sent.id), caller.actor(), now).await?;
    write.commit().await?;
    state.outbox.wake();
    Ok(sent)
}

fn too_soon(wait_s: i64) -> AppError {
    AppError::refused(ErrorBody {
        retry_after_s: Some(wait_s.max(1) as u32),
        ..ErrorBody::from(ErrorCode::ResendTooSoon)
    })
}

fn normalized_address(kind: AddressKind, typed: &str) -> Result<String, AppError> {
    match kind {
        AddressKind::Email => validate_email(typed),
        AddressKind::Phone => normalize_phone(typed.trim()),
    }
    .map_err(|code| field_error(code, kind))
}

/// Checks the code. A right one makes the address the account's (unless another account proved it
/// first), in the same write that uses the code up, and tells the old address; a wrong one is
/// counted in the write that decides it may still be tried.
#[tracing::instrument(skip_all, fields(account_id = account.id, kind = kind.as_str()))]
pub async fn confirm(
    state: &AppState,
    caller: &Caller,
    account: &Account,
    kind: AddressKind,
    typed: &str,
) -> Result<(), AppError> {
    let code = normalize_code(typed).map_err(|code| AppError::refused(ErrorBody::for_field(code, "code")))?;
    let now = state.clock.now();
    let policy = &state.config.policy;
    let mut write = state.db.write().await?;
    let row = write
        .address_proof(account.id, kind)
        .await?
        .filter(|row| row.expires_at > now)
        .ok_or_else(|| AppError::code(ErrorCode::NothingToConfirm))?;
    if row.step != "enter_code" {
        return Err(AppError::code(ErrorCode::AddressAttemptsExhausted));
    }
    let code_field = |code| AppError::refused(ErrorBody::for_field(code, "code"));
    if row.code_hash.is_none() || now >= row.code_expires_at {
        return Err(code_field(ErrorCode::CodeExpired));
    }
    let identifier = format!("address:{}", account.id);
    if identifier_day_spent(&mut write, &identifier, caller, policy, now).await? {
        return Err(AppError::code(ErrorCode::AccountAttemptsExhausted));
    }

    let expected = code_mac(&state.secrets.code_key, &row.id, &code);
    let matches = mac_matches(row.code_hash.as_deref(), &expected);
    if !matches {
        let budget = policy.attempts_per_flow;
        let failed = write
            .record_address_code_failure(&row, &identifier, &caller.network, budget, now)
            .await?
            .ok_or_else(|| AppError::code(ErrorCode::AddressAttemptsExhausted))?;
        write.audit(AuditEvent::CodeFailed, Some(account.id), Some(&row.id), caller.actor(), now).await?;
        write.commit().await?;
        return Err(AppError::refused(ErrorBody {
            field: Some("code".into()),
            attempts_left: Some((i64::from(budget) - failed).max(0) as u32),
            ..ErrorBody::from(ErrorCode::CodeInvalid)
        }));
    }

    let Some(used) = write.use_address_code(&row.id, &expected, now).await? else {
        // Another request used (or replaced) this code meanwhile.
        return Err(code_field(ErrorCode::CodeExpired));
    };
    if !write.set_account_address(account.id, kind, &used.address).await? {
        // Another account proved this address first. Said now: this person holds the address.
        write.commit().await?;
        let taken = match kind {
            AddressKind::Email => ErrorCode::EmailTaken,
            AddressKind::Phone => ErrorCode::PhoneTaken,
        };
        return Err(field_error(taken, kind));
    }
    // Codes of recoveries under way went to the old address.
    write.supersede_other_flows(account.id, "").await?;
    tell_of_change(state, &mut write, account, kind, now).await?;
    write.audit(AuditEvent::AddressChanged, Some(account.id), Some(&used.id), caller.actor(), now).await?;
    write.commit().await?;
    state.outbox.wake();
    tracing::info!(account_id = account.id, kind = kind.as_str(), "address proven");
    Ok(())
}

/// The notices of a changed address: to the old one (so a hijacked session cannot move the account
/// away unseen), and, for a phone, to the account's email too.
async fn tell_of_change(
    state: &AppState,
    write: &mut Write,
    account: &Account,
    kind: AddressKind,
    now: i64,
) -> anyhow::Result<()> {
    let mut notices = Vec::new();
    match kind {
        AddressKind::Email => notices.push(("email", account.email.as_str(), template::EMAIL_CHANGED)),
        AddressKind::Phone => {
            notices.push(("email", account.email.as_str(), template::PHONE_CHANGED));
            if let Some(old) = &account.phone {
                notices.push(("sms", old.as_str(), template::PHONE_CHANGED));
            }
        }
    }
    for (channel, recipient, template) in notices {
        let message = NewMessage {
            channel,
            recipient,
            language: &account.language,
            template,
            args: serde_json::json!({}),
            expires_at: None,
        };
        write.enqueue(&state.secrets.outbox_key, message, now).await?;
    }
    Ok(())
}
