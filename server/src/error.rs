//! The one error type handlers return. Its `IntoResponse` writes `recupera_api::ErrorBody`:
//! a stable code and nothing else a client could learn the server's internals from.

use axum::{
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    Json,
};
use recupera_api::{ErrorBody, ErrorCode};

#[derive(Debug)]
pub enum AppError {
    /// A refusal the client can act on: the body is sent under its code's status (`status_for`).
    Refused(ErrorBody),
    /// A failure of ours. Logged in full; the client only learns `internal`.
    Internal(anyhow::Error),
}

/// The answer to a request the server is too busy for: try again in a second.
pub fn busy() -> ErrorBody {
    ErrorBody { retry_after_s: Some(1), ..ErrorBody::from(ErrorCode::ServiceBusy) }
}

/// The one HTTP status of each error code: a client can rely on the pair.
pub fn status_for(code: ErrorCode) -> StatusCode {
    use ErrorCode::*;
    match code {
        NotFound | FlowNotFound => StatusCode::NOT_FOUND,
        MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
        MalformedRequest => StatusCode::BAD_REQUEST,
        UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
        Internal => StatusCode::INTERNAL_SERVER_ERROR,
        ServiceBusy => StatusCode::SERVICE_UNAVAILABLE,
        IdentifierInvalid
        | UsernameInvalid
        | EmailInvalid
        | PhoneInvalid
        | UsernameTaken
        | EmailTaken
        | PhoneTaken
        | AddressUnchanged
        | CurrentPasswordInvalid
        | PasswordTooShort
        | PasswordTooLong
        | PasswordCommon
        | PasswordContainsIdentity
        | BotCheckInvalid
        | BotCheckExpired
        | CodeMalformed
        | CodeInvalid
        | PasswordMismatch => StatusCode::UNPROCESSABLE_ENTITY,
        InvalidCredentials | NotSignedIn => StatusCode::UNAUTHORIZED,
        SignInPaused => StatusCode::FORBIDDEN,
        // Asked for after many wrong passwords: how a rate limit lets a person through.
        TooManyRequests
        | BotCheckRequired
        | ResendTooSoon
        | AccountAttemptsExhausted
        | IpAttemptsExhausted
        | SendLimitReached
        | TooManyRecoveries
        | TooManySignUps => StatusCode::TOO_MANY_REQUESTS,
        FlowExpired
        | FlowCompleted
        | FlowAttemptsExhausted
        | FlowSuperseded
        | CodeExpired
        | PasswordWindowExpired
        | AddressAttemptsExhausted => StatusCode::GONE,
        FlowWrongStep => StatusCode::CONFLICT,
        NothingToConfirm | SessionNotFound => StatusCode::NOT_FOUND,
    }
}

impl AppError {
    /// A refusal with `code`'s own status (`status_for`).
    pub fn code(code: ErrorCode) -> Self {
        Self::refused(ErrorBody::from(code))
    }

    /// A refusal with this body, under its code's own status.
    pub fn refused(body: ErrorBody) -> Self {
        AppError::Refused(body)
    }

    pub fn not_found() -> Self {
        Self::code(ErrorCode::NotFound)
    }
}

impl<E: Into<anyhow::Error>> From<E> for AppError {
    fn from(err: E) -> Self {
        AppError::Internal(err.into())
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        match self {
            AppError::Refused(body) => {
                let status = status_for(body.code);
                // Said in the body for the app, and in the header for every other client and proxy.
                let retry_after = body.retry_after_s.filter(|_| {
                    matches!(status, StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE)
                });
                let code = body.code;
                let mut response = (status, Json(body)).into_response();
                // For `routes::refusals::check`, which holds every answer to its operation's list.
                response.extensions_mut().insert(code);
                if let Some(seconds) = retry_after {
                    response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(seconds));
                }
                response
            }
            AppError::Internal(err) if err.downcast_ref::<crate::passwords::HasherBusy>().is_some() => {
                tracing::warn!("password hashing is saturated: a request was refused");
                AppError::refused(busy()).into_response()
            }
            // Every connection to the database stayed busy for the pool's whole wait (a flood on a
            // PostgreSQL replica of few connections): the client may try again in a moment.
            AppError::Internal(err) if matches!(err.downcast_ref(), Some(sqlx::Error::PoolTimedOut)) => {
                tracing::warn!("no database connection came free in time: a request was refused");
                AppError::refused(busy()).into_response()
            }
            // PostgreSQL ended this request's write to break a cycle of waits with another (writes
            // lock their subjects in one order, so this takes a write outside that order, such as
            // the cleanup's): nothing was recorded, and the same request may simply be sent again.
            AppError::Internal(err) if is_deadlock(&err) => {
                tracing::warn!(error = ?err, "a write was ended to break a deadlock: a request was refused");
                AppError::refused(busy()).into_response()
            }
            AppError::Internal(err) => {
                tracing::error!(error = ?err, "internal error");
                let body = ErrorBody::from(ErrorCode::Internal);
                let mut response = (StatusCode::INTERNAL_SERVER_ERROR, Json(body)).into_response();
                response.extensions_mut().insert(ErrorCode::Internal);
                response
            }
        }
    }
}

/// PostgreSQL's "deadlock detected" (40P01).
fn is_deadlock(err: &anyhow::Error) -> bool {
    matches!(err.downcast_ref(), Some(sqlx::Error::Database(db)) if db.code().as_deref() == Some("40P01"))
}
