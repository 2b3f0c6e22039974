//! What each error means to a person: every code of `recupera_api::ErrorCode` has its message here,
//! in every language (`locales/*/errors.ftl`). The `match` is exhaustive, so a new code does not
//! compile until it has words.

use recupera_api::{ErrorBody, ErrorCode};

use crate::{api::ApiError, server_config::ServerConfig, tr};

/// The localized message for an error. Call it inside a reactive closure so it follows the language.
pub fn error_text(error: &ApiError) -> String {
    match error {
        ApiError::Network { .. } => tr!("error-network"),
        ApiError::Refused(body) => refusal_text(body),
    }
}

/// A wait said in minutes once it is a minute or more (rounded up: never less than the real wait);
/// 0 under a minute, when the messages say the seconds.
fn whole_minutes(seconds: u32) -> u32 {
    if seconds < 60 {
        0
    } else {
        seconds.div_ceil(60)
    }
}

fn refusal_text(body: &ErrorBody) -> String {
    let attempts = body.attempts_left.unwrap_or(0);
    let seconds = body.retry_after_s.unwrap_or(0);
    let min_length = body.min_length.unwrap_or_else(|| ServerConfig::current().password_policy().min_length);
    match body.code {
        ErrorCode::NotFound => tr!("error-not-found"),
        ErrorCode::MethodNotAllowed | ErrorCode::MalformedRequest | ErrorCode::UnsupportedMediaType => {
            tr!("error-malformed-request")
        }
        ErrorCode::PayloadTooLarge => tr!("error-payload-too-large"),
        ErrorCode::Internal => tr!("error-internal"),
        ErrorCode::IdentifierInvalid => tr!("error-identifier-invalid"),
        ErrorCode::UsernameInvalid => tr!("error-username-invalid"),
        ErrorCode::EmailInvalid => tr!("error-email-invalid"),
        ErrorCode::PhoneInvalid => tr!("error-phone-invalid"),
        ErrorCode::UsernameTaken => tr!("error-username-taken"),
        ErrorCode::EmailTaken => tr!("error-email-taken"),
        ErrorCode::PhoneTaken => tr!("error-phone-taken"),
        ErrorCode::AddressUnchanged => tr!("error-address-unchanged"),
        ErrorCode::NothingToConfirm => tr!("error-nothing-to-confirm"),
        ErrorCode::AddressAttemptsExhausted => tr!("error-address-attempts-exhausted"),
        ErrorCode::CurrentPasswordInvalid => tr!("error-current-password-invalid"),
        ErrorCode::SessionNotFound => tr!("error-session-not-found"),
        ErrorCode::PasswordTooShort => tr!("error-password-too-short", { "min" => min_length }),
        ErrorCode::PasswordTooLong => tr!("error-password-too-long"),
        ErrorCode::PasswordCommon => tr!("error-password-common"),
        ErrorCode::PasswordContainsIdentity => tr!("error-password-contains-identity"),
        ErrorCode::InvalidCredentials => tr!("error-invalid-credentials"),
        ErrorCode::NotSignedIn => tr!("error-not-signed-in"),
        ErrorCode::TooManyRequests => {
            tr!("error-too-many-requests", { "minutes" => whole_minutes(seconds), "seconds" => seconds })
        }
        ErrorCode::BotCheckInvalid => tr!("error-bot-check-invalid"),
        ErrorCode::BotCheckRequired => tr!("error-bot-check-required"),
        ErrorCode::SignInPaused => tr!("error-sign-in-paused"),
        ErrorCode::BotCheckExpired => tr!("error-bot-check-expired"),
        ErrorCode::FlowNotFound => tr!("error-flow-not-found"),
        ErrorCode::FlowExpired => tr!("error-flow-expired"),
        ErrorCode::FlowWrongStep => tr!("error-flow-wrong-step"),
        ErrorCode::FlowCompleted => tr!("error-flow-completed"),
        ErrorCode::CodeMalformed => tr!("error-code-malformed"),
        ErrorCode::CodeInvalid => tr!("error-code-invalid", { "attempts" => attempts }),
        ErrorCode::CodeExpired => tr!("error-code-expired"),
        ErrorCode::ResendTooSoon => {
            tr!("error-resend-too-soon", { "minutes" => whole_minutes(seconds), "seconds" => seconds })
        }
        ErrorCode::FlowAttemptsExhausted => tr!("error-flow-attempts-exhausted"),
        ErrorCode::AccountAttemptsExhausted => tr!("error-account-attempts-exhausted"),
        ErrorCode::IpAttemptsExhausted => tr!("error-ip-attempts-exhausted"),
        ErrorCode::PasswordWindowExpired => tr!("error-password-window-expired"),
        ErrorCode::PasswordMismatch => tr!("error-password-mismatch"),
        ErrorCode::FlowSuperseded => tr!("error-flow-superseded"),
        ErrorCode::SendLimitReached => {
            tr!("error-send-limit-reached", { "hours" => seconds.div_ceil(3600).max(1) })
        }
        ErrorCode::ServiceBusy => tr!("error-service-busy"),
        ErrorCode::TooManyRecoveries => {
            tr!("error-too-many-recoveries", { "minutes" => seconds.div_ceil(60).max(1) })
        }
        ErrorCode::TooManySignUps => {
            tr!("error-too-many-sign-ups", { "minutes" => seconds.div_ceil(60).max(1) })
        }
    }
}

/// A validation failure found in the browser, as the same body the server would answer.
pub fn local(code: ErrorCode, field: &str) -> ApiError {
    ApiError::Refused(ErrorBody::for_field(code, field))
}

/// The message to show next to `field`, when the form's error concerns it.
pub fn field_error(
    error: leptos::prelude::RwSignal<Option<ApiError>>,
    field: &'static str,
) -> leptos::prelude::Signal<Option<String>> {
    use leptos::prelude::*;
    Signal::derive(move || error.get().filter(|e| is_about(e, field)).map(|e| error_text(&e)))
}

/// Whether an error concerns `field` (shown next to it) or the whole form (shown in the summary only).
pub fn is_about(error: &ApiError, field: &str) -> bool {
    matches!(error, ApiError::Refused(body) if body.field.as_deref() == Some(field))
}

#[cfg(test)]
mod tests {
    use super::whole_minutes;

    #[test]
    fn waits_of_a_minute_or_more_are_said_in_minutes_rounded_up() {
        assert_eq!([0, 59, 60, 61, 120, 900].map(whole_minutes), [0, 0, 1, 2, 2, 15]);
    }
}
