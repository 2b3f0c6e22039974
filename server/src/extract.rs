//! Request extractors shared by the handlers: JSON bodies whose rejections are our error codes, the
//! caller's IP and user agent (for budgets and the audit log), and the session cookie.

use std::net::SocketAddr;

use axum::{
    extract::{rejection::JsonRejection, ConnectInfo, FromRequest, FromRequestParts, Request},
    http::{header, request::Parts, StatusCode},
};
use recupera_api::ErrorCode;
use serde::de::DeserializeOwned;

use crate::{AppError, AppState};

/// `Json<T>` whose failures answer `malformed_request`, `unsupported_media_type` or
/// `payload_too_large` in our error body. Requiring `Content-Type: application/json` is also what
/// stops cross-site HTML forms from posting here.
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(request, state).await {
            Ok(axum::Json(value)) => Ok(ApiJson(value)),
            Err(rejection) => Err(match rejection {
                JsonRejection::MissingJsonContentType(_) => {
                    AppError::client(StatusCode::UNSUPPORTED_MEDIA_TYPE, ErrorCode::UnsupportedMediaType)
                }
                JsonRejection::BytesRejection(_) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                    AppError::client(StatusCode::PAYLOAD_TOO_LARGE, ErrorCode::PayloadTooLarge)
                }
                _ => AppError::client(StatusCode::BAD_REQUEST, ErrorCode::MalformedRequest),
            }),
        }
    }
}

/// Who is asking: for per-IP budgets and the audit log.
pub struct Caller {
    pub ip: String,
    pub user_agent: String,
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(address)| address.ip().to_string())
            .unwrap_or_else(|| "unknown".to_owned());
        let ip = forwarded_client(&parts.headers, state.config.trusted_proxies).unwrap_or(peer);
        let user_agent = parts
            .headers
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .map(|ua| ua.chars().take(256).collect())
            .unwrap_or_default();
        Ok(Caller { ip, user_agent })
    }
}

/// The client's address as the `trusted` proxies in front of us saw it: counting from the right of
/// `X-Forwarded-For`, the address each trusted proxy added; what is left of them came from the client
/// and proves nothing.
fn forwarded_client(headers: &axum::http::HeaderMap, trusted: usize) -> Option<String> {
    if trusted == 0 {
        return None;
    }
    let hops: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .filter(|hop| !hop.is_empty())
        .collect();
    let hop = hops.len().checked_sub(trusted).map(|i| hops[i])?;
    hop.parse::<std::net::IpAddr>().ok().map(|ip| ip.to_string())
}

pub const SESSION_COOKIE: &str = "recupera_session";

/// The session token from the `Cookie` header, if the request has one.
pub fn session_token(parts: &axum::http::HeaderMap) -> Option<String> {
    parts
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE)
        .map(|(_, token)| token.to_owned())
}
