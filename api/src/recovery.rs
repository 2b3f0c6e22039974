//! The recovery flow: a server-side object whose id the browser keeps in the URL, and which belongs
//! to the browser that started it.
//!
//! `POST /recovery` (identify) → `POST /recovery/{id}/code` (send or resend) →
//! `POST /recovery/{id}/verify` → `POST /recovery/{id}/password`; `GET /recovery/{id}` reads it back
//! after a reload. Every answer is a [`RecoveryFlow`], and it is the same whether or not the
//! identifier belongs to an account.
//!
//! Starting a flow sets a flow cookie (`__Host-recupera_flow`, HttpOnly, SameSite=Strict, Secure;
//! `recupera_flow` in dev mode); every later step needs it, and verifying the code replaces it. The id
//! alone is no credential: opened in another browser or device, or without the cookie, a flow answers
//! `404 flow_not_found`, exactly as an unknown one does. A browser keeps one flow cookie, so starting
//! another recovery in it leaves the earlier one behind.

use serde::{Deserialize, Serialize};

/// Where a code can be sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Email,
    Sms,
}

/// `POST /api/v1/recovery`: *Email o ID de usuario* + the bot check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StartRecoveryRequest {
    /// An email, user name or phone number, as typed.
    pub identifier: String,
    /// The solved bot-check challenge: base64 of the ALTCHA payload JSON, as the ALTCHA widget sends it.
    pub bot_check: String,
    /// The wizard's language, for the mail or SMS.
    pub language: String,
}

/// `POST /api/v1/recovery/{id}/code`: send a code by this channel (again, after the cool-down).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SendCodeRequest {
    pub channel: Channel,
}

/// `POST /api/v1/recovery/{id}/verify`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VerifyCodeRequest {
    /// As typed or pasted: "12345678", "1234 5678" and "1234-5678" are all fine.
    pub code: String,
}

/// `POST /api/v1/recovery/{id}/password`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewPasswordRequest {
    pub password: String,
}

/// The step the wizard shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RecoveryStep {
    /// Pick *Verificación de Email* or *Verificación por SMS*.
    ChooseMethod,
    /// Type the code that was sent.
    EnterCode,
    /// The code was right: choose a new password.
    NewPassword,
    /// The password was changed; sign in with it.
    Done,
}

/// The recovery as its browser may know it. Nothing here depends on whether an account was found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecoveryFlow {
    pub flow_id: String,
    pub step: RecoveryStep,
    /// The methods offered: always email and SMS, for any identifier.
    pub methods: Vec<Channel>,
    /// The channel of the last code sent, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
    /// Seconds until *Reenviar código* works; 0 when it does now.
    pub resend_after_s: u32,
    /// Wrong codes this recovery may still take.
    pub attempts_left: u32,
    /// Seconds until this recovery expires.
    pub expires_in_s: u32,
}
