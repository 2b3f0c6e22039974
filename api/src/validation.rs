//! Syntax checks both sides run: the browser to tell the person at once, the server because it trusts
//! nothing. They say whether a value *could* be an email, a user name, a phone or a code — never whether
//! an account has it.

use serde::{Deserialize, Serialize};

use crate::ErrorCode;

pub const USERNAME_MIN: usize = 3;
pub const USERNAME_MAX: usize = 32;
pub const EMAIL_MAX: usize = 254;
/// The verification code's length: 8 digits ≈ 26.6 bits (NIST SP 800-63B asks for ≥ 20).
pub const CODE_DIGITS: usize = 8;

/// Which kind of identifier a person typed in *Email o ID de usuario*.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum IdentifierKind {
    Email,
    Username,
    Phone,
}

/// An identifier in canonical form: trimmed; a phone as `+` and digits only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identifier {
    pub kind: IdentifierKind,
    pub value: String,
}

/// Reads what was typed in the identifier field: an email (has `@`), a phone (starts with `+` or `00`,
/// then digits with optional spaces, dashes, dots or brackets), or else a user name.
pub fn parse_identifier(input: &str) -> Result<Identifier, ErrorCode> {
    let input = input.trim();
    if input.is_empty() {
        return Err(ErrorCode::IdentifierInvalid);
    }
    if input.contains('@') {
        return validate_email(input)
            .map(|value| Identifier { kind: IdentifierKind::Email, value })
            .map_err(|_| ErrorCode::IdentifierInvalid);
    }
    if input.starts_with('+') || input.starts_with("00") {
        return normalize_phone(input)
            .map(|value| Identifier { kind: IdentifierKind::Phone, value })
            .map_err(|_| ErrorCode::IdentifierInvalid);
    }
    validate_username(input)
        .map(|value| Identifier { kind: IdentifierKind::Username, value })
        .map_err(|_| ErrorCode::IdentifierInvalid)
}

/// 3–32 of `a-z A-Z 0-9 . _ -`, starting with a letter or digit, not all digits and not starting with
/// `00` (those read as phone numbers, so the name could never sign in).
pub fn validate_username(input: &str) -> Result<String, ErrorCode> {
    let name = input.trim();
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-');
    let ok = (USERNAME_MIN..=USERNAME_MAX).contains(&name.chars().count())
        && name.chars().all(allowed)
        && name.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && !name.chars().all(|c| c.is_ascii_digit())
        && !name.starts_with("00");
    if ok {
        Ok(name.to_owned())
    } else {
        Err(ErrorCode::UsernameInvalid)
    }
}

/// One `@` with a non-empty local part and a dotted domain; no spaces; at most 254 characters
/// (Unicode code points, as JSON Schema's `maxLength` counts).
/// (Deliverability is proven by the code that is mailed to it, not by a regular expression.)
pub fn validate_email(input: &str) -> Result<String, ErrorCode> {
    let email = input.trim();
    let Some((local, domain)) = email.rsplit_once('@') else { return Err(ErrorCode::EmailInvalid) };
    let domain_ok = domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && domain
            .split('.')
            .all(|label| !label.is_empty() && !label.starts_with('-') && !label.ends_with('-'));
    let ok = !local.is_empty()
        && !local.contains('@')
        && domain_ok
        && email.chars().count() <= EMAIL_MAX
        && !email.chars().any(|c| c.is_whitespace() || c.is_control());
    if ok {
        Ok(email.to_owned())
    } else {
        Err(ErrorCode::EmailInvalid)
    }
}

/// A phone number in international form → E.164 (`+` and 8–15 digits). Accepts `00` for `+` and the
/// usual separators: `+34 600-000-001`, `0034 (600) 000 001`.
pub fn normalize_phone(input: &str) -> Result<String, ErrorCode> {
    let input = input.trim();
    let rest = input.strip_prefix('+').or_else(|| input.strip_prefix("00")).ok_or(ErrorCode::PhoneInvalid)?;
    let mut digits = String::with_capacity(16);
    for c in rest.chars() {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '-' | '.' | '(' | ')' => {}
            _ => return Err(ErrorCode::PhoneInvalid),
        }
    }
    if !(8..=15).contains(&digits.len()) || digits.starts_with('0') {
        return Err(ErrorCode::PhoneInvalid);
    }
    Ok(format!("+{digits}"))
}

/// A pasted or typed code → its 8 digits. Spaces and dashes anywhere are dropped ("1234 5678",
/// "1234-5678"); anything else, or another number of digits, is `code_malformed`.
pub fn normalize_code(input: &str) -> Result<String, ErrorCode> {
    let digits: Option<String> = input
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '\u{a0}' | '\t'))
        .map(|c| crate::decimal_digits::digit_value(c).and_then(|value| char::from_digit(value, 10)))
        .collect();
    match digits {
        Some(digits) if digits.len() == CODE_DIGITS => Ok(digits),
        _ => Err(ErrorCode::CodeMalformed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_are_classified_by_their_form() {
        let email = parse_identifier("  demo@recupera.test ").unwrap();
        assert_eq!(email, Identifier { kind: IdentifierKind::Email, value: "demo@recupera.test".into() });
        let phone = parse_identifier("+34 600 000 001").unwrap();
        assert_eq!(phone, Identifier { kind: IdentifierKind::Phone, value: "+34600000001".into() });
        assert_eq!(parse_identifier("0034600000001").unwrap().value, "+34600000001");
        let name = parse_identifier("demo").unwrap();
        assert_eq!(name, Identifier { kind: IdentifierKind::Username, value: "demo".into() });
        for bad in ["", "   ", "a@b", "+34 abc", "no spaces allowed", "x"] {
            assert_eq!(parse_identifier(bad), Err(ErrorCode::IdentifierInvalid), "{bad:?}");
        }
    }

    #[test]
    fn user_names_follow_the_documented_rule() {
        for good in ["demo", "ana.garcia", "user_42", "x-y", "abc"] {
            assert!(validate_username(good).is_ok(), "{good}");
        }
        for bad in ["ab", "12345", ".dot", "ñandú", "a b", &"a".repeat(33)] {
            assert_eq!(validate_username(bad), Err(ErrorCode::UsernameInvalid), "{bad}");
        }
    }

    #[test]
    fn emails_need_a_local_part_and_a_dotted_domain() {
        for good in ["a@b.co", "ana+shop@correo.example.es"] {
            assert!(validate_email(good).is_ok(), "{good}");
        }
        for bad in ["a@b", "@b.co", "a@.co", "a@b..co", "a b@c.co", "a@b.co.", "a@-b.co"] {
            assert_eq!(validate_email(bad), Err(ErrorCode::EmailInvalid), "{bad}");
        }
    }

    #[test]
    fn phones_become_e164() {
        assert_eq!(normalize_phone("+34 (600) 000-001").unwrap(), "+34600000001");
        for bad in ["600000001", "+34", "+0034600000001", "+34 600 000 001 9999 9", "+34x600000001"] {
            assert_eq!(normalize_phone(bad), Err(ErrorCode::PhoneInvalid), "{bad}");
        }
    }

    #[test]
    fn codes_accept_spaces_and_dashes_as_pasted() {
        for pasted in ["12345678", "1234 5678", "1234-5678", " 1234 - 5678 ", "12 34 56 78"] {
            assert_eq!(normalize_code(pasted).unwrap(), "12345678", "{pasted:?}");
        }
        for bad in ["1234567", "123456789", "1234a678", "", "١٢٣٤٥٦٧", "1234½678", "1234²678"] {
            assert_eq!(normalize_code(bad), Err(ErrorCode::CodeMalformed), "{bad:?}");
        }
        // As a phone set to another script shows it: Arabic-Indic, Persian, Devanagari, fullwidth, mixed.
        for pasted in ["١٢٣٤ ٥٦٧٨", "۱۲۳۴-۵۶۷۸", "१२३४५६७८", "１２３４ ５６７８", "12٣٤ 5678"]
        {
            assert_eq!(normalize_code(pasted).unwrap(), "12345678", "{pasted:?}");
        }
    }
}
