//! `POST /accounts`: create an account.
//!
//! The answer is the same (202) whether the email or phone is new or already belongs to an account,
//! so sign-up cannot be used to learn who has an account; the owner of a taken address is told by mail
//! instead. User names are public (they sign in with them and appear as IDs), so a taken one is said.

use axum::{extract::State, http::StatusCode, Json};
use recupera_api::{
    account::SignUpRequest,
    validation::{normalize_phone, validate_email, validate_username, Identifier, IdentifierKind},
    ErrorBody, ErrorCode,
};

use crate::{
    extract::{ApiJson, Caller},
    messages::{supported_language, template},
    passwords::refuse_weak,
    storage::{
        accounts::{NewAccount, Taken},
        audit::AuditEvent,
        write::NewMessage,
    },
    AppError, AppState,
};

#[utoipa::path(post, path = "/api/v1/accounts", tag = "accounts", request_body = SignUpRequest,
    responses((status = 202, description = "Created, or the owner of a taken email/phone was told")))]
pub async fn sign_up(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(request): ApiJson<SignUpRequest>,
) -> Result<(StatusCode, Json<serde_json::Value>), AppError> {
    let field_error = |code: ErrorCode, field: &str| AppError::refused(ErrorBody::for_field(code, field));
    let username = validate_username(&request.username).map_err(|code| field_error(code, "username"))?;
    let email = validate_email(&request.email).map_err(|code| field_error(code, "email"))?;
    let phone = match request.phone.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        Some(phone) => Some(normalize_phone(phone).map_err(|code| field_error(code, "phone"))?),
        None => None,
    };
    let identity = [username.as_str(), email.as_str(), phone.as_deref().unwrap_or_default()];
    refuse_weak(state.config.policy.password_min_length, &request.password, &identity)?;
    let language = supported_language(&request.language);
    let password_hash = state.hasher.hash(&request.password).await?;
    let now = state.clock.now();
    let new = NewAccount {
        username: &username,
        email: &email,
        phone: phone.as_deref(),
        password_hash: &password_hash,
        language: &language,
    };
    match state.db.insert_account(new, now).await? {
        Ok(account_id) => {
            state.db.audit(AuditEvent::AccountCreated, Some(account_id), None, caller.actor(), now).await?;
        }
        Err(Taken::Username) => return Err(field_error(ErrorCode::UsernameTaken, "username")),
        Err(taken) => {
            let identifier = match taken {
                Taken::Email => Identifier { kind: IdentifierKind::Email, value: email.clone() },
                _ => Identifier { kind: IdentifierKind::Phone, value: phone.clone().unwrap_or_default() },
            };
            if let Some(owner) = state.db.find_account(&identifier).await? {
                let message = NewMessage {
                    channel: "email",
                    recipient: &owner.email,
                    language: &owner.language,
                    template: template::SIGN_UP_TAKEN,
                    args: serde_json::json!({}),
                    expires_at: None,
                };
                let mut write = state.db.write().await?;
                write.enqueue(&state.secrets.outbox_key, message, now).await?;
                write
                    .audit(AuditEvent::SignUpWithTakenAddress, Some(owner.id), None, caller.actor(), now)
                    .await?;
                write.commit().await?;
                state.outbox.wake();
            }
        }
    }
    Ok((StatusCode::ACCEPTED, Json(serde_json::json!({}))))
}
