//! Signing in and out: `POST /session`, `GET /session`, `POST /session/end`.
//!
//! The session is a server-side row; the browser holds only a random token in an
//! `HttpOnly; SameSite=Strict` cookie. The database keeps the token's SHA-256, never the token.
//!
//! Password guessing is held back per account, across its user name, email and phone, and alike for
//! identifiers without an account (`Db::reserve_sign_in`): after a few wrong passwords in a row each
//! try needs the "I am not a robot" check, after a few more each waits longer (1 s, 2 s, 4 s … up to
//! 15 minutes), the owner is told by mail, and at 100 (NIST SP 800-63B's most) sign-in pauses until
//! the account is recovered. Every try is counted before its password is hashed, so parallel guesses
//! cannot slip past. A network that many wrong passwords came from needs the check too — but a right
//! password from it is never refused for what others did.

use axum::{
    extract::State,
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{AppendHeaders, IntoResponse, Response},
    Json,
};
use rand::RngCore;
use recupera_api::{
    account::{AccountView, AddressKind, SignInRequest},
    validation::parse_identifier,
    ErrorBody, ErrorCode,
};
use sha2::{Digest, Sha256};

use crate::{
    extract::{session_cookie_name, session_token, ApiJson, Caller},
    messages::template,
    routes::bot_check::{already_spent, verify_bot_check, BotCheckAction},
    storage::{
        accounts::{sign_in_guard, Account},
        audit::AuditEvent,
        write::NewMessage,
        SignInGate, SignInRules,
    },
    AppError, AppState,
};

#[utoipa::path(post, path = "/api/v1/session", tag = "accounts", request_body = SignInRequest,
    responses((status = 200, body = AccountView, description = "Signed in; sets the session cookie")))]
#[tracing::instrument(skip_all, fields(account_id))]
pub async fn sign_in(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    ApiJson(request): ApiJson<SignInRequest>,
) -> Result<Response, AppError> {
    let now = state.clock.now();
    let identifier = parse_identifier(&request.identifier).ok();
    // The account is looked up first, so its wrong passwords count together whichever of its
    // identifiers was typed; an identifier without one (or malformed) counts under itself, alike.
    let account = match &identifier {
        Some(identifier) => state.db.find_account(identifier).await?,
        None => None,
    };
    let guard = match &account {
        Some(account) => sign_in_guard(account.id),
        None => {
            let typed =
                identifier.as_ref().map_or_else(|| request.identifier.trim().to_owned(), |i| i.value.clone());
            format!("identifier:{}", state.secrets.address_name(&typed))
        }
    };
    // A solution sent along is checked before the write, which decides whether it was needed and
    // spends it.
    let solved = match request.bot_check.as_deref().filter(|s| !s.trim().is_empty()) {
        Some(solution) => Some(verify_bot_check(&state, solution, BotCheckAction::SignIn).await?),
        None => None,
    };
    let warning = account.as_ref().map(|owner| NewMessage {
        channel: "email",
        recipient: &owner.email,
        language: &owner.language,
        template: template::SIGN_IN_ATTACK,
        args: serde_json::json!({}),
        expires_at: None,
    });
    let gate = state
        .db
        .reserve_sign_in(
            &guard,
            &caller.network,
            solved.as_ref(),
            &sign_in_rules(&state.config.policy),
            warning.map(|message| (&state.secrets.outbox_key, message)),
            now,
        )
        .await?;
    let attempt = match gate {
        SignInGate::Judge { attempt, warned } => {
            // Only then is there mail to send: the worker is not woken (to claim from the one
            // writer) at every try.
            if warned {
                state.outbox.wake();
            }
            attempt
        }
        SignInGate::NeedsBotCheck => {
            return Err(AppError::refused(ErrorBody::for_field(ErrorCode::BotCheckRequired, "bot_check")))
        }
        SignInGate::BotCheckSpent => return Err(already_spent()),
        SignInGate::Wait(seconds) => {
            let body = ErrorBody {
                retry_after_s: Some(u32::try_from(seconds).unwrap_or(u32::MAX)),
                ..ErrorBody::from(ErrorCode::TooManyRequests)
            };
            return Err(AppError::refused(body));
        }
        SignInGate::Paused => return Err(AppError::code(ErrorCode::SignInPaused)),
    };
    let verdict = match state
        .hasher
        .verify(&request.password, account.as_ref().map(|a| a.password_hash.as_str()))
        .await
    {
        Ok(verdict) => verdict,
        Err(err) => {
            // Not judged (the server was too busy): the attempt does not count.
            state.db.give_back_sign_in(&guard, attempt).await?;
            return Err(err.into());
        }
    };
    let Some(account) = account.filter(|_| verdict.matches) else {
        state.db.audit(AuditEvent::SignInFailed, None, None, caller.actor(), now).await?;
        return Err(AppError::code(ErrorCode::InvalidCredentials));
    };
    state.db.release_sign_in(&guard, attempt).await?;
    if verdict.rehash {
        rehash(&state, &account, &request.password).await;
    }

    let mut token = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut token);
    let token = crate::secrets::hex(&token);
    let expires_at = now + state.config.policy.session_lifetime_s;
    tracing::Span::current().record("account_id", account.id);
    // The session this browser held before (any account's) ends as the new one starts: one browser,
    // one session, and a token planted in it beforehand is worth nothing after a sign-in.
    let previous = session_token(&headers, state.config.dev).map(|token| token_hash(&token));
    let times = (now, expires_at);
    state
        .db
        .insert_session(&token_hash(&token), previous.as_deref(), account.id, times, &caller.user_agent)
        .await?;
    state.db.audit(AuditEvent::SignedIn, Some(account.id), None, caller.actor(), now).await?;

    let cookie = session_cookie(&token, state.config.policy.session_lifetime_s, state.config.dev);
    Ok((AppendHeaders([(header::SET_COOKIE, cookie)]), Json(account_view(&state, &account).await?))
        .into_response())
}

/// Replaces the account's stored hash, which matched, by one with today's parameters of the password
/// normalized. Only while the stored hash is still that one (a password change meanwhile wins); a
/// busy server leaves it for the next sign-in, which is not refused for it.
async fn rehash(state: &AppState, account: &Account, password: &str) {
    let outcome = match state.hasher.hash(password).await {
        Ok(new_hash) => state.db.replace_password_hash(account.id, &account.password_hash, &new_hash).await,
        Err(err) => Err(err),
    };
    if let Err(err) = outcome {
        tracing::warn!(account_id = account.id, "the password hash was not upgraded: {err:#}");
    }
}

/// Who is signed in: the account, or `null`. (Not a 401: asking is not an error, and the app asks at
/// every start.)
#[utoipa::path(get, path = "/api/v1/session", tag = "accounts",
    responses((status = 200, body = Option<AccountView>, description = "The signed-in account, or null")))]
pub async fn current(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Json<Option<AccountView>>, AppError> {
    match signed_in_account(&state, &headers).await {
        Ok(account) => Ok(Json(Some(account_view(&state, &account).await?))),
        Err(AppError::Refused(..)) => Ok(Json(None)),
        Err(other) => Err(other),
    }
}

/// Ends this session (others stay). Answers 204 even without one: the result is the same.
#[utoipa::path(post, path = "/api/v1/session/end", tag = "accounts",
    responses((status = 204, description = "Signed out")))]
pub async fn sign_out(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(_): ApiJson<serde_json::Value>,
) -> Result<Response, AppError> {
    if let Some(token) = session_token(&headers, state.config.dev) {
        state.db.delete_session(&token_hash(&token)).await?;
    }
    let cookie = session_cookie("", 0, state.config.dev);
    Ok((StatusCode::NO_CONTENT, AppendHeaders([(header::SET_COOKIE, cookie)])).into_response())
}

pub async fn signed_in_account(state: &AppState, headers: &HeaderMap) -> Result<Account, AppError> {
    let not_signed_in = || AppError::code(ErrorCode::NotSignedIn);
    let token = session_token(headers, state.config.dev).ok_or_else(not_signed_in)?;
    let idle_since = state.clock.now() - state.config.policy.session_idle_timeout_s;
    state
        .db
        .session_account(&token_hash(&token), state.clock.now(), idle_since)
        .await?
        .ok_or_else(not_signed_in)
}

/// What *Mi cuenta* shows: the account's proven addresses, and the new ones waiting for their code.
pub async fn account_view(state: &AppState, account: &Account) -> Result<AccountView, AppError> {
    let now = state.clock.now();
    let attempts = state.config.policy.attempts_per_flow;
    let pending: Vec<_> = state
        .db
        .address_proofs(account.id, now)
        .await?
        .iter()
        .filter_map(|row| crate::address_proofs::view(row, attempts, now))
        .collect();
    let pending_of = |kind| pending.iter().find(|p| p.kind == kind).cloned();
    Ok(AccountView {
        username: account.username.clone(),
        email: account.email.clone(),
        phone: account.phone.clone(),
        language: account.language.clone(),
        pending_email: pending_of(AddressKind::Email),
        pending_phone: pending_of(AddressKind::Phone),
    })
}

/// The window failed sign-ins from one network are counted over.
const NETWORK_WINDOW_S: i64 = 15 * 60;

fn sign_in_rules(policy: &crate::config::Policy) -> SignInRules {
    SignInRules {
        before_bot_check: policy.sign_in_failures_before_bot_check,
        before_delay: policy.sign_in_failures_before_delay,
        delay_max_s: policy.sign_in_delay_max_s,
        before_warning: policy.sign_in_failures_before_warning,
        limit: policy.sign_in_failures_limit,
        per_network: policy.sign_in_failures_per_ip,
        network_window_s: NETWORK_WINDOW_S,
    }
}

pub(crate) fn token_hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

fn session_cookie(token: &str, max_age_s: i64, dev: bool) -> HeaderValue {
    // `Secure` everywhere but dev mode, which serves plain http on loopback.
    let secure = if dev { "" } else { "; Secure" };
    let name = session_cookie_name(dev);
    let value = format!("{name}={token}; Max-Age={max_age_s}; Path=/; HttpOnly; SameSite=Strict{secure}");
    HeaderValue::from_str(&value).expect("cookie is ASCII")
}
