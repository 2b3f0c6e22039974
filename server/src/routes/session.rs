//! Signing in and out: `POST /session`, `GET /session`, `POST /session/end`.
//!
//! The session is a server-side row; the browser holds only a random token in an
//! `HttpOnly; SameSite=Strict` cookie. The database keeps the token's SHA-256, never the token.

use axum::{
    extract::State,
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{AppendHeaders, IntoResponse, Response},
    Json,
};
use rand::RngCore;
use recupera_api::{
    account::{AccountView, SignInRequest},
    validation::parse_identifier,
    ErrorCode,
};
use sha2::{Digest, Sha256};

use crate::{
    extract::{session_cookie_name, session_token, ApiJson, Caller},
    storage::{accounts::Account, audit::AuditEvent},
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
    // Throttled per identifier — whether or not it has an account, so the throttle tells nothing —
    // and per IP address (OWASP: slow down guessing without letting anyone lock an account out for good).
    let identifier = parse_identifier(&request.identifier).ok();
    let throttle_key = identifier
        .as_ref()
        .map_or_else(|| request.identifier.trim().to_lowercase(), |i| i.value.to_lowercase());
    let policy = &state.config.policy;
    let budgets = (policy.sign_in_failures_per_identifier, policy.sign_in_failures_per_ip);
    let since = now - THROTTLE_WINDOW_S;
    let Some(attempt) =
        state.db.reserve_sign_in_attempt(&throttle_key, &caller.network, since, budgets, now).await?
    else {
        let body = recupera_api::ErrorBody {
            retry_after_s: Some(THROTTLE_WINDOW_S as u32),
            ..recupera_api::ErrorBody::from(ErrorCode::TooManyRequests)
        };
        return Err(AppError::refused(body));
    };
    // A malformed identifier still costs a (decoy) hash: every refusal takes as long as the others.
    let account = match &identifier {
        Some(identifier) => state.db.find_account(identifier).await?,
        None => None,
    };
    let verdict = match state
        .hasher
        .verify(&request.password, account.as_ref().map(|a| a.password_hash.as_str()))
        .await
    {
        Ok(verdict) => verdict,
        Err(err) => {
            // Not judged (the server was too busy): the attempt does not count.
            state.db.release_sign_in_attempt(attempt).await?;
            return Err(err.into());
        }
    };
    let Some(account) = account.filter(|_| verdict.matches) else {
        state.db.audit(AuditEvent::SignInFailed, None, None, caller.actor(), now).await?;
        return Err(AppError::code(ErrorCode::InvalidCredentials));
    };
    state.db.release_sign_in_attempt(attempt).await?;
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
    state.db.insert_session(&token_hash(&token), previous.as_deref(), account.id, now, expires_at).await?;
    state.db.audit(AuditEvent::SignedIn, Some(account.id), None, caller.actor(), now).await?;

    let cookie = session_cookie(&token, state.config.policy.session_lifetime_s, state.config.dev);
    Ok((AppendHeaders([(header::SET_COOKIE, cookie)]), Json(account_view(&account))).into_response())
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
        Ok(account) => Ok(Json(Some(account_view(&account)))),
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

pub fn account_view(account: &Account) -> AccountView {
    AccountView {
        username: account.username.clone(),
        email: account.email.clone(),
        phone: account.phone.clone(),
        language: account.language.clone(),
    }
}

/// The window failed sign-ins are counted over.
const THROTTLE_WINDOW_S: i64 = 15 * 60;

fn token_hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

fn session_cookie(token: &str, max_age_s: i64, dev: bool) -> HeaderValue {
    // `Secure` everywhere but dev mode, which serves plain http on loopback.
    let secure = if dev { "" } else { "; Secure" };
    let name = session_cookie_name(dev);
    let value = format!("{name}={token}; Max-Age={max_age_s}; Path=/; HttpOnly; SameSite=Strict{secure}");
    HeaderValue::from_str(&value).expect("cookie is ASCII")
}
