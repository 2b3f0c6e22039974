//! The "No soy un robot" check: a self-hosted proof-of-work challenge (the ALTCHA protocol). The browser
//! spends a moment of CPU to solve it; a bot sending thousands of requests pays that thousands of
//! times. Each solved challenge is accepted once.

use axum::{extract::State, http::StatusCode, Json};
use base64::Engine;
use recupera_api::ErrorCode;

use crate::{AppError, AppState};

#[utoipa::path(get, path = "/api/v1/bot-check/challenge", tag = "recovery",
    responses((status = 200, description = "An ALTCHA challenge (JSON object)", body = Object)))]
pub async fn challenge(State(state): State<AppState>) -> Result<Json<altcha::Challenge>, AppError> {
    let policy = &state.config.policy;
    let challenge = altcha::create_challenge(altcha::CreateChallengeOptions {
        algorithm: "PBKDF2/SHA-256".into(),
        cost: policy.bot_check_cost,
        key_prefix: policy.bot_check_prefix.clone(),
        expires_at: Some(state.clock.now() + policy.bot_check_lifetime_s),
        hmac_signature_secret: Some(state.secrets.bot_check_key.clone()),
        ..Default::default()
    })
    .map_err(|e| anyhow::anyhow!("cannot create a bot-check challenge: {e:?}"))?;
    Ok(Json(challenge))
}

/// Accepts `solution` (base64 of the ALTCHA payload JSON) once, if it solves a challenge this server
/// signed and that has not expired.
pub async fn verify_bot_check(state: &AppState, solution: &str) -> Result<(), AppError> {
    let invalid = || {
        AppError::Client(
            StatusCode::UNPROCESSABLE_ENTITY,
            recupera_api::ErrorBody::for_field(ErrorCode::BotCheckInvalid, "bot_check"),
        )
    };
    let json = base64::engine::general_purpose::STANDARD.decode(solution.trim()).map_err(|_| invalid())?;
    let payload: altcha::Payload = serde_json::from_slice(&json).map_err(|_| invalid())?;
    let options = altcha::VerifySolutionOptions::new(
        &payload.challenge,
        &payload.solution,
        state.secrets.bot_check_key.clone(),
    );
    let result = altcha::verify_solution(options).map_err(|_| invalid())?;
    if result.expired {
        return Err(AppError::Client(
            StatusCode::UNPROCESSABLE_ENTITY,
            recupera_api::ErrorBody::for_field(ErrorCode::BotCheckExpired, "bot_check"),
        ));
    }
    if !result.verified {
        return Err(invalid());
    }
    // The signature identifies the challenge; keep it until the challenge would have expired anyway.
    let signature = payload.challenge.signature.unwrap_or_default();
    let expires_at = payload.challenge.parameters.expires_at.unwrap_or(0);
    if !state.db.use_bot_check(&signature, expires_at).await? {
        return Err(invalid());
    }
    Ok(())
}
