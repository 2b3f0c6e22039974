//! Headers every answer carries: a strict Content-Security-Policy and its companions.
//!
//! The policy allows nothing inline except trunk's one start-up script, by its hash (computed from the
//! built `index.html` at start), and lets the wasm compile (`'wasm-unsafe-eval'`) — nothing else.

use axum::{
    extract::{Request, State},
    http::{header, HeaderName, HeaderValue},
    middleware::Next,
    response::Response,
};

use crate::spa::SpaShell;

pub fn content_security_policy(shell: &SpaShell) -> String {
    let scripts = std::iter::once("'self'".to_owned())
        .chain(std::iter::once("'wasm-unsafe-eval'".to_owned()))
        .chain(shell.inline_script_hashes.iter().cloned())
        .collect::<Vec<_>>()
        .join(" ");
    format!(
        "default-src 'self'; script-src {scripts}; style-src 'self'; img-src 'self' data:; \
         connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; \
         form-action 'self'; frame-ancestors 'none'"
    )
}

/// What every answer gets, computed once at start.
#[derive(Clone)]
pub struct Policy {
    csp: HeaderValue,
    /// Outside dev mode (which serves plain http on loopback): browsers then refuse plain http to
    /// this host for a year, so no one on the network can strip TLS from a recovery.
    hsts: bool,
}

pub fn policy(shell: &SpaShell, dev: bool) -> Policy {
    let csp = HeaderValue::from_str(&content_security_policy(shell)).expect("the policy is ASCII");
    Policy { csp, hsts: !dev }
}

pub async fn add_headers(State(policy): State<Policy>, request: Request, next: Next) -> Response {
    let api = request.uri().path().starts_with("/api/");
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_SECURITY_POLICY, policy.csp);
    if policy.hsts {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    // API answers describe one person's recovery or session: no cache or proxy may keep them.
    if api {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    );
    response
}
