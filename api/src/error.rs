//! The one error body every endpoint answers with, and its stable codes.

use serde::{Deserialize, Serialize};

/// Declares `ErrorCode` from one list: each variant with its wire name (what serde writes), so
/// `ErrorCode::ALL` and `as_str` cannot leave a code out.
macro_rules! error_codes {
    ($($(#[doc = $doc:literal])* $variant:ident = $wire:literal,)+) => {
        /// A stable, machine-readable reason for a refusal.
        ///
        /// The wire form is the snake_case name (`"not_found"`). Codes are only ever added, never renamed:
        /// browsers and translations depend on them. Each code has a Fluent message `error-<code>` (with
        /// dashes) in `locales/<lang>/errors.ftl`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[serde(rename_all = "snake_case")]
        pub enum ErrorCode {
            $($(#[doc = $doc])* $variant,)+
        }

        impl ErrorCode {
            /// Every code, for exhaustive checks (each must have a message in every locale).
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant,)+];

            /// The wire name, as serde writes it.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $wire,)+
                }
            }
        }
    };
}

error_codes! {
    /// No endpoint or resource at this path.
    NotFound = "not_found",
    /// The path exists but not for this HTTP method.
    MethodNotAllowed = "method_not_allowed",
    /// The body is not JSON, is not the expected shape, or has a wrong type.
    MalformedRequest = "malformed_request",
    /// A write without `Content-Type: application/json` (also what stops cross-site form posts).
    UnsupportedMediaType = "unsupported_media_type",
    /// The body is larger than the server accepts.
    PayloadTooLarge = "payload_too_large",
    /// Something failed on the server; details are in its log, never in the answer.
    Internal = "internal",
    /// The email, user name or phone number is not written in a form any of them can have.
    IdentifierInvalid = "identifier_invalid",
    /// A user name: 3–32 letters, digits, `.`, `_` or `-`, not only digits.
    UsernameInvalid = "username_invalid",
    /// Not an email address.
    EmailInvalid = "email_invalid",
    /// Not a phone number in international form (+34 600 000 001).
    PhoneInvalid = "phone_invalid",
    /// Another account has this user name (user names are public, so saying so leaks nothing).
    UsernameTaken = "username_taken",
    /// This email already has an account. Said only to a browser that proved the address (it typed
    /// the code mailed to it): signing up never tells.
    EmailTaken = "email_taken",
    /// Another account has this phone. Said only once the code sent to it was typed.
    PhoneTaken = "phone_taken",
    /// This is already the account's email (or phone).
    AddressUnchanged = "address_unchanged",
    /// No new email (or phone) is waiting for a code: add it again.
    NothingToConfirm = "nothing_to_confirm",
    /// Too many wrong codes for this new address: add it again for a new code.
    AddressAttemptsExhausted = "address_attempts_exhausted",
    /// The current password, asked for before a new one is set, is not the account's.
    CurrentPasswordInvalid = "current_password_invalid",
    /// No session of this account has this id (it ended, or never was).
    SessionNotFound = "session_not_found",
    /// Shorter than the policy's minimum (`min_length` tells it).
    PasswordTooShort = "password_too_short",
    /// Longer than the policy's maximum.
    PasswordTooLong = "password_too_long",
    /// On the list of common or breached passwords.
    PasswordCommon = "password_common",
    /// Contains the account's user name or email.
    PasswordContainsIdentity = "password_contains_identity",
    /// Sign-in failed; never says which part was wrong.
    InvalidCredentials = "invalid_credentials",
    /// The request needs a signed-in session and has none (or it ended).
    NotSignedIn = "not_signed_in",
    /// Too many tries from here; `retry_after_s` says when to try again.
    TooManyRequests = "too_many_requests",
    /// The "I am not a robot" check is missing, forged, or was already used.
    BotCheckInvalid = "bot_check_invalid",
    /// The "I am not a robot" check is too old; solve a new one.
    BotCheckExpired = "bot_check_expired",
    /// This sign-in needs a solved "I am not a robot" check (`bot_check`): there were a few wrong
    /// passwords for the account, or many from this network. Said alike for unknown identifiers.
    BotCheckRequired = "bot_check_required",
    /// Too many wrong passwords in a row for this account: sign-in is paused until it is recovered
    /// (`¿Has olvidado la contraseña?`). Said alike for unknown identifiers.
    SignInPaused = "sign_in_paused",
    /// No recovery with this id (mistyped link, or cleaned up long ago).
    FlowNotFound = "flow_not_found",
    /// This recovery is too old; start again.
    FlowExpired = "flow_expired",
    /// The request does not fit the recovery's current step (e.g. a new password before the code).
    FlowWrongStep = "flow_wrong_step",
    /// This recovery already changed the password.
    FlowCompleted = "flow_completed",
    /// The code is not 8 digits (spaces and dashes are fine).
    CodeMalformed = "code_malformed",
    /// Wrong code; `attempts_left` says how many tries remain.
    CodeInvalid = "code_invalid",
    /// The code is older than its lifetime; ask for a new one.
    CodeExpired = "code_expired",
    /// A new code can be asked for after `retry_after_s` seconds.
    ResendTooSoon = "resend_too_soon",
    /// Too many wrong codes in this recovery: it has ended.
    FlowAttemptsExhausted = "flow_attempts_exhausted",
    /// Too many wrong codes for this identifier today, whether or not it has an account: its
    /// recovery is paused.
    AccountAttemptsExhausted = "account_attempts_exhausted",
    /// Too many wrong codes from this network: wait `retry_after_s` seconds.
    IpAttemptsExhausted = "ip_attempts_exhausted",
    /// The code was verified too long ago; verify a new one.
    PasswordWindowExpired = "password_window_expired",
    /// The confirmation differs from the new password (checked in the browser only).
    PasswordMismatch = "password_mismatch",
    /// This recovery ended because another one (or a password change) replaced it.
    FlowSuperseded = "flow_superseded",
    /// This identifier was sent as many codes today as it may be; `retry_after_s` says when more can go.
    SendLimitReached = "send_limit_reached",
    /// Too many recoveries started from this network; `retry_after_s` says when to try again.
    TooManyRecoveries = "too_many_recoveries",
    /// Too many sign-ups started from this network; `retry_after_s` says when to try again.
    TooManySignUps = "too_many_sign_ups",
    /// The server is too busy to take this request now; `retry_after_s` says when to try again.
    ServiceBusy = "service_busy",
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
