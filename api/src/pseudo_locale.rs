//! The pseudo-locales, English made to look foreign for developers and translators: `en-XA`
//! (accented and longer) and `en-XB` (right to left).
//!
//! `?lang=en-XA` shows every text accented (`Enter` → `[Éñţééŕ]`), about 40 % longer (vowels doubled)
//! and bracketed, so a text that is not localized stays plain English and stands out, a text that is
//! cut or overflows shows its missing bracket, and a layout too tight for longer languages breaks at
//! a glance. Fluent applies the transform to the literal text of each message only, never to the
//! variables, so numbers and codes stay readable.
//!
//! `?lang=en-XB` shows English mirrored: the page is laid out right to left (`<html dir="rtl">`) and
//! each word is wrapped in right-to-left marks and overrides, so it reads backwards, the words in
//! right-to-left order, as an Arabic or Hebrew reader's page would flow. A margin, an arrow or an
//! alignment that stays on the left is a physical CSS property where a logical one belongs.
//!
//! Browser and server share this one function (the server uses it for pseudo-localized mail). It is
//! not the `fluent-pseudo` crate because that crate pulls in `regex`, which would add about 100 KB
//! to the browser bundle for a development-only language.

use std::borrow::Cow;

/// The tag of the accented pseudo-locale. Its folder `locales/en-XA` links to `locales/en`.
pub const PSEUDO_LOCALE: &str = "en-XA";
/// The tag of the right-to-left pseudo-locale. Its folder `locales/en-XB` links to `locales/en`.
pub const RIGHT_TO_LEFT_PSEUDO_LOCALE: &str = "en-XB";

/// True for a pseudo-locale's tag, whatever its case.
pub fn is_pseudo_locale(tag: &str) -> bool {
    tag.eq_ignore_ascii_case(PSEUDO_LOCALE) || tag.eq_ignore_ascii_case(RIGHT_TO_LEFT_PSEUDO_LOCALE)
}

/// How the pseudo-locale `tag` transforms a piece of text; `None` for a real language.
pub fn transform_for(tag: &str) -> Option<fn(&str) -> Cow<'_, str>> {
    if tag.eq_ignore_ascii_case(RIGHT_TO_LEFT_PSEUDO_LOCALE) {
        Some(mirror)
    } else if tag.eq_ignore_ascii_case(PSEUDO_LOCALE) {
        Some(pseudo_localize)
    } else {
        None
    }
}

/// One piece of text for `en-XB`: each word between a right-to-left mark and override (U+200F
/// U+202E) and their end (U+202C U+200F), so it shows mirrored and the words run right to left.
pub fn mirror(text: &str) -> Cow<'_, str> {
    if text.trim().is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16 * text.split_whitespace().count());
    let mut in_word = false;
    for c in text.chars() {
        match (c.is_whitespace(), in_word) {
            (false, false) => {
                out.push_str("\u{200F}\u{202E}");
                in_word = true;
            }
            (true, true) => {
                out.push_str("\u{202C}\u{200F}");
                in_word = false;
            }
            _ => {}
        }
        out.push(c);
    }
    if in_word {
        out.push_str("\u{202C}\u{200F}");
    }
    Cow::Owned(out)
}

/// One piece of a message's text, pseudo-localized. Whitespace-only pieces (between two variables)
/// stay as they are.
pub fn pseudo_localize(text: &str) -> Cow<'_, str> {
    if text.trim().is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() * 2 + 2);
    out.push('[');
    for c in text.chars() {
        let accented = accented(c);
        out.push(accented);
        if matches!(c, 'a' | 'e' | 'i' | 'o' | 'u') {
            out.push(accented);
        }
    }
    out.push(']');
    Cow::Owned(out)
}

/// An accented look-alike of an ASCII letter; anything else unchanged.
fn accented(c: char) -> char {
    const LOWER: [char; 26] = [
        'á', 'ƀ', 'ç', 'ḓ', 'é', 'ƒ', 'ğ', 'ĥ', 'í', 'ĵ', 'ķ', 'ĺ', 'ḿ', 'ñ', 'ó', 'þ', 'ǫ', 'ŕ', 'š', 'ţ',
        'ú', 'ṽ', 'ŵ', 'ẋ', 'ý', 'ž',
    ];
    const UPPER: [char; 26] = [
        'Á', 'Ɓ', 'Ç', 'Ḓ', 'É', 'Ƒ', 'Ğ', 'Ĥ', 'Í', 'Ĵ', 'Ķ', 'Ĺ', 'Ḿ', 'Ñ', 'Ó', 'Þ', 'Ǫ', 'Ŕ', 'Š', 'Ţ',
        'Ú', 'Ṽ', 'Ŵ', 'Ẋ', 'Ý', 'Ž',
    ];
    match c {
        'a'..='z' => LOWER[(c as u8 - b'a') as usize],
        'A'..='Z' => UPPER[(c as u8 - b'A') as usize],
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_lengthens_and_brackets_text() {
        assert_eq!(pseudo_localize("Enter the code"), "[Éñţééŕ ţĥéé çóóḓéé]");
    }

    #[test]
    fn keeps_digits_punctuation_and_non_ascii_letters() {
        assert_eq!(pseudo_localize("Step 2: ¿ñ?"), "[Šţééþ 2: ¿ñ?]");
    }

    #[test]
    fn leaves_whitespace_between_variables_alone() {
        assert_eq!(pseudo_localize(" "), " ");
        assert_eq!(pseudo_localize(""), "");
    }

    #[test]
    fn is_about_forty_percent_longer_on_english_prose() {
        let text = "We sent a verification code to the address you gave. It works for fifteen minutes.";
        let longer = pseudo_localize(text).chars().count() as f64 / text.chars().count() as f64;
        assert!((1.3..1.6).contains(&longer), "{longer}");
    }

    #[test]
    fn recognises_its_tag_in_any_case() {
        assert!(is_pseudo_locale("en-XA"));
        assert!(is_pseudo_locale("en-xa"));
        assert!(is_pseudo_locale("en-XB"));
        assert!(!is_pseudo_locale("en"));
        assert!(transform_for("en").is_none());
    }

    #[test]
    fn the_right_to_left_one_wraps_each_word_in_overrides_and_keeps_the_spaces() {
        let mirror = transform_for("en-xb").unwrap();
        assert_eq!(
            mirror("Send it "),
            "\u{200F}\u{202E}Send\u{202C}\u{200F} \u{200F}\u{202E}it\u{202C}\u{200F} "
        );
        assert_eq!(mirror(" "), " ");
        let shown: String = mirror("Enter the code")
            .chars()
            .filter(|c| !matches!(c, '\u{200F}' | '\u{202E}' | '\u{202C}'))
            .collect();
        assert_eq!(shown, "Enter the code", "only marks are added");
    }
}
