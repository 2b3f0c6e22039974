//! *Mi cuenta*, signed in: a new password (the current one first), and where the account is signed in,
//! with a way to end any other session. (New emails and phones: `crate::address_proofs`.)
//!
//! Rules (OWASP Session Management and Authentication cheat sheets, ASVS V2.1.5–V2.1.6 and V3.3.3–V3.3.4):
//! - A password change asks for the current password: a session left open on a shared computer
//!   cannot take the account. Every try is counted per account, in a write that decides whether it
//!   may be judged, before its hash: at most `CURRENT_PASSWORD_TRIES_PER_HOUR` an hour.
//! - The new password follows the same policy as everywhere. Every other session ends with the old
//!   password, recoveries under way end too, and the owner is told by mail (and SMS).
//! - Sessions are listed with the browser and system their sign-in came from, and when they were
//!   last used (to the minute). Each has an id of its own that is not its cookie. Ending one, or all
//!   others, is this account's only: another account's id is as unknown as a made-up one.

mod user_agent;

use recupera_api::{
    account::{SessionList, SessionView},
    ErrorBody, ErrorCode,
};
use sha2::{Digest, Sha256};

use crate::{
    extract::Caller,
    passwords::refuse_weak,
    recovery::{cap_refusal, queue_password_notices},
    storage::{accounts::Account, audit::AuditEvent, SessionRow},
    AppError, AppState,
};

/// Password changes (right or wrong current password) an account may try from Mi cuenta in an hour.
pub const CURRENT_PASSWORD_TRIES_PER_HOUR: u32 = 5;
const HOUR_S: i64 = 3600;

/// Sets a new password once the current one is right. `session` is the hash of the session that
/// asked: it stays, every other one ends.
#[tracing::instrument(skip_all, fields(account_id = account.id))]
pub async fn change_password(
    state: &AppState,
    caller: &Caller,
    account: &Account,
    session: &[u8],
    (current, new): (&str, &str),
) -> Result<(), AppError> {
    let now = state.clock.now();
    let identity =
        [account.username.as_str(), account.email.as_str(), account.phone.as_deref().unwrap_or_default()];
    // The policy's refusal names this request's field.
    refuse_weak(state.config.policy.password_min_length, new, &identity).map_err(|error| match error {
        AppError::Refused(body) => {
            AppError::Refused(ErrorBody { field: Some("new_password".into()), ..body })
        }
        other => other,
    })?;
    // Counted before the slow hash, in a write of its own: parallel guesses cannot slip past.
    let cap = format!("current-password:{}", account.id);
    let mut write = state.db.write().await?;
    if !write.take_cap(&cap, now - HOUR_S, CURRENT_PASSWORD_TRIES_PER_HOUR, now).await? {
        return Err(cap_refusal(&mut write, &cap, HOUR_S, 60, ErrorCode::TooManyRequests, now).await?);
    }
    write.commit().await?;
    let verdict = state.hasher.verify(current, Some(&account.password_hash)).await?;
    if !verdict.matches {
        state.db.audit(AuditEvent::SignInFailed, Some(account.id), None, caller.actor(), now).await?;
        return Err(AppError::refused(ErrorBody::for_field(
            ErrorCode::CurrentPasswordInvalid,
            "current_password",
        )));
    }
    let hash = state.hasher.hash(new).await?;
    let mut write = state.db.write().await?;
    write.change_password(account.id, &hash, now, Some(session)).await?;
    write.supersede_other_flows(account.id, "").await?;
    queue_password_notices(state, &mut write, account, now).await?;
    write.audit(AuditEvent::PasswordChanged, Some(account.id), None, caller.actor(), now).await?;
    write.commit().await?;
    state.outbox.wake();
    tracing::info!(account_id = account.id, "password changed in Mi cuenta");
    Ok(())
}

/// A session's public id: a digest of its token's hash (which is a digest of the cookie), so it can
/// be shown and sent back without being worth anything as a cookie.
fn session_id(token_hash: &[u8]) -> String {
    let digest = Sha256::new().chain_update(b"recupera session id\0").chain_update(token_hash).finalize();
    crate::secrets::hex(&digest[..16])
}

/// Where the account is signed in, this browser's session marked.
pub async fn sessions(state: &AppState, account: &Account, session: &[u8]) -> Result<SessionList, AppError> {
    let now = state.clock.now();
    let idle_since = now - state.config.policy.session_idle_timeout_s;
    let rows = state.db.account_sessions(account.id, now, idle_since).await?;
    Ok(SessionList { sessions: rows.iter().map(|row| view(row, session, now)).collect() })
}

fn view(row: &SessionRow, session: &[u8], now: i64) -> SessionView {
    let (browser, system) = user_agent::describe(&row.user_agent);
    SessionView {
        id: session_id(&row.token_hash),
        browser: browser.map(str::to_owned),
        system: system.map(str::to_owned),
        last_used_s_ago: u32::try_from((now - row.last_seen_at).max(0) / 60 * 60).unwrap_or(u32::MAX),
        this_device: row.token_hash == session,
    }
}

/// Ends the account's session `id` (never this browser's: signing out does that), or, with `None`,
/// every other one. The list as it is after.
pub async fn end_sessions(
    state: &AppState,
    caller: &Caller,
    account: &Account,
    session: &[u8],
    id: Option<&str>,
) -> Result<SessionList, AppError> {
    let now = state.clock.now();
    let idle_since = now - state.config.policy.session_idle_timeout_s;
    let target = match id {
        Some(id) => {
            let rows = state.db.account_sessions(account.id, now, idle_since).await?;
            let found =
                rows.into_iter().find(|row| session_id(&row.token_hash) == id && row.token_hash != session);
            Some(found.ok_or_else(|| AppError::code(ErrorCode::SessionNotFound))?.token_hash)
        }
        None => None,
    };
    let ended = state.db.end_sessions(account.id, target.as_deref(), session).await?;
    if id.is_some() && ended == 0 {
        // It ended meanwhile (signed out, expired, or ended from another device).
        return Err(AppError::code(ErrorCode::SessionNotFound));
    }
    state.db.audit(AuditEvent::SessionsEnded, Some(account.id), None, caller.actor(), now).await?;
    sessions(state, account, session).await
}
