//! The password policy (NIST SP 800-63B-4, OWASP ASVS V2.1): length is what counts. No composition
//! rules, every Unicode character allowed, nothing truncated. The browser ticks these rules as the
//! person types; the server enforces them and adds what needs its data: the blocklist of common and
//! breached passwords, and the strength score.

use serde::{Deserialize, Serialize};

use crate::ErrorCode;

/// The bounds operators may configure. Lengths count Unicode code points, as NIST asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordPolicy {
    pub min_length: u32,
    pub max_length: u32,
}

impl PasswordPolicy {
    /// Never configurable below this.
    pub const LOWEST_MIN_LENGTH: u32 = 8;
    /// Accept at least this much, always.
    pub const MAX_LENGTH: u32 = 256;

    /// The defaults: 15 (NIST's minimum for passwords that are the only factor) to 256.
    pub const fn recommended() -> Self {
        PasswordPolicy { min_length: 15, max_length: Self::MAX_LENGTH }
    }

    /// A policy with `min_length`, raised to the floor of 8 when lower.
    pub fn with_min_length(min_length: u32) -> Self {
        PasswordPolicy {
            min_length: min_length.clamp(Self::LOWEST_MIN_LENGTH, Self::MAX_LENGTH),
            ..Self::recommended()
        }
    }

    /// Each rule the browser can check by itself, and whether `password` meets it. `identity` holds the
    /// account's user name and email (the password may contain neither).
    pub fn rules(&self, password: &str, identity: &[&str]) -> Vec<RuleStatus> {
        let length = password.chars().count() as u32;
        vec![
            RuleStatus { rule: PasswordRule::MinLength, met: length >= self.min_length },
            RuleStatus { rule: PasswordRule::MaxLength, met: length <= self.max_length },
            RuleStatus { rule: PasswordRule::NoIdentity, met: !contains_identity(password, identity) },
        ]
    }

    /// The first broken rule, as the error the server answers.
    pub fn check(&self, password: &str, identity: &[&str]) -> Result<(), ErrorCode> {
        for status in self.rules(password, identity) {
            if !status.met {
                return Err(status.rule.error_code());
            }
        }
        Ok(())
    }
}

impl Default for PasswordPolicy {
    fn default() -> Self {
        Self::recommended()
    }
}

/// Whether `password` contains (case-insensitively) any identity value of 3+ characters; for an
/// email, its part before `@` counts too; for a phone number in international form (`+34600000001`),
/// its digits and its last eight (the number as its owner types it, without the country code).
fn contains_identity(password: &str, identity: &[&str]) -> bool {
    let password = password.to_lowercase();
    identity
        .iter()
        .flat_map(|value| {
            let value = value.trim().to_lowercase();
            let local = value.split_once('@').map(|(local, _)| local.to_owned());
            let digits: String = value.chars().filter(char::is_ascii_digit).collect();
            let phone = value.starts_with('+') && digits.len() >= 8;
            let national = phone.then(|| digits[digits.len() - 8..].to_owned());
            let digits = phone.then_some(digits);
            std::iter::once(value).chain(local).chain(digits).chain(national)
        })
        .filter(|value| value.chars().count() >= 3)
        .any(|value| password.contains(&value))
}

/// The confirmation field must repeat the password exactly.
pub fn check_confirmation(password: &str, confirmation: &str) -> Result<(), ErrorCode> {
    if password == confirmation {
        Ok(())
    } else {
        Err(ErrorCode::PasswordMismatch)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PasswordRule {
    MinLength,
    MaxLength,
    NoIdentity,
    /// Not on the list of common or breached passwords (checked by the server only).
    NotCommon,
}

impl PasswordRule {
    pub fn error_code(self) -> ErrorCode {
        match self {
            PasswordRule::MinLength => ErrorCode::PasswordTooShort,
            PasswordRule::MaxLength => ErrorCode::PasswordTooLong,
            PasswordRule::NoIdentity => ErrorCode::PasswordContainsIdentity,
            PasswordRule::NotCommon => ErrorCode::PasswordCommon,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RuleStatus {
    pub rule: PasswordRule,
    pub met: bool,
}

/// `POST /api/v1/password/check`: live feedback while the person types a new password.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordCheckRequest {
    pub password: String,
    /// The recovery this password is for, so the account's names are checked too (once verified).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flow_id: Option<String>,
    /// At sign-up: the names typed so far.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordCheckResponse {
    /// Every rule, including `not_common`.
    pub rules: Vec<RuleStatus>,
    /// 0 (guessed at once) to 4 (very hard to guess), from zxcvbn on the server.
    pub score: u8,
    /// Whether the server would accept this password.
    pub acceptable: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_counts_unicode_characters_not_bytes() {
        let policy = PasswordPolicy::recommended();
        assert_eq!(policy.check("ñandú-ñandú-ñandú", &[]), Ok(())); // 17 chars, 22 bytes
        assert_eq!(policy.check("ñandú-ñandú", &[]), Err(ErrorCode::PasswordTooShort)); // 11 chars
        assert_eq!(policy.check("🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀", &[]), Ok(()));
    }

    #[test]
    fn long_passwords_are_accepted_up_to_256_and_never_truncated() {
        let policy = PasswordPolicy::recommended();
        assert_eq!(policy.check(&"x".repeat(256), &[]), Ok(()));
        assert_eq!(policy.check(&"x".repeat(257), &[]), Err(ErrorCode::PasswordTooLong));
    }

    #[test]
    fn no_composition_rules() {
        let policy = PasswordPolicy::recommended();
        assert_eq!(policy.check("all lowercase words here", &[]), Ok(()));
    }

    #[test]
    fn the_minimum_is_configurable_but_never_below_8() {
        assert_eq!(PasswordPolicy::with_min_length(4).min_length, 8);
        assert_eq!(PasswordPolicy::with_min_length(12).min_length, 12);
        assert_eq!(PasswordPolicy::with_min_length(8).check("eightchr", &[]), Ok(()));
    }

    #[test]
    fn a_password_may_not_contain_the_user_name_or_email() {
        let policy = PasswordPolicy::recommended();
        let identity = ["Demo", "ana.garcia@correo.es"];
        assert_eq!(
            policy.check("my-DEMO-password-2026", &identity),
            Err(ErrorCode::PasswordContainsIdentity)
        );
        assert_eq!(
            policy.check("hello ana.garcia friends", &identity),
            Err(ErrorCode::PasswordContainsIdentity)
        );
        assert_eq!(policy.check("correct horse battery staple", &identity), Ok(()));
    }

    #[test]
    fn a_password_may_not_contain_the_phone_number_with_or_without_its_country_code() {
        let policy = PasswordPolicy::recommended();
        let identity = ["ana", "ana@correo.test", "+34600000002"];
        for password in
            ["my number +34600000002 ok", "call 34600000002 now", "mine is 600 000002 and 600000002 ok!"]
        {
            assert_eq!(
                policy.check(password, &identity),
                Err(ErrorCode::PasswordContainsIdentity),
                "{password}"
            );
        }
        assert_eq!(policy.check("correct horse battery 2026", &identity), Ok(()));
        // Digits of a name or an email are not a phone number.
        assert_eq!(policy.check("correct horse 12345678 x", &["user12345678"]), Ok(()));
    }

    #[test]
    fn the_confirmation_must_match_exactly() {
        assert_eq!(check_confirmation("Él vio cebras", "Él vio cebras"), Ok(()));
        assert_eq!(check_confirmation("Él vio cebras", "El vio cebras"), Err(ErrorCode::PasswordMismatch));
    }

    #[test]
    fn rules_report_each_status() {
        let rules = PasswordPolicy::recommended().rules("short", &[]);
        assert_eq!(
            rules,
            vec![
                RuleStatus { rule: PasswordRule::MinLength, met: false },
                RuleStatus { rule: PasswordRule::MaxLength, met: true },
                RuleStatus { rule: PasswordRule::NoIdentity, met: true },
            ]
        );
    }
}
