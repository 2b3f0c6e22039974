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
    /// What budgets per client address count under: the IPv4 address, or the IPv6 /64 (one
    /// subscriber's network holds 2^64 addresses; counting each apart would count nothing).
    pub network: String,
    pub user_agent: String,
}

impl Caller {
    pub fn actor(&self) -> crate::storage::write::Actor<'_> {
        crate::storage::write::Actor { ip: &self.ip, user_agent: &self.user_agent }
    }
}

/// The budget key of an address: itself for IPv4 (and IPv4-mapped IPv6), its /64 for IPv6.
pub fn network_of(ip: &str) -> String {
    match ip.parse::<std::net::IpAddr>() {
        Ok(std::net::IpAddr::V6(v6)) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
        _ => ip.to_owned(),
    }
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
        let network = network_of(&ip);
        Ok(Caller { ip, network, user_agent })
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

#[cfg(test)]
mod tests {
    use super::network_of;

    #[test]
    fn ipv6_clients_are_counted_per_64_and_ipv4_per_address() {
        assert_eq!(network_of("2001:db8:1:2:aaaa::1"), "2001:db8:1:2::/64");
        assert_eq!(network_of("2001:db8:1:2:ffff:ffff:ffff:ffff"), "2001:db8:1:2::/64");
        assert_ne!(network_of("2001:db8:1:3::1"), network_of("2001:db8:1:2::1"));
        assert_eq!(network_of("::ffff:198.51.100.7"), "198.51.100.7");
        assert_eq!(network_of("198.51.100.7"), "198.51.100.7");
    }
}
