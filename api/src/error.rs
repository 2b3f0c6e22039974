//! The one error body every endpoint answers with, and its stable codes.

use serde::{Deserialize, Serialize};

/// A stable, machine-readable reason for a refusal.
///
/// The wire form is the snake_case name (`"not_found"`). Codes are only ever added, never renamed:
/// browsers and translations depend on them. Each code has a Fluent message `error-<code>` (with
/// dashes) in `locales/<lang>/errors.ftl`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// No endpoint or resource at this path.
    NotFound,
    /// The path exists but not for this HTTP method.
    MethodNotAllowed,
    /// The body is not JSON, is not the expected shape, or has a wrong type.
    MalformedRequest,
    /// A write without `Content-Type: application/json` (also what stops cross-site form posts).
    UnsupportedMediaType,
    /// The body is larger than the server accepts.
    PayloadTooLarge,
    /// Something failed on the server; details are in its log, never in the answer.
    Internal,
    /// The email, user name or phone number is not written in a form any of them can have.
    IdentifierInvalid,
    /// A user name: 3–32 letters, digits, `.`, `_` or `-`, not only digits.
    UsernameInvalid,
    /// Not an email address.
    EmailInvalid,
    /// Not a phone number in international form (+34 600 000 001).
    PhoneInvalid,
    /// Another account has this user name (user names are public, so saying so leaks nothing).
    UsernameTaken,
    /// Shorter than the policy's minimum (`min_length` tells it).
    PasswordTooShort,
    /// Longer than the policy's maximum.
    PasswordTooLong,
    /// On the list of common or breached passwords.
    PasswordCommon,
    /// Contains the account's user name or email.
    PasswordContainsIdentity,
    /// Sign-in failed; never says which part was wrong.
    InvalidCredentials,
    /// The request needs a signed-in session and has none (or it ended).
    NotSignedIn,
    /// Too many tries from here; `retry_after_s` says when to try again.
    TooManyRequests,
    /// The "I am not a robot" check is missing, forged, or was already used.
    BotCheckInvalid,
    /// The "I am not a robot" check is too old; solve a new one.
    BotCheckExpired,
    /// No recovery with this id (mistyped link, or cleaned up long ago).
    FlowNotFound,
    /// This recovery is too old; start again.
    FlowExpired,
    /// The request does not fit the recovery's current step (e.g. a new password before the code).
    FlowWrongStep,
    /// This recovery already changed the password.
    FlowCompleted,
    /// The code is not 8 digits (spaces and dashes are fine).
    CodeMalformed,
    /// Wrong code; `attempts_left` says how many tries remain.
    CodeInvalid,
    /// The code is older than its lifetime; ask for a new one.
    CodeExpired,
    /// A new code can be asked for after `retry_after_s` seconds.
    ResendTooSoon,
    /// Too many wrong codes in this recovery: it has ended.
    FlowAttemptsExhausted,
    /// Too many wrong codes for this account today: recovery is paused.
    AccountAttemptsExhausted,
    /// Too many wrong codes from this network: wait `retry_after_s` seconds.
    IpAttemptsExhausted,
    /// The code was verified too long ago; verify a new one.
    PasswordWindowExpired,
    /// The confirmation differs from the new password (checked in the browser only).
    PasswordMismatch,
    /// This recovery ended because another one (or a password change) replaced it.
    FlowSuperseded,
    /// This identifier was sent as many codes today as it may be; `retry_after_s` says when more can go.
    SendLimitReached,
    /// Too many recoveries started from this network; `retry_after_s` says when to try again.
    TooManyRecoveries,
    /// The server is too busy to take this request now; `retry_after_s` says when to try again.
    ServiceBusy,
}

impl ErrorCode {
    /// Every code, for exhaustive checks (each must have a message in every locale).
    pub const ALL: &'static [ErrorCode] = &[
        ErrorCode::NotFound,
        ErrorCode::MethodNotAllowed,
        ErrorCode::MalformedRequest,
        ErrorCode::UnsupportedMediaType,
        ErrorCode::PayloadTooLarge,
        ErrorCode::Internal,
        ErrorCode::IdentifierInvalid,
        ErrorCode::UsernameInvalid,
        ErrorCode::EmailInvalid,
        ErrorCode::PhoneInvalid,
        ErrorCode::UsernameTaken,
        ErrorCode::PasswordTooShort,
        ErrorCode::PasswordTooLong,
        ErrorCode::PasswordCommon,
        ErrorCode::PasswordContainsIdentity,
        ErrorCode::InvalidCredentials,
        ErrorCode::NotSignedIn,
        ErrorCode::TooManyRequests,
        ErrorCode::BotCheckInvalid,
        ErrorCode::BotCheckExpired,
        ErrorCode::FlowNotFound,
        ErrorCode::FlowExpired,
        ErrorCode::FlowWrongStep,
        ErrorCode::FlowCompleted,
        ErrorCode::CodeMalformed,
        ErrorCode::CodeInvalid,
        ErrorCode::CodeExpired,
        ErrorCode::ResendTooSoon,
        ErrorCode::FlowAttemptsExhausted,
        ErrorCode::AccountAttemptsExhausted,
        ErrorCode::IpAttemptsExhausted,
        ErrorCode::PasswordWindowExpired,
        ErrorCode::PasswordMismatch,
        ErrorCode::FlowSuperseded,
        ErrorCode::SendLimitReached,
        ErrorCode::TooManyRecoveries,
        ErrorCode::ServiceBusy,
    ];

    /// The wire name, as serde writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::NotFound => "not_found",
            ErrorCode::MethodNotAllowed => "method_not_allowed",
            ErrorCode::MalformedRequest => "malformed_request",
            ErrorCode::UnsupportedMediaType => "unsupported_media_type",
            ErrorCode::PayloadTooLarge => "payload_too_large",
            ErrorCode::Internal => "internal",
            ErrorCode::IdentifierInvalid => "identifier_invalid",
            ErrorCode::UsernameInvalid => "username_invalid",
            ErrorCode::EmailInvalid => "email_invalid",
            ErrorCode::PhoneInvalid => "phone_invalid",
            ErrorCode::UsernameTaken => "username_taken",
            ErrorCode::PasswordTooShort => "password_too_short",
            ErrorCode::PasswordTooLong => "password_too_long",
            ErrorCode::PasswordCommon => "password_common",
            ErrorCode::PasswordContainsIdentity => "password_contains_identity",
            ErrorCode::InvalidCredentials => "invalid_credentials",
            ErrorCode::NotSignedIn => "not_signed_in",
            ErrorCode::TooManyRequests => "too_many_requests",
            ErrorCode::BotCheckInvalid => "bot_check_invalid",
            ErrorCode::BotCheckExpired => "bot_check_expired",
            ErrorCode::FlowNotFound => "flow_not_found",
            ErrorCode::FlowExpired => "flow_expired",
            ErrorCode::FlowWrongStep => "flow_wrong_step",
            ErrorCode::FlowCompleted => "flow_completed",
            ErrorCode::CodeMalformed => "code_malformed",
            ErrorCode::CodeInvalid => "code_invalid",
            ErrorCode::CodeExpired => "code_expired",
            ErrorCode::ResendTooSoon => "resend_too_soon",
            ErrorCode::FlowAttemptsExhausted => "flow_attempts_exhausted",
            ErrorCode::AccountAttemptsExhausted => "account_attempts_exhausted",
            ErrorCode::IpAttemptsExhausted => "ip_attempts_exhausted",
            ErrorCode::PasswordWindowExpired => "password_window_expired",
            ErrorCode::PasswordMismatch => "password_mismatch",
            ErrorCode::FlowSuperseded => "flow_superseded",
            ErrorCode::SendLimitReached => "send_limit_reached",
            ErrorCode::TooManyRecoveries => "too_many_recoveries",
            ErrorCode::ServiceBusy => "service_busy",
        }
    }
}

/// The JSON body of every 4xx/5xx answer.
///
/// Only `code` is always present; the rest appear when they help the person act on the error.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    pub code: ErrorCode,
    /// The request field the error concerns, so the form can show the message next to it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Seconds until the same request may succeed (cool-downs, rate limits).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after_s: Option<u32>,
    /// Tries left before a budget is exhausted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attempts_left: Option<u32>,
    /// The policy's minimum password length, with `password_too_short`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_length: Option<u32>,
}

impl ErrorBody {
    /// The same code, about one request field.
    pub fn for_field(code: ErrorCode, field: &str) -> Self {
        ErrorBody { field: Some(field.to_owned()), ..ErrorBody::from(code) }
    }
}

impl From<ErrorCode> for ErrorBody {
    fn from(code: ErrorCode) -> Self {
        ErrorBody { code, field: None, retry_after_s: None, attempts_left: None, min_length: None }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_body_round_trips_and_omits_absent_fields() {
        let body = ErrorBody::from(ErrorCode::NotFound);
        let json = serde_json::to_string(&body).unwrap();
        assert_eq!(json, r#"{"code":"not_found"}"#);
        assert_eq!(serde_json::from_str::<ErrorBody>(&json).unwrap(), body);

        let full = ErrorBody {
            code: ErrorCode::MalformedRequest,
            field: Some("identifier".into()),
            retry_after_s: Some(60),
            attempts_left: Some(4),
            min_length: None,
        };
        let json = serde_json::to_string(&full).unwrap();
        assert_eq!(
            json,
            r#"{"code":"malformed_request","field":"identifier","retry_after_s":60,"attempts_left":4}"#
        );
        assert_eq!(serde_json::from_str::<ErrorBody>(&json).unwrap(), full);
    }

    #[test]
    fn as_str_matches_the_serde_wire_name_for_every_code() {
        for code in ErrorCode::ALL {
            let wire = serde_json::to_value(code).unwrap();
            assert_eq!(wire, serde_json::Value::String(code.as_str().into()));
        }
    }
}
