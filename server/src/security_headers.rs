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

/// The policy as a header value, computed once at start.
pub fn policy_header(shell: &SpaShell) -> HeaderValue {
    HeaderValue::from_str(&content_security_policy(shell)).expect("the policy is ASCII")
}

pub async fn add_headers(State(csp): State<HeaderValue>, request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_SECURITY_POLICY, csp);
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    );
    response
}
