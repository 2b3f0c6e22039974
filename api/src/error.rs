//! The one error body every endpoint answers with, and its stable codes.

use serde::{Deserialize, Serialize};

/// A stable, machine-readable reason for a refusal.
///
/// The wire form is the snake_case name (`"not_found"`). Codes are only ever added, never renamed:
/// browsers and translations depend on them. Each code has a Fluent message `error-<code>` (with
/// dashes) in `locales/`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// No endpoint or resource at this path.
    NotFound,
    /// The path exists but not for this HTTP method.
    MethodNotAllowed,
    /// The body is not JSON, is not the expected shape, or has a wrong type.
    MalformedRequest,
    /// The body is larger than the server accepts.
    PayloadTooLarge,
    /// Something failed on the server; details are in its log, never in the answer.
    Internal,
}

impl ErrorCode {
    /// Every code, for exhaustive checks (each must have a message in every locale).
    pub const ALL: &'static [ErrorCode] = &[
        ErrorCode::NotFound,
        ErrorCode::MethodNotAllowed,
        ErrorCode::MalformedRequest,
        ErrorCode::PayloadTooLarge,
        ErrorCode::Internal,
    ];

    /// The wire name, as serde writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::NotFound => "not_found",
            ErrorCode::MethodNotAllowed => "method_not_allowed",
            ErrorCode::MalformedRequest => "malformed_request",
            ErrorCode::PayloadTooLarge => "payload_too_large",
            ErrorCode::Internal => "internal",
        }
    }
}

/// The JSON body of every 4xx/5xx answer.
///
/// Only `code` is always present; the rest appear when they help the person act on the error.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
}

impl From<ErrorCode> for ErrorBody {
    fn from(code: ErrorCode) -> Self {
        ErrorBody { code, field: None, retry_after_s: None, attempts_left: None }
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
