//! The flow cookie: what binds a recovery (or a sign-up) to the one browser that may take its next step.
//!
//! Starting a recovery gives the browser a random secret in an `HttpOnly; SameSite=Strict` cookie
//! (`__Host-` prefixed and `Secure` outside dev mode, which serves plain http on loopback); the flow
//! keeps only its SHA-256. Verifying the code replaces the secret, so only the verifying browser can
//! set the password. A request without the right secret is answered exactly as an unknown flow is.

use axum::{
    extract::FromRequestParts,
    http::{request::Parts, HeaderMap, HeaderValue},
};
use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};

use crate::AppState;

/// The cookie a flow's secret travels in: outside dev mode (`name`), and in dev mode, which serves
/// plain http on loopback where a `Secure` cookie would not come back (`dev_name`).
#[derive(Clone, Copy)]
pub struct CookieName {
    name: &'static str,
    dev_name: &'static str,
}

/// A recovery's cookie.
pub const RECOVERY: CookieName = CookieName { name: "__Host-recupera_flow", dev_name: "recupera_flow" };
/// A sign-up's cookie: one of each kind fits in a browser at once.
pub const SIGN_UP: CookieName = CookieName { name: "__Host-recupera_sign_up", dev_name: "recupera_sign_up" };

/// A flow cookie's secret: 256 random bits.
#[derive(Clone)]
pub struct FlowSecret(String);

impl std::fmt::Debug for FlowSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FlowSecret(..)")
    }
}

impl FlowSecret {
    pub fn new() -> FlowSecret {
        let mut bytes = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        FlowSecret(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes))
    }

    /// What the flow stores.
    pub fn hash(&self) -> Vec<u8> {
        Sha256::digest(self.0.as_bytes()).to_vec()
    }

    /// Whether this secret is the one whose hash a flow stores (compared in constant time).
    pub fn opens(&self, stored: Option<&[u8]>) -> bool {
        let Some(stored) = stored else { return false };
        let hash = self.hash();
        stored.len() == hash.len() && bool::from(subtle::ConstantTimeEq::ct_eq(stored, hash.as_slice()))
    }

    /// The `Set-Cookie` value that gives this secret to the browser for `max_age_s`.
    pub fn cookie(&self, dev: bool, max_age_s: i64) -> HeaderValue {
        self.cookie_named(RECOVERY, dev, max_age_s)
    }

    /// The same, in the cookie `name`.
    pub fn cookie_named(&self, name: CookieName, dev: bool, max_age_s: i64) -> HeaderValue {
        let (name, secure) = if dev { (name.dev_name, "") } else { (name.name, "; Secure") };
        let value = format!(
            "{name}={}; Max-Age={}; Path=/; HttpOnly; SameSite=Strict{secure}",
            self.0,
            max_age_s.max(0)
        );
        HeaderValue::from_str(&value).expect("the cookie is ASCII")
    }

    /// The secret a request's cookie `name` holds, if it has one.
    pub fn from_headers(headers: &HeaderMap, name: CookieName, dev: bool) -> Option<FlowSecret> {
        crate::extract::cookie(headers, if dev { name.dev_name } else { name.name }).map(FlowSecret)
    }
}

impl Default for FlowSecret {
    fn default() -> Self {
        Self::new()
    }
}

/// The request's flow cookie, if it has one.
pub struct FlowCookie(pub Option<FlowSecret>);

impl FromRequestParts<AppState> for FlowCookie {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        Ok(FlowCookie(FlowSecret::from_headers(&parts.headers, RECOVERY, state.config.dev)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_opens_only_its_own_hash_and_its_cookie_is_locked_down() {
        let (secret, other) = (FlowSecret::new(), FlowSecret::new());
        assert!(secret.opens(Some(&secret.hash())));
        assert!(!other.opens(Some(&secret.hash())));
        assert!(!secret.opens(None));
        let cookie = secret.cookie(false, 3600);
        let cookie = cookie.to_str().unwrap();
        assert!(cookie.starts_with("__Host-recupera_flow="), "{cookie}");
        for attribute in ["; Path=/", "; HttpOnly", "; SameSite=Strict", "; Secure", "; Max-Age=3600"] {
            assert!(cookie.contains(attribute), "{attribute} in {cookie}");
        }
        assert!(!cookie.contains("Domain"), "{cookie}");
        let dev = secret.cookie(true, 60);
        assert!(!dev.to_str().unwrap().contains("Secure"));
    }
}
