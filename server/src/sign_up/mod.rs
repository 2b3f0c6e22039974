//! Sign-up's rules: the form → the code mailed to the address → the account. The HTTP handlers
//! (`routes::sign_up`) only read requests and write answers; everything decided is here.
//!
//! Rules (OWASP Authentication and Forgot Password cheat sheets, ASVS V2.1 and V2.5, NIST SP 800-63B):
//! - Nothing is created until the email is proven: the sign-up waits (a day at most) for the 8-digit
//!   code mailed to it. A pending sign-up is no account: signing in or recovering with its addresses
//!   answers as for any unknown identifier, and its user name is reserved by nobody.
//! - Every answer is the same — body, status, the reads and writes done, the slow hash — whether the
//!   email is new or already has an account. When it has one, its owner gets at most one
//!   "someone tried to sign up with your address" mail a day, no code exists (nothing typed can
//!   match) and nothing is created. Only a user name a confirmed account already has is said taken:
//!   user names are public, and no pending sign-up holds one.
//! - The form needs a solved bot check; sign-ups started per client network are capped per hour.
//! - Codes follow the recovery's rules (`crate::recovery`): HMAC at rest bound to the sign-up's id,
//!   single use, 10 minutes, a new one kills the old, a cool-down that doubles; 5 wrong codes end the
//!   sign-up, and wrong codes count per address per day and per client network per hour. Each budget
//!   is decided in the write that records it. The sign-up belongs to the browser that started it.
//! - The account is created by the write that uses the code up; the unique indexes decide the user
//!   name (and the email) for whoever confirms first.

use recupera_api::{
    sign_up::StartSignUpRequest,
    validation::{
        normalize_code, normalize_phone, validate_email, validate_username, Identifier, IdentifierKind,
    },
    ErrorBody, ErrorCode,
};

use crate::{
    extract::Caller,
    messages::{supported_language, template},
    passwords::refuse_weak,
    recovery::{
        browser::FlowSecret,
        cap_refusal,
        codes::{code_mac, display_code, mac_matches, new_code, new_flow_id},
        identifier_day_spent,
    },
    routes::bot_check::{already_spent, verify_bot_check, BotCheckAction},
    storage::{
        accounts::{Account, NewAccount, Taken},
        audit::AuditEvent,
        sign_ups::SignUpRow,
        write::{NewMessage, Write},
    },
    AppError, AppState,
};

const DAY_S: i64 = 24 * 3600;
const HOUR_S: i64 = 3600;

/// Where a sign-up stands at a moment: waiting for its code, done, or why it cannot go on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignUpState {
    EnterCode,
    Done,
    Ended(ErrorCode),
}

impl SignUpState {
    pub fn of(row: &SignUpRow, now: i64) -> SignUpState {
        match (row.step.as_str(), row.ended_reason.as_deref()) {
            ("done", _) => SignUpState::Done,
            _ if now >= row.expires_at => SignUpState::Ended(ErrorCode::FlowExpired),
            ("enter_code", _) => SignUpState::EnterCode,
            (_, Some("username_taken")) => SignUpState::Ended(ErrorCode::UsernameTaken),
            (_, Some("email_taken")) => SignUpState::Ended(ErrorCode::EmailTaken),
            _ => SignUpState::Ended(ErrorCode::FlowAttemptsExhausted),
        }
    }

    /// The state, or the refusal of a sign-up that cannot go on.
    fn live(self) -> Result<SignUpState, AppError> {
        match self {
            SignUpState::Ended(code @ ErrorCode::UsernameTaken) => {
                Err(AppError::refused(ErrorBody::for_field(code, "username")))
            }
            SignUpState::Ended(code @ ErrorCode::EmailTaken) => {
                Err(AppError::refused(ErrorBody::for_field(code, "email")))
            }
            SignUpState::Ended(code) => Err(AppError::code(code)),
            live => Ok(live),
        }
    }
}

/// The refusal of a value the form got wrong, next to its field.
fn field_error(code: ErrorCode, field: &str) -> AppError {
    AppError::refused(ErrorBody::for_field(code, field))
}

/// Starts a sign-up: checks the form, then mails the code (or, when the address already has an
/// account, tells its owner instead). The browser gets the returned secret in its sign-up cookie.
#[tracing::instrument(skip_all, fields(sign_up_id))]
pub async fn start(
    state: &AppState,
    caller: &Caller,
    request: &StartSignUpRequest,
) -> Result<(SignUpRow, FlowSecret), AppError> {
    let username = validate_username(&request.username).map_err(|code| field_error(code, "username"))?;
    let email = validate_email(&request.email).map_err(|code| field_error(code, "email"))?;
    let phone = match request.phone.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        Some(phone) => Some(normalize_phone(phone).map_err(|code| field_error(code, "phone"))?),
        None => None,
    };
    let policy = &state.config.policy;
    let identity = [username.as_str(), email.as_str(), phone.as_deref().unwrap_or_default()];
    refuse_weak(policy.password_min_length, &request.password, &identity)?;
    let solved = verify_bot_check(state, &request.bot_check, BotCheckAction::SignUp).await?;

    // The slow hash and both lookups happen whether or not an address is taken.
    let password_hash = state.hasher.hash(&request.password).await?;
    let owner = address_owner(state, &email).await?;
    let now = state.clock.now();
    let secret = FlowSecret::new();
    let id = new_flow_id(now);
    let code = new_code();
    let mac = code_mac(&state.secrets.code_key, &id, &code);
    let row = SignUpRow {
        id,
        username,
        email,
        phone,
        // Nothing of a taken address's sign-up can become an account.
        password_hash: if owner.is_some() { String::new() } else { password_hash },
        language: supported_language(&request.language),
        step: "enter_code".to_owned(),
        ended_reason: None,
        code_hash: Some(if owner.is_some() { Vec::new() } else { mac }),
        code_expires_at: now + policy.code_lifetime_s,
        sends: 1,
        next_send_at: now + policy.resend_cooldown_s,
        failed_attempts: 0,
        browser_hash: secret.hash(),
        created_at: now,
        expires_at: now + policy.sign_up_lifetime_s,
    };
    tracing::Span::current().record("sign_up_id", row.id.as_str());

    let mut write = state.db.write().await?;
    if !write.spend_bot_check(&solved.signature, solved.expires_at).await? {
        return Err(already_spent());
    }
    let cap = format!("sign-up:{}", caller.network);
    if !write.take_cap(&cap, now - HOUR_S, policy.sign_ups_per_ip_hour, now).await? {
        return Err(cap_refusal(&mut write, &cap, HOUR_S, 60, ErrorCode::TooManySignUps, now).await?);
    }
    // Decided here, after the bot check and the cap are spent: probing user names costs as much as
    // signing up. (The account's insert decides again, at confirmation.)
    if write.username_taken(&row.username).await? {
        write.commit().await?;
        return Err(field_error(ErrorCode::UsernameTaken, "username"));
    }
    write.insert_sign_up(&row).await?;
    mail_code_or_tell_owner(state, &mut write, caller, &row, owner.as_ref(), &code, now).await?;
    write.commit().await?;
    state.outbox.wake();
    tracing::info!(sign_up_id = %row.id, "sign-up started");
    Ok((row, secret))
}

/// The account that already has this email. (A phone typed in the form proves nothing and decides
/// nothing: it is proven later by its own code, and only then can it be found taken.)
async fn address_owner(state: &AppState, email: &str) -> anyhow::Result<Option<Account>> {
    state.db.find_account(&Identifier { kind: IdentifierKind::Email, value: email.to_owned() }).await
}

/// Queues the code for a new address (within the recipient's daily cap, held back silently past
/// it), or the "someone tried to sign up with your address" notice to a taken one's owner (one a day).
async fn mail_code_or_tell_owner(
    state: &AppState,
    write: &mut Write,
    caller: &Caller,
    row: &SignUpRow,
    owner: Option<&Account>,
    code: &str,
    now: i64,
) -> anyhow::Result<()> {
    let policy = &state.config.policy;
    match owner {
        None => {
            let recipient_cap = format!("to:{}", state.secrets.address_name(&row.email));
            let event = if write
                .take_cap(&recipient_cap, now - DAY_S, policy.messages_per_recipient_day, now)
                .await?
            {
                let message = NewMessage {
                    channel: "email",
                    recipient: &row.email,
                    language: &row.language,
                    template: template::SIGN_UP_CODE,
                    args: serde_json::json!({ "code": display_code(code), "minutes": policy.code_lifetime_s / 60 }),
                    expires_at: Some(row.code_expires_at),
                };
                write.enqueue(&state.secrets.outbox_key, message, now).await?;
                AuditEvent::CodeSent
            } else {
                AuditEvent::CodeHeldBack
            };
            write.audit(event, None, Some(&row.id), caller.actor(), now).await?;
        }
        Some(owner) => {
            let notice_cap = format!("sign-up-taken:{}", owner.id);
            if write.take_cap(&notice_cap, now - DAY_S, 1, now).await? {
                // For the owner, who did not ask for it: in the account's language.
                let message = NewMessage {
                    channel: "email",
                    recipient: &owner.email,
                    language: &owner.language,
                    template: template::SIGN_UP_TAKEN,
                    args: serde_json::json!({}),
                    expires_at: None,
                };
                write.enqueue(&state.secrets.outbox_key, message, now).await?;
            }
            write
                .audit(AuditEvent::SignUpWithTakenAddress, Some(owner.id), Some(&row.id), caller.actor(), now)
                .await?;
        }
    }
    Ok(())
}

/// The sign-up, for the browser holding `secret`, if it can still be shown.
#[tracing::instrument(skip_all, fields(sign_up_id = %id))]
pub async fn read(state: &AppState, secret: Option<&FlowSecret>, id: &str) -> Result<SignUpRow, AppError> {
    let row = owned_by(state.db.sign_up(id).await?, secret)?;
    SignUpState::of(&row, state.clock.now()).live()?;
    Ok(row)
}

/// Mails a new code (the old one dies), once the cool-down is over.
#[tracing::instrument(skip_all, fields(sign_up_id = %id))]
pub async fn resend(
    state: &AppState,
    caller: &Caller,
    secret: Option<&FlowSecret>,
    id: &str,
) -> Result<SignUpRow, AppError> {
    let now = state.clock.now();
    let policy = &state.config.policy;
    // Read first, for the early refusals; whether the send may happen is decided again by the write.
    let row = owned_by(state.db.sign_up(id).await?, secret)?;
    resend_refusal(&row, now)?;
    let owner = address_owner(state, &row.email).await?;
    let taken = row.password_hash.is_empty();
    let code = new_code();
    let mac = code_mac(&state.secrets.code_key, &row.id, &code);
    let code_hash: &[u8] = if taken { &[] } else { &mac };
    let change = (code_hash, now + policy.code_lifetime_s, policy.resend_cooldown_s);
    let mut write = state.db.write().await?;
    let Some(sent) = write.set_sign_up_code(&row.id, &row.browser_hash, change, now).await? else {
        drop(write);
        let row = owned_by(state.db.sign_up(id).await?, secret)?;
        resend_refusal(&row, now)?;
        return Err(AppError::code(ErrorCode::FlowWrongStep));
    };
    // A taken address's owner may have left meanwhile: then there is nobody to tell, and no code.
    let owner = if taken { owner } else { None };
    mail_code_or_tell_owner(state, &mut write, caller, &sent, owner.as_ref(), &code, now).await?;
    write.commit().await?;
    state.outbox.wake();
    Ok(sent)
}

fn resend_refusal(row: &SignUpRow, now: i64) -> Result<(), AppError> {
    if SignUpState::of(row, now).live()? != SignUpState::EnterCode {
        return Err(AppError::code(ErrorCode::FlowWrongStep));
    }
    if now < row.next_send_at {
        return Err(AppError::refused(ErrorBody {
            retry_after_s: Some((row.next_send_at - now) as u32),
            ..ErrorBody::from(ErrorCode::ResendTooSoon)
        }));
    }
    Ok(())
}

/// Checks the code. A right one creates the account, in the same write that uses the code up; a
/// wrong one is counted in the write that decides it may still be tried.
#[tracing::instrument(skip_all, fields(sign_up_id = %id))]
pub async fn confirm(
    state: &AppState,
    caller: &Caller,
    secret: Option<&FlowSecret>,
    id: &str,
    typed: &str,
) -> Result<SignUpRow, AppError> {
    let code = normalize_code(typed).map_err(|code| field_error(code, "code"))?;
    let now = state.clock.now();
    let policy = &state.config.policy;
    let mut write = state.db.write().await?;
    let row = owned_by(write.sign_up(id).await?, secret)?;
    if SignUpState::of(&row, now).live()? != SignUpState::EnterCode {
        return Err(AppError::code(ErrorCode::FlowWrongStep));
    }
    if now >= row.code_expires_at {
        return Err(field_error(ErrorCode::CodeExpired, "code"));
    }
    let identifier = format!("sign-up:{}", state.secrets.address_name(&row.email.to_lowercase()));
    if identifier_day_spent(&mut write, &identifier, caller, policy, now).await? {
        write.end_sign_up(&row.id, "attempts").await?;
        write.commit().await?;
        return Err(AppError::code(ErrorCode::FlowAttemptsExhausted));
    }

    // Computed for every sign-up, so a taken address's takes the same time to refuse.
    let expected = code_mac(&state.secrets.code_key, &row.id, &code);
    let matches = mac_matches(row.code_hash.as_deref(), &expected);
    if matches {
        let done = write
            .complete_sign_up(&row.id, &expected, now)
            .await?
            .ok_or_else(|| AppError::code(ErrorCode::FlowWrongStep))?;
        // The email is proven; a phone typed in the form is not: it waits for its own SMS code, and
        // gets nothing until then (`crate::address_proofs`).
        let account_id =
            match write.insert_account(NewAccount { phone: None, ..row.new_account() }, now).await? {
                Ok(account_id) => account_id,
                Err(taken) => return refuse_taken(write, &row, taken).await,
            };
        if let Some(phone) = &row.phone {
            crate::address_proofs::keep_phone_from_sign_up(&mut write, account_id, phone, now).await?;
        }
        write.audit(AuditEvent::AccountCreated, Some(account_id), Some(&row.id), caller.actor(), now).await?;
        write.commit().await?;
        tracing::info!(sign_up_id = %row.id, account_id, "account created");
        return Ok(done);
    }
    let budget = policy.attempts_per_flow;
    let failed = write
        .record_sign_up_code_failure(&row, &identifier, &caller.network, budget, now)
        .await?
        .ok_or_else(|| AppError::code(ErrorCode::FlowAttemptsExhausted))?;
    write.audit(AuditEvent::CodeFailed, None, Some(&row.id), caller.actor(), now).await?;
    write.commit().await?;
    let attempts_left = (i64::from(budget) - failed).max(0) as u32;
    Err(AppError::refused(ErrorBody {
        field: Some("code".into()),
        attempts_left: Some(attempts_left),
        ..ErrorBody::from(ErrorCode::CodeInvalid)
    }))
}

/// Someone confirmed first with this user name (or email): the sign-up ends and says which. The
/// email may be said: this browser just proved it holds the address.
async fn refuse_taken(mut write: Write, row: &SignUpRow, taken: Taken) -> Result<SignUpRow, AppError> {
    let (reason, code, field) = match taken {
        Taken::Username => ("username_taken", ErrorCode::UsernameTaken, "username"),
        _ => ("email_taken", ErrorCode::EmailTaken, "email"),
    };
    write.end_sign_up(&row.id, reason).await?;
    write.commit().await?;
    Err(field_error(code, field))
}

/// The sign-up, when `secret` opens it; otherwise exactly what an unknown one gets.
fn owned_by(row: Option<SignUpRow>, secret: Option<&FlowSecret>) -> Result<SignUpRow, AppError> {
    match (row, secret) {
        (Some(row), Some(secret)) if secret.opens(Some(&row.browser_hash)) => Ok(row),
        _ => Err(AppError::code(ErrorCode::FlowNotFound)),
    }
}
