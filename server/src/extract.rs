//! Request extractors shared by the handlers: JSON bodies whose rejections are our error codes, the
//! caller's IP and user agent (for budgets and the audit log), and the session cookie.

use std::{
    net::{IpAddr, SocketAddr},
    sync::atomic::{AtomicBool, Ordering},
};

use axum::{
    extract::{rejection::JsonRejection, ConnectInfo, FromRequest, FromRequestParts, Request},
    http::{header, request::Parts, HeaderMap, StatusCode},
};
use recupera_api::ErrorCode;
use serde::de::DeserializeOwned;

use crate::{ip_range::IpRange, AppError, AppState};

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
                JsonRejection::MissingJsonContentType(_) => AppError::code(ErrorCode::UnsupportedMediaType),
                JsonRejection::BytesRejection(_) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                    AppError::code(ErrorCode::PayloadTooLarge)
                }
                _ => AppError::code(ErrorCode::MalformedRequest),
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
        // Through the extractor, which also finds a test's `MockConnectInfo`.
        let peer = ConnectInfo::<SocketAddr>::from_request_parts(parts, state)
            .await
            .ok()
            .map(|ConnectInfo(address)| address.ip());
        let ip = match peer {
            Some(peer) => client_address(peer, &parts.headers, &state.config.trusted_proxies).to_string(),
            None => "unknown".to_owned(),
        };
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

/// The client's address: the connection's, unless it comes from a trusted proxy. Then, reading
/// `X-Forwarded-For` from the right, each address a trusted proxy added is skipped; the first one
/// that is not a trusted proxy is the client (what is left of it the client wrote itself and proves
/// nothing). A header from anyone else is ignored.
pub fn client_address(peer: IpAddr, headers: &HeaderMap, trusted: &[IpRange]) -> IpAddr {
    let is_trusted = |address: IpAddr| trusted.iter().any(|range| range.contains(address));
    let forwarded = headers.get_all("x-forwarded-for");
    if !is_trusted(peer) {
        if trusted.is_empty() && forwarded.iter().next().is_some() && !WARNED.swap(true, Ordering::Relaxed) {
            tracing::warn!(
                %peer,
                "a request carries X-Forwarded-For but no trusted proxy is configured \
                 (RECUPERA_TRUSTED_PROXIES): the header is ignored and budgets count the connection's address"
            );
        }
        return peer;
    }
    let hops: Vec<&str> = forwarded
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .filter(|hop| !hop.is_empty())
        .collect();
    let mut client = peer;
    for hop in hops.iter().rev() {
        let Ok(address) = hop.parse::<IpAddr>() else { break };
        client = address;
        if !is_trusted(address) {
            break;
        }
    }
    client
}

/// Whether the missing-proxy warning was logged already (once per process is enough).
static WARNED: AtomicBool = AtomicBool::new(false);

/// The session cookie's name: `__Host-` prefixed outside dev mode, so the browser keeps it only when
/// set `Secure`, for the whole site (`Path=/`) and by this host alone (no `Domain`): a sibling
/// subdomain or a plain-http page cannot plant or overwrite it (session fixation).
pub const SESSION_COOKIE: &str = "__Host-recupera_session";
/// Dev mode serves plain http on loopback, where a `Secure` cookie would not be kept.
pub const DEV_SESSION_COOKIE: &str = "recupera_session";

pub fn session_cookie_name(dev: bool) -> &'static str {
    if dev {
        DEV_SESSION_COOKIE
    } else {
        SESSION_COOKIE
    }
}

/// The session token from the `Cookie` header, if the request has one.
pub fn session_token(headers: &HeaderMap, dev: bool) -> Option<String> {
    cookie(headers, session_cookie_name(dev))
}

/// The value of the cookie `name` in the request's `Cookie` headers, if it has one.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forwarded(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert("x-forwarded-for", value.parse().unwrap());
        headers
    }

    #[test]
    fn forwarded_addresses_count_only_from_trusted_proxies() {
        let trusted: Vec<IpRange> = vec!["10.0.0.0/8".parse().unwrap(), "192.0.2.1".parse().unwrap()];
        let proxy: IpAddr = "10.0.0.5".parse().unwrap();
        // The client wrote a fake first hop; the proxies appended the real one and themselves.
        let headers = forwarded("6.6.6.6, 198.51.100.7, 192.0.2.1");
        assert_eq!(client_address(proxy, &headers, &trusted).to_string(), "198.51.100.7");
        // Straight from the client, the header is the client's own words: ignored.
        let stranger: IpAddr = "198.51.100.9".parse().unwrap();
        assert_eq!(client_address(stranger, &headers, &trusted), stranger);
        assert_eq!(client_address(proxy, &headers, &[]), proxy, "no proxy configured");
        // Garbage stops the walk at the last good address.
        let headers = forwarded("198.51.100.7, not-an-address");
        assert_eq!(client_address(proxy, &headers, &trusted), proxy);
    }

    #[test]
    fn ipv6_clients_are_counted_per_64_and_ipv4_per_address() {
        assert_eq!(network_of("2001:db8:1:2:aaaa::1"), "2001:db8:1:2::/64");
        assert_eq!(network_of("2001:db8:1:2:ffff:ffff:ffff:ffff"), "2001:db8:1:2::/64");
        assert_ne!(network_of("2001:db8:1:3::1"), network_of("2001:db8:1:2::1"));
        assert_eq!(network_of("::ffff:198.51.100.7"), "198.51.100.7");
        assert_eq!(network_of("198.51.100.7"), "198.51.100.7");
    }
}
