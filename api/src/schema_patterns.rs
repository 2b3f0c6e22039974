//! The validation rules of `validation`, written as the regular expressions the API document gives
//! its request fields (JSON Schema `pattern`), so a generated client or a contract tester (schemathesis)
//! knows exactly which values the server takes. The tests below hold each pattern to its validator:
//! a value matches if and only if the validator accepts it.
//!
//! Written in the regex syntax ECMA-262, Python and Rust's `fancy-regex` share: `\uHHHH` escapes,
//! lookaheads, and an end of input written `(?![\s\S])` (Python's `$` would also match before a last
//! line break). Validators trim surrounding whitespace, so patterns allow it.

use crate::validation::{CODE_DIGITS, EMAIL_MAX, USERNAME_MAX, USERNAME_MIN};

/// Unicode `White_Space`, what Rust's `trim` removes.
const SPACE: &str = r"[\t\n\x0B\f\r \x85\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]";
/// Whitespace or a control character: never inside an email.
const SPACE_OR_CONTROL: &str =
    r"\t\n\x0B\f\r \x00-\x1F\x7F-\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000";
const END: &str = r"(?![\s\S])";

fn padded(inner: &str) -> String {
    format!("^{SPACE}*(?:{inner}){SPACE}*{END}")
}

/// Where the trimmed value ends: only whitespace from here on.
fn trimmed_end() -> String {
    format!("{SPACE}*{END}")
}

fn username() -> String {
    let rest = USERNAME_MIN - 1;
    let most = USERNAME_MAX - 1;
    // Not only digits, and not starting with 00: both read as phone numbers.
    format!("(?![0-9]+{end})(?!00)[A-Za-z0-9][A-Za-z0-9._-]{{{rest},{most}}}", end = trimmed_end())
}

fn email() -> String {
    let c = SPACE_OR_CONTROL;
    let label = format!("[^-.@{c}](?:[^.@{c}]*[^-.@{c}])?");
    format!("(?=[^{c}]{{1,{EMAIL_MAX}}}{end})[^@{c}]+@{label}(?:\\.{label})+", end = trimmed_end())
}

fn phone() -> String {
    let separators = r"[ .()-]*";
    // `+` or `00`, then 8–15 digits, the first not 0, with the usual separators between them.
    format!(r"(?:\+|00){separators}[1-9](?:{separators}[0-9]){{7,14}}{separators}")
}

/// `validation::validate_username`.
pub fn username_pattern() -> String {
    padded(&username())
}

/// `validation::validate_email`.
pub fn email_pattern() -> String {
    padded(&email())
}

/// `validation::normalize_phone`.
pub fn phone_pattern() -> String {
    padded(&phone())
}

/// The sign-up's phone: a phone number, or nothing but whitespace (no phone).
pub fn optional_phone_pattern() -> String {
    padded(&format!("{}|", phone()))
}

/// `validation::parse_identifier`: an email, a phone number or a user name.
pub fn identifier_pattern() -> String {
    padded(&format!("{}|{}|{}", email(), phone(), username()))
}

/// `validation::normalize_code`: 8 decimal digits of any script, with spaces, tabs, no-break spaces or
/// dashes anywhere.
pub fn code_pattern() -> String {
    let separators = r"[ \t\xA0-]*";
    let digit = crate::decimal_digits::character_class();
    format!("^{separators}(?:{digit}{separators}){{{CODE_DIGITS}}}{END}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validation::{
        normalize_code, normalize_phone, parse_identifier, validate_email, validate_username,
    };

    /// Values near every rule's edges, and many more built from them.
    fn samples() -> Vec<String> {
        let seeds = [
            "",
            " ",
            "demo",
            "de",
            "d",
            "dem",
            "Demo.User_1-x",
            "123",
            "1234abc",
            "00ab",
            "0ab",
            "a00",
            "-ab",
            ".ab",
            "ab-",
            "ab@",
            "@ab",
            "a@b",
            "a@b.c",
            "a@b.c.",
            "a@.b.c",
            "a@b..c",
            "a@-b.c",
            "a@b-.c",
            "a@b.-c",
            "a b@c.d",
            "a@@b.c",
            "a\u{7f}@b.c",
            "ñandú@correo.es",
            "ana@xn--bcher-kva.example",
            "+34600000001",
            "+34 600 000 001",
            "0034600000001",
            "+0034600",
            "+3460000",
            "+346000000",
            "+34 (600) 000-001.",
            "0034 (600)",
            "+1234567890123456",
            "+123456789012345",
            "00 1 2 3 4 5 6 7 8",
            "+ 1234567",
            "+12a45678",
            "12345678",
            "1234 5678",
            "1234-5678",
            "1234\u{a0}5678",
            "١٢٣٤ ٥٦٧٨",
            "１２３４５６７８",
            "१२३४५६७८",
            "1234½678",
            "123４5678",
            "\t1234 5678 ",
            "123456789",
            "1234567",
            "12345678\n",
            "١٢٣٤٥٦٧٨",
            "abcdefghijabcdefghijabcdefghijab",
            "abcdefghijabcdefghijabcdefghijabc",
            "a\u{3000}",
            "\u{2028}demo",
            "demo\u{85}",
            "de\u{1c}mo",
            "de\u{a0}mo",
        ];
        let pads = ["", " ", "\t", "\n", "\u{3000}", "\u{1c}", "\u{feff}", "\u{200b}"];
        let mut all = Vec::new();
        for seed in seeds {
            for (before, after) in pads.iter().flat_map(|b| pads.iter().map(move |a| (*b, *a))) {
                all.push(format!("{before}{seed}{after}"));
            }
        }
        let long_local = "a".repeat(EMAIL_MAX - 6);
        all.extend([
            format!("{long_local}@b.cd"),
            format!("{long_local}x@b.cd"),
            format!("{long_local}xy@b.cd"),
        ]);
        all
    }

    fn holds(pattern: &str, accepts: impl Fn(&str) -> bool) {
        let regex = fancy_regex::Regex::new(pattern).unwrap();
        for sample in samples() {
            let matched = regex.is_match(&sample).unwrap();
            assert_eq!(matched, accepts(&sample), "{pattern}\nsample {sample:?}");
        }
    }

    #[test]
    fn each_pattern_matches_exactly_what_its_validator_accepts() {
        holds(&username_pattern(), |s| validate_username(s).is_ok());
        holds(&email_pattern(), |s| validate_email(s).is_ok());
        holds(&phone_pattern(), |s| normalize_phone(s).is_ok());
        holds(&identifier_pattern(), |s| parse_identifier(s).is_ok());
        holds(&code_pattern(), |s| normalize_code(s).is_ok());
    }
}
