//! Password hashing (argon2id at OWASP's parameters) with a bound on how many run at once, and the
//! server-side password checks: the blocklist of common passwords and the strength score (zxcvbn).
//!
//! Every password is Unicode-normalized (NFKC) before it is checked or hashed (NIST SP 800-63B
//! §3.1.1.2), so the same password typed on different keyboards — a composed `ñ` or `n` and a
//! combining tilde, a full-width `Ａ` from an East Asian input method — is one password.

use std::{borrow::Cow, sync::Arc};

use anyhow::Context;
use argon2::{
    password_hash::{PasswordHash, SaltString},
    Algorithm, Argon2, Block, Params, Version,
};
use base64::Engine;
use recupera_api::{
    password::{PasswordPolicy, PasswordRule, RuleStatus},
    ErrorCode,
};

/// OWASP Password Storage Cheat Sheet: argon2id, m = 19 MiB, t = 2, p = 1.
const MEMORY_KIB: u32 = 19_456;
const ITERATIONS: u32 = 2;
const PARALLELISM: u32 = 1;

/// zxcvbn's matching grows fast with length; what the first 64 characters score is what counts.
const SCORED_PREFIX: usize = 64;

/// Hashes on a fixed set of threads of its own. Each argon2id hash takes 19 MiB; with at most
/// `workers` threads ever hashing, memory stays bounded whatever the load (hashing on an open-ended
/// blocking pool let the allocator keep a 19 MiB block per thread that had ever hashed).
/// Requests beyond that wait in a line of bounded length; past it a request is refused at once
/// (`HasherBusy`, answered 503 with `Retry-After`) instead of piling up behind a flood.
#[derive(Clone)]
pub struct Hasher {
    jobs: std::sync::mpsc::SyncSender<Job>,
    /// A hash of nothing anyone knows: sign-in verifies against it when no account matches, so a
    /// wrong user name takes as long as a wrong password.
    decoy_hash: Arc<String>,
}

enum Job {
    Hash { password: String, done: tokio::sync::oneshot::Sender<anyhow::Result<String>> },
    Verify { password: String, phc: String, done: tokio::sync::oneshot::Sender<anyhow::Result<bool>> },
}

impl Hasher {
    /// `workers` threads hash; at most `waiting` requests wait for one.
    pub fn new(workers: usize, waiting: usize) -> anyhow::Result<Hasher> {
        let decoy =
            hash_with(&mut Vec::new(), "decoy: no account has this password, it only costs the same time")?;
        let (jobs, queue) = std::sync::mpsc::sync_channel::<Job>(waiting);
        let queue = Arc::new(std::sync::Mutex::new(queue));
        for n in 0..workers.max(1) {
            let queue = queue.clone();
            std::thread::Builder::new().name(format!("argon2-{n}")).spawn(move || {
                // Each thread's 19 MiB of argon2 memory, allocated once and reused for every hash.
                let mut memory = Vec::new();
                loop {
                    // The lock is held only while taking a job, not while hashing.
                    let job = match queue.lock().map(|q| q.recv()) {
                        Ok(Ok(job)) => job,
                        _ => return, // every sender is gone: the server is stopping
                    };
                    match job {
                        Job::Hash { password, done } => {
                            let _ = done.send(hash_with(&mut memory, &password));
                        }
                        Job::Verify { password, phc, done } => {
                            let _ = done.send(verify_with(&mut memory, &password, &phc));
                        }
                    }
                }
            })?;
        }
        Ok(Hasher { jobs, decoy_hash: Arc::new(decoy) })
    }

    /// The PHC string of `password`, normalized, with today's parameters.
    pub async fn hash(&self, password: &str) -> anyhow::Result<String> {
        let (done, answer) = tokio::sync::oneshot::channel();
        self.submit(Job::Hash { password: normalized(password).into_owned(), done }).await?;
        answer.await?
    }

    /// Whether `password` matches `phc`, and whether the stored hash should be replaced by a new one;
    /// with `None`, checks against the decoy and answers no.
    ///
    /// A hash stored before passwords were normalized was made from the password as typed: when the
    /// normalized one does not match and differs from what was typed, what was typed is tried too (for
    /// the decoy as well, so a wrong user name still costs what a wrong password costs).
    pub async fn verify(&self, password: &str, phc: Option<&str>) -> anyhow::Result<Verdict> {
        let known = phc.is_some();
        let phc = phc.map(str::to_owned).unwrap_or_else(|| self.decoy_hash.as_str().to_owned());
        let normal = normalized(password);
        let mut matches = self.verify_one(normal.as_ref(), &phc).await?;
        let mut made_before_normalizing = false;
        if !matches && normal != password {
            matches = self.verify_one(password, &phc).await?;
            made_before_normalizing = matches;
        }
        let matches = known && matches;
        Ok(Verdict { matches, rehash: matches && (made_before_normalizing || !has_todays_parameters(&phc)) })
    }

    async fn verify_one(&self, password: &str, phc: &str) -> anyhow::Result<bool> {
        let (done, answer) = tokio::sync::oneshot::channel();
        self.submit(Job::Verify { password: password.to_owned(), phc: phc.to_owned(), done }).await?;
        answer.await?
    }

    /// Queues a job, or refuses it at once when the line is full.
    async fn submit(&self, job: Job) -> anyhow::Result<()> {
        match self.jobs.try_send(job) {
            Ok(()) => Ok(()),
            Err(std::sync::mpsc::TrySendError::Full(_)) => Err(HasherBusy.into()),
            Err(std::sync::mpsc::TrySendError::Disconnected(_)) => {
                anyhow::bail!("the hashing threads stopped")
            }
        }
    }
}

/// What checking a password against a stored hash found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Verdict {
    pub matches: bool,
    /// It matched a hash that should be made again: older argon2 parameters (or another variant), or
    /// made from the password before it was normalized. Done at the sign-in, the one moment the server
    /// holds the password (OWASP Password Storage: upgrade hashes as people sign in).
    pub rehash: bool,
}

/// `password` in Unicode normalization form KC.
pub fn normalized(password: &str) -> Cow<'_, str> {
    use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};
    if is_nfkc_quick(password.chars()) == IsNormalized::Yes {
        Cow::Borrowed(password)
    } else {
        Cow::Owned(password.nfkc().collect())
    }
}

/// Whether `phc` is argon2id, version 0x13, with this server's memory, iterations and parallelism.
fn has_todays_parameters(phc: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(phc) else { return false };
    let Ok(params) = Params::try_from(&parsed) else { return false };
    parsed.algorithm == argon2::ARGON2ID_IDENT
        && parsed.version == Some(Version::V0x13.into())
        && (params.m_cost(), params.t_cost(), params.p_cost()) == (MEMORY_KIB, ITERATIONS, PARALLELISM)
}

/// Every hashing thread is busy and the line waiting for them is full.
#[derive(Debug)]
pub struct HasherBusy;

impl std::fmt::Display for HasherBusy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the password hashing queue is full")
    }
}

impl std::error::Error for HasherBusy {}

/// Whether `password` matches the PHC string `phc` (with the parameters stored in it).
fn verify_with(memory: &mut Vec<Block>, password: &str, phc: &str) -> anyhow::Result<bool> {
    let parsed = PasswordHash::new(phc).map_err(|e| anyhow::anyhow!("stored hash is malformed: {e}"))?;
    let params = Params::try_from(&parsed).map_err(|e| anyhow::anyhow!("stored hash parameters: {e}"))?;
    let mut salt = [0u8; 64];
    let salt = parsed
        .salt
        .context("stored hash has no salt")?
        .decode_b64(&mut salt)
        .map_err(|e| anyhow::anyhow!("salt: {e}"))?;
    let expected = parsed.hash.context("stored hash has no output")?;
    let mut output = vec![0u8; expected.len()];
    derive(memory, params, password, salt, &mut output)?;
    Ok(bool::from(subtle::ConstantTimeEq::ct_eq(output.as_slice(), expected.as_bytes())))
}

/// A new PHC string for `password`, with a fresh random salt and today's parameters.
fn hash_with(memory: &mut Vec<Block>, password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut rand::rngs::OsRng);
    let mut salt_bytes = [0u8; 64];
    let salt_bytes = salt.decode_b64(&mut salt_bytes).map_err(|e| anyhow::anyhow!("salt: {e}"))?;
    let params =
        Params::new(MEMORY_KIB, ITERATIONS, PARALLELISM, None).map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut output = [0u8; 32];
    derive(memory, params, password, salt_bytes, &mut output).context("hashing a password")?;
    let hash = base64::engine::general_purpose::STANDARD_NO_PAD.encode(output);
    Ok(format!("$argon2id$v=19$m={MEMORY_KIB},t={ITERATIONS},p={PARALLELISM}${}${hash}", salt.as_str()))
}

/// argon2id into `output`, in `memory` (grown once to the size the parameters need, then reused).
fn derive(
    memory: &mut Vec<Block>,
    params: Params,
    password: &str,
    salt: &[u8],
    output: &mut [u8],
) -> anyhow::Result<()> {
    if memory.len() < params.block_count() {
        memory.resize(params.block_count(), Block::default());
    }
    let blocks = params.block_count();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into_with_memory(password.as_bytes(), salt, output, &mut memory[..blocks])
        .map_err(|e| anyhow::anyhow!("argon2 failed: {e}"))
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
    Err(crate::AppError::refused(body))
}

/// The policy's rules, plus `not_common`: refused when zxcvbn can guess it in under 10⁶ tries (score
/// 0 or 1) — that covers its dictionaries of common and breached passwords, words, names, keyboard
/// walks, repeats and sequences, with l33t and reversal variants.
///
/// The lengths hold both for the password as typed (what the browser's checklist and the API document
/// count) and for its normalized form (what is hashed): NFKC turns some characters into two (`¸`,
/// `½`) and joins others (a letter and its accent), and neither may carry a password over a bound.
pub fn assess(policy: &PasswordPolicy, typed: &str, identity: &[&str]) -> Assessment {
    let password = normalized(typed);
    let password = password.as_ref();
    let mut rules = policy.rules(password, identity);
    if password != typed {
        for (rule, as_typed) in rules.iter_mut().zip(policy.rules(typed, &[])) {
            if matches!(rule.rule, PasswordRule::MinLength | PasswordRule::MaxLength) {
                rule.met &= as_typed.met;
            }
        }
    }
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
        let hasher = Hasher::new(2, 8).unwrap();
        let hash = hasher.hash("correct horse battery staple").await.unwrap();
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{hash}");
        let verdict = |matches, rehash| Verdict { matches, rehash };
        assert_eq!(
            hasher.verify("correct horse battery staple", Some(&hash)).await.unwrap(),
            verdict(true, false)
        );
        assert_eq!(
            hasher.verify("wrong horse battery staple", Some(&hash)).await.unwrap(),
            verdict(false, false)
        );
        let decoy = "decoy: no account has this password, it only costs the same time";
        assert_eq!(hasher.verify(decoy, None).await.unwrap(), verdict(false, false));
    }

    #[tokio::test]
    async fn the_same_password_typed_on_different_keyboards_is_one_password() {
        let hasher = Hasher::new(2, 8).unwrap();
        // Composed ñ and é; then n + combining tilde, e + combining acute, and full-width letters.
        let hash = hasher.hash("Contraseña olvidada en Cádiz").await.unwrap();
        for typed in ["Contrasen\u{303}a olvidada en Ca\u{301}diz", "Ｃｏｎｔｒａｓｅñａ olvidada en Cádiz"]
        {
            assert_eq!(
                hasher.verify(typed, Some(&hash)).await.unwrap(),
                Verdict { matches: true, rehash: false },
                "{typed:?}"
            );
        }
        assert_eq!(normalized("plain ascii"), Cow::Borrowed("plain ascii"));
    }

    #[test]
    fn a_length_bound_holds_for_the_password_as_typed_and_once_normalized() {
        let policy = PasswordPolicy::recommended();
        let too_short =
            |typed: &str| assess(&policy, typed, &[]).first_error() == Some(ErrorCode::PasswordTooShort);
        // 14 characters as typed, 15 once NFKC splits the cedilla (as a generated request found).
        let widened = "Kq7vXp2mWz9r\u{b8}t";
        assert_eq!((widened.chars().count(), normalized(widened).chars().count()), (14, 15));
        assert!(too_short(widened));
        // 15 as typed, 13 once the two combining accents join their letters.
        let joined = "Kq7vXp2mWz9e\u{301}a\u{301}";
        assert_eq!((joined.chars().count(), normalized(joined).chars().count()), (15, 13));
        assert!(too_short(joined));
        assert!(!too_short("Kq7vXp2mWz9réáb"));
    }

    #[tokio::test]
    async fn a_hash_with_older_parameters_or_of_the_password_before_normalizing_asks_to_be_made_again() {
        let hasher = Hasher::new(2, 8).unwrap();
        let mut memory = Vec::new();
        // As an older server stored them: weaker parameters; or today's, of the password as typed.
        let older = {
            let salt = SaltString::generate(&mut rand::rngs::OsRng);
            let params = Params::new(4096, 3, 1, None).unwrap();
            let argon2 = Argon2::new(Algorithm::Argon2id, Version::V0x13, params);
            argon2::PasswordHasher::hash_password(&argon2, b"correct horse battery staple", &salt)
                .unwrap()
                .to_string()
        };
        assert!(older.starts_with("$argon2id$v=19$m=4096,t=3,p=1$"), "{older}");
        let as_typed = "Contrasen\u{303}a olvidada en Ca\u{301}diz";
        let before_normalizing = hash_with(&mut memory, as_typed).unwrap();

        let verdict = hasher.verify("correct horse battery staple", Some(&older)).await.unwrap();
        assert_eq!(verdict, Verdict { matches: true, rehash: true });
        let verdict = hasher.verify(as_typed, Some(&before_normalizing)).await.unwrap();
        assert_eq!(verdict, Verdict { matches: true, rehash: true });
        // A wrong password never asks for anything.
        let verdict = hasher.verify("wrong horse battery staple", Some(&older)).await.unwrap();
        assert_eq!(verdict, Verdict { matches: false, rehash: false });
        assert!(has_todays_parameters(&hasher.hash("x").await.unwrap()));
    }
}
