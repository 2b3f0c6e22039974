//! The "No soy un robot" check: a self-hosted proof-of-work challenge (the ALTCHA protocol). The browser
//! spends a moment of CPU to solve it; a bot sending thousands of requests pays that thousands of
//! times. Each solved challenge is accepted once, for the one action it was made for (its signed
//! `data.action`), and a challenge whose solution was once wrong is refused before any work is spent
//! on it again. The key derivation runs on a blocking thread, not on the async executor.

use axum::{
    extract::{Query, State},
    Json,
};
use base64::Engine;
use recupera_api::ErrorCode;

use crate::{AppError, AppState};

/// What a solved challenge may be spent on: a solution made for one cannot open another.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BotCheckAction {
    /// `POST /recovery`.
    #[default]
    Recovery,
    /// `POST /session`, once it asks for one.
    SignIn,
    /// `POST /sign-up`.
    SignUp,
}

impl BotCheckAction {
    pub const ALL: &'static [BotCheckAction] =
        &[BotCheckAction::Recovery, BotCheckAction::SignIn, BotCheckAction::SignUp];

    pub fn as_str(self) -> &'static str {
        match self {
            BotCheckAction::Recovery => "recovery",
            BotCheckAction::SignIn => "sign_in",
            BotCheckAction::SignUp => "sign_up",
        }
    }
}

#[derive(serde::Deserialize)]
pub struct ChallengeQuery {
    #[serde(default)]
    action: BotCheckAction,
}

#[utoipa::path(get, path = "/api/v1/bot-check/challenge", tag = "recovery",
    params(("action" = Option<String>, Query, description = "What the solution will be spent on: `recovery` (the default), `sign_in` or `sign_up`")),
    responses((status = 200, description = "An ALTCHA challenge (JSON object)", body = Object)))]
pub async fn challenge(
    State(state): State<AppState>,
    query: Result<Query<ChallengeQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<altcha::Challenge>, AppError> {
    let Ok(Query(query)) = query else { return Err(AppError::code(ErrorCode::MalformedRequest)) };
    let policy = &state.config.policy;
    let data = std::collections::BTreeMap::from([("action".to_owned(), query.action.as_str().into())]);
    let challenge = altcha::create_challenge(altcha::CreateChallengeOptions {
        algorithm: "PBKDF2/SHA-256".into(),
        cost: policy.bot_check_cost,
        key_prefix: policy.bot_check_prefix.clone(),
        expires_at: Some(state.clock.now() + policy.bot_check_lifetime_s),
        hmac_signature_secret: Some(state.secrets.bot_check_key.clone()),
        data: Some(data),
        ..Default::default()
    })
    .map_err(|e| anyhow::anyhow!("cannot create a bot-check challenge: {e:?}"))?;
    Ok(Json(challenge))
}

/// A verified solution, still to be spent: the write that records what it allowed also records it
/// (`Write::spend_bot_check`), so it is used once.
pub struct SolvedBotCheck {
    pub signature: String,
    pub expires_at: i64,
}

/// Checks `solution` (base64 of the ALTCHA payload JSON): it must solve a challenge this server
/// signed for `action`, not expired and not seen before.
pub async fn verify_bot_check(
    state: &AppState,
    solution: &str,
    action: BotCheckAction,
) -> Result<SolvedBotCheck, AppError> {
    let invalid =
        || AppError::refused(recupera_api::ErrorBody::for_field(ErrorCode::BotCheckInvalid, "bot_check"));
    let json = base64::engine::general_purpose::STANDARD.decode(solution.trim()).map_err(|_| invalid())?;
    let payload: altcha::Payload = serde_json::from_slice(&json).map_err(|_| invalid())?;
    // The signature identifies the challenge; it is kept until the challenge would have expired anyway.
    let signature = payload.challenge.signature.clone().unwrap_or_default();
    let expires_at = payload.challenge.parameters.expires_at.unwrap_or(0);
    // Used, or once solved wrong: refused before its key is derived again.
    if state.db.bot_check_seen(&signature, expires_at).await? {
        return Err(invalid());
    }
    // A challenge for another action is refused before any work (the action is signed: a forged
    // one fails the signature anyway).
    let for_action = payload.challenge.parameters.data.as_ref().and_then(|data| data.get("action"));
    if for_action.and_then(|a| a.as_str()) != Some(action.as_str()) {
        return Err(invalid());
    }
    let Some(_turn) = state.bot_checks.enter().await else {
        tracing::warn!("bot-check verification is saturated: a request was refused");
        return Err(AppError::refused(crate::error::busy()));
    };
    let secret = state.secrets.bot_check_key.clone();
    let checked = payload.clone();
    let result = tokio::task::spawn_blocking(move || {
        altcha::verify_solution(altcha::VerifySolutionOptions::new(
            &checked.challenge,
            &checked.solution,
            secret,
        ))
    })
    .await?
    .map_err(|_| invalid())?;
    if result.expired {
        return Err(AppError::refused(recupera_api::ErrorBody::for_field(
            ErrorCode::BotCheckExpired,
            "bot_check",
        )));
    }
    if !result.verified {
        // Only a challenge this server signed is remembered: forged ones cost no row.
        if result.invalid_signature == Some(false) {
            state.db.use_bot_check(&signature, expires_at).await?;
        }
        return Err(invalid());
    }
    Ok(SolvedBotCheck { signature, expires_at })
}

/// The refusal of a solution already spent (by a request at the same instant).
pub fn already_spent() -> AppError {
    AppError::refused(recupera_api::ErrorBody::for_field(ErrorCode::BotCheckInvalid, "bot_check"))
}
