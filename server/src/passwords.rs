//! Password hashing (argon2id at OWASP's parameters) with a bound on how many run at once, and the
//! server-side password checks: the blocklist of common passwords and the strength score (zxcvbn).

use std::sync::Arc;

use anyhow::Context;
use argon2::{
    password_hash::{PasswordHash, PasswordHasher as _, PasswordVerifier, SaltString},
    Algorithm, Argon2, Params, Version,
};
use recupera_api::{
    password::{PasswordPolicy, PasswordRule, RuleStatus},
    ErrorCode,
};
use tokio::sync::Semaphore;

/// OWASP Password Storage Cheat Sheet: argon2id, m = 19 MiB, t = 2, p = 1.
const MEMORY_KIB: u32 = 19_456;
const ITERATIONS: u32 = 2;
const PARALLELISM: u32 = 1;

/// zxcvbn's matching grows fast with length; what the first 64 characters score is what counts.
const SCORED_PREFIX: usize = 64;

#[derive(Clone)]
pub struct Hasher {
    permits: Arc<Semaphore>,
    /// A hash of nothing anyone knows: sign-in verifies against it when no account matches, so a
    /// wrong user name takes as long as a wrong password.
    decoy_hash: Arc<String>,
}

impl Hasher {
    pub fn new(max_concurrent: usize) -> anyhow::Result<Hasher> {
        let decoy = hash_blocking("decoy: no account has this password, it only costs the same time")?;
        Ok(Hasher { permits: Arc::new(Semaphore::new(max_concurrent.max(1))), decoy_hash: Arc::new(decoy) })
    }

    pub async fn hash(&self, password: &str) -> anyhow::Result<String> {
        let _permit = self.permits.acquire().await?;
        let password = password.to_owned();
        tokio::task::spawn_blocking(move || hash_blocking(&password)).await?
    }

    /// Whether `password` matches `phc`; with `None`, checks against the decoy and answers false.
    pub async fn verify(&self, password: &str, phc: Option<&str>) -> anyhow::Result<bool> {
        let _permit = self.permits.acquire().await?;
        let known = phc.is_some();
        let phc = phc.map(str::to_owned).unwrap_or_else(|| self.decoy_hash.as_str().to_owned());
        let password = password.to_owned();
        let matches = tokio::task::spawn_blocking(move || -> anyhow::Result<bool> {
            let parsed =
                PasswordHash::new(&phc).map_err(|e| anyhow::anyhow!("stored hash is malformed: {e}"))?;
            Ok(argon2().verify_password(password.as_bytes(), &parsed).is_ok())
        })
        .await??;
        Ok(known && matches)
    }
}

fn argon2() -> Argon2<'static> {
    let params = Params::new(MEMORY_KIB, ITERATIONS, PARALLELISM, None).expect("valid argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

fn hash_blocking(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut rand::rngs::OsRng);
    let hash = argon2()
        .hash_password(password.as_bytes(), &salt)
        .map_err(|e| anyhow::anyhow!("argon2 failed: {e}"))
        .context("hashing a password")?;
    Ok(hash.to_string())
}

/// What the server knows of a candidate password.
pub struct Assessment {
    pub rules: Vec<RuleStatus>,
    /// 0–4.
    pub score: u8,
}

impl Assessment {
    pub fn acceptable(&self) -> bool {
        self.rules.iter().all(|r| r.met)
    }

    /// The first broken rule as an error code.
    pub fn first_error(&self) -> Option<ErrorCode> {
        self.rules.iter().find(|r| !r.met).map(|r| r.rule.error_code())
    }
}

/// Checks a new password against the configured policy and the account's names; the refusal, if any,
/// is the `password` field's error (with the minimum length when it is too short).
pub fn refuse_weak(min_length: u32, password: &str, identity: &[&str]) -> Result<(), crate::AppError> {
    let policy = PasswordPolicy::with_min_length(min_length);
    let Some(code) = assess(&policy, password, identity).first_error() else { return Ok(()) };
    let mut body = recupera_api::ErrorBody::for_field(code, "password");
    if code == ErrorCode::PasswordTooShort {
        body.min_length = Some(policy.min_length);
    }
    Err(crate::AppError::Client(axum::http::StatusCode::UNPROCESSABLE_ENTITY, body))
}

/// The policy's rules, plus `not_common`: refused when zxcvbn can guess it in under 10⁶ tries (score
/// 0 or 1) — that covers its dictionaries of common and breached passwords, words, names, keyboard
/// walks, repeats and sequences, with l33t and reversal variants.
pub fn assess(policy: &PasswordPolicy, password: &str, identity: &[&str]) -> Assessment {
    let mut rules = policy.rules(password, identity);
    let scored: String = password.chars().take(SCORED_PREFIX).collect();
    let score = if scored.is_empty() { 0 } else { u8::from(zxcvbn::zxcvbn(&scored, identity).score()) };
    rules.push(RuleStatus { rule: PasswordRule::NotCommon, met: score >= 2 });
    Assessment { rules, score }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_and_patterned_passwords_are_refused_even_when_long() {
        let policy = PasswordPolicy::recommended();
        for weak in ["passwordpassword", "aaaaaaaaaaaaaaaa", "qwertyuiopasdfgh", "1234567890123456"] {
            let a = assess(&policy, weak, &[]);
            assert_eq!(a.first_error(), Some(ErrorCode::PasswordCommon), "{weak}");
        }
        let strong = assess(&policy, "Contraseña-Olvidada-2026", &[]);
        assert!(strong.acceptable(), "score {}", strong.score);
    }

    #[tokio::test]
    async fn hashes_verify_and_the_decoy_never_matches() {
        let hasher = Hasher::new(2).unwrap();
        let hash = hasher.hash("correct horse battery staple").await.unwrap();
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{hash}");
        assert!(hasher.verify("correct horse battery staple", Some(&hash)).await.unwrap());
        assert!(!hasher.verify("wrong horse battery staple", Some(&hash)).await.unwrap());
        assert!(!hasher
            .verify("decoy: no account has this password, it only costs the same time", None)
            .await
            .unwrap());
    }
}
