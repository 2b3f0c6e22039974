//! How many segments an SMS text takes: 160 characters of the GSM-7 alphabet in one, or 70 UTF-16
//! units as soon as one character is outside it (UCS-2); longer texts are cut into parts of 153 or
//! 67, each paid for. The translators' check keeps every SMS in one.

use std::collections::BTreeMap;

use recupera_l10n::{LocaleFile, Piece};

/// GSM 03.38's basic alphabet (one septet each).
const GSM7_BASIC: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡\
                          ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
/// Its extension table: two septets each (an escape, then the character).
const GSM7_EXTENSION: &str = "^{}\\[~]|€\u{c}";

/// The encoding an SMS is sent in, with its length in that encoding's units and its segments.
#[derive(Debug, PartialEq, Eq)]
pub struct SmsLength {
    /// `None` for GSM-7; else the first character GSM-7 lacks (which makes it UCS-2).
    pub outside_gsm7: Option<char>,
    pub units: usize,
    pub segments: usize,
}

pub fn sms_length(text: &str) -> SmsLength {
    let septets: Option<usize> = text
        .chars()
        .map(|c| {
            if GSM7_BASIC.contains(c) {
                Some(1)
            } else if GSM7_EXTENSION.contains(c) {
                Some(2)
            } else {
                None
            }
        })
        .sum();
    let (outside_gsm7, units, single, part) = match septets {
        Some(septets) => (None, septets, 160, 153),
        None => (
            text.chars().find(|&c| !GSM7_BASIC.contains(c) && !GSM7_EXTENSION.contains(c)),
            text.encode_utf16().count(),
            70,
            67,
        ),
    };
    let segments = if units <= single { 1 } else { units.div_ceil(part) };
    SmsLength { outside_gsm7, units, segments }
}

/// The longest each variable of an SMS can be, written as the server writes it.
fn sample(variable: &str) -> &'static str {
    match variable {
        "code" => "1234 5678",
        // The code's lifetime in minutes: two digits at the defaults and any sensible setting.
        "minutes" => "10",
        _ => "xxxxxxxxxxxxxxxxxxxx",
    }
}

/// Every text `pieces` can become with the sample values, one per path through its choices.
fn renderings(pieces: &[Piece]) -> Vec<String> {
    let mut texts = vec![String::new()];
    for piece in pieces {
        texts = match piece {
            Piece::Text(text) => texts.into_iter().map(|t| t + text).collect(),
            Piece::Variable(name) => texts.into_iter().map(|t| t + sample(name)).collect(),
            Piece::Select { variants, .. } => texts
                .iter()
                .flat_map(|t| {
                    variants
                        .iter()
                        .flat_map(move |(_, v)| renderings(v).into_iter().map(move |r| format!("{t}{r}")))
                })
                .collect(),
        };
    }
    texts
}

/// A problem for each `sms-…` message of one locale's `files` that needs more than one segment.
pub fn check(files: &[LocaleFile], problems: &mut Vec<String>) {
    let compiled: BTreeMap<String, Vec<Piece>> = match recupera_l10n::compile(files) {
        Ok(compiled) => compiled,
        Err(problem) => return problems.push(problem.to_string()),
    };
    for file in files {
        for message in file.messages.iter().filter(|m| m.id.starts_with("sms-")) {
            let Some(pieces) = compiled.get(&message.id) else { continue };
            let Some((text, length)) = renderings(pieces)
                .into_iter()
                .map(|text| {
                    let length = sms_length(&text);
                    (text, length)
                })
                .max_by_key(|(_, length)| (length.segments, length.units))
            else {
                continue;
            };
            if length.segments > 1 {
                let encoding = match length.outside_gsm7 {
                    None => "GSM-7: at most 160 characters in one".to_owned(),
                    Some(c) => format!("UCS-2 because of {c:?}: at most 70 in one"),
                };
                problems.push(format!(
                    "{}:{}: message {} takes {} SMS segments ({} characters, {encoding}): {text:?}",
                    file.path.display(),
                    message.line,
                    message.id,
                    length.segments,
                    length.units,
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gsm7_texts_take_160_characters_a_segment_and_others_70() {
        let plain = sms_length(&"a".repeat(160));
        assert_eq!(plain, SmsLength { outside_gsm7: None, units: 160, segments: 1 });
        assert_eq!(sms_length(&"a".repeat(161)).segments, 2, "then parts of 153");
        assert_eq!(sms_length(&"a".repeat(307)).segments, 3);
        // ñ, é, ¿ are GSM-7; ó is not.
        assert_eq!(sms_length("¿Contraseña cambiada? é").outside_gsm7, None);
        let accented = sms_length(&format!("código{}", "a".repeat(64)));
        assert_eq!(accented, SmsLength { outside_gsm7: Some('ó'), units: 70, segments: 1 });
        assert_eq!(sms_length(&format!("código{}", "a".repeat(65))).segments, 2, "then parts of 67");
        // The extension table's characters take two septets.
        assert_eq!(sms_length(&"€".repeat(80)).units, 160);
        assert_eq!(sms_length(&"€".repeat(81)).segments, 2);
        // Curly quotes are not GSM-7.
        assert_eq!(sms_length("“x”").outside_gsm7, Some('“'));
    }

    #[test]
    fn every_choice_of_a_message_is_rendered_with_the_variables_at_their_longest() {
        let pieces = [
            Piece::Text("code ".into()),
            Piece::Variable("code".into()),
            Piece::Select {
                variable: "minutes".into(),
                variants: vec![
                    ("one".into(), vec![Piece::Text(" (1 min)".into())]),
                    (
                        "other".into(),
                        vec![
                            Piece::Text(" (".into()),
                            Piece::Variable("minutes".into()),
                            Piece::Text(" min)".into()),
                        ],
                    ),
                ],
                default: 1,
            },
        ];
        assert_eq!(renderings(&pieces), ["code 1234 5678 (1 min)", "code 1234 5678 (10 min)"]);
    }
}
