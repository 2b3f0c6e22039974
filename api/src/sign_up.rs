//! Sign-up: an account is created only once its email is proven.
//!
//! `POST /sign-up` (the form + the bot check) → `POST /sign-up/{id}/verify` (the 8-digit code mailed
//! to the address) → the account exists; `POST /sign-up/{id}/code` mails a new code after the
//! cool-down; `GET /sign-up/{id}` reads the sign-up back after a reload. Every answer is a
//! [`SignUpFlow`], the same whether or not the email already has an account: then its
//! owner is told by mail instead, nothing is created, and no code typed here will ever be right.
//!
//! Like a recovery, a sign-up belongs to the browser that started it (`__Host-recupera_sign_up`,
//! HttpOnly, SameSite=Strict, Secure; `recupera_sign_up` in dev mode): without that cookie it answers
//! `404 flow_not_found`. The user name is taken only when the account is created, so a pending
//! sign-up reserves nothing and says nothing about its email; it expires after a day.

use serde::{Deserialize, Serialize};

/// `POST /api/v1/sign-up`: *Crea tu cuenta* + the bot check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StartSignUpRequest {
    pub username: String,
    pub email: String,
    /// In international form; optional. The sign-up does not prove it: the account keeps it waiting,
    /// and nothing goes to it until its own SMS code is typed in *Mi cuenta* (`POST /account/phone/code`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    pub password: String,
    /// The language of the app: the code's mail now, and the account's mail and SMS later.
    pub language: String,
    /// The solved bot-check challenge (for the `sign_up` action), as the ALTCHA widget sends it.
    pub bot_check: String,
}

/// `POST /api/v1/sign-up/{id}/code`: mail a new code (after the cool-down). An empty JSON object: the
/// address is the one the sign-up was started with, and a JSON body is what keeps a cross-site form
/// from posting here.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResendSignUpCodeRequest {}
crate::empty_json_object!(ResendSignUpCodeRequest);

/// `POST /api/v1/sign-up/{id}/verify`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConfirmSignUpRequest {
    /// As typed or pasted: "12345678", "1234 5678" and "1234-5678" are all fine.
    pub code: String,
}

/// Where a sign-up stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SignUpStep {
    /// Type the code mailed to the address.
    EnterCode,
    /// The email is proven and the account exists: sign in.
    Done,
}

/// The sign-up as its browser may know it. Nothing here depends on whether the address was taken.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignUpFlow {
    pub flow_id: String,
    pub step: SignUpStep,
    /// The address the code went to, as this browser typed it (normalized).
    pub email: String,
    /// Seconds until a new code may be asked for; 0 when it may now.
    pub resend_after_s: u32,
    /// Wrong codes this sign-up may still take.
    pub attempts_left: u32,
    /// Seconds until this sign-up expires (and nothing of it is kept).
    pub expires_in_s: u32,
}
