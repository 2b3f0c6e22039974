//! The texts of `locales/`, compiled into the app by `build.rs`, and the one function that formats them.
//!
//! Formatting follows Fluent's rules for what the locale files use: text, `{ $variable }`, terms and
//! message references (put in place at build time) and selectors on a variable (`[one]`, `*[other]`,
//! or an exact number such as `[0]`). A text without a message shows its id; a missing variable shows
//! as `{$name}`, as Fluent does.

use std::fmt::Write as _;

use recupera_api::{language_match, pseudo_locale::pseudo_localize};

/// One piece of a message's text.
#[derive(Debug)]
pub enum Piece {
    /// Text shown as written.
    Text(&'static str),
    /// The value of a variable.
    Variable(&'static str),
    /// The variant whose key matches the variable (an exact number, else its plural category), else the
    /// default one.
    Select { variable: &'static str, variants: &'static [(&'static str, &'static [Piece])], default: usize },
}

/// One language of `locales/`.
#[derive(Debug)]
pub struct Language {
    /// The language tag (`es`), as in `<html lang>` and the folder's name.
    pub id: &'static str,
    /// The language's name in itself (`Español`), from its `language-name` message.
    pub name: &'static str,
    /// Whether this is the pseudo-locale: its texts are shown through `pseudo_localize`.
    pub pseudo: bool,
    plural_category: fn(u64) -> &'static str,
    /// Sorted by id.
    messages: &'static [(&'static str, &'static [Piece])],
}

impl PartialEq for Language {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

include!(concat!(env!("OUT_DIR"), "/catalog.rs"));

/// A variable's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Text(String),
    Number(i64),
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg::Text(text)
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Arg::Text(text.to_owned())
    }
}

macro_rules! number_args {
    ($($number:ty),*) => {$(
        impl From<$number> for Arg {
            fn from(number: $number) -> Self {
                Arg::Number(i64::try_from(number).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_args!(u8, u16, u32, u64, usize, i8, i16, i32, i64);

impl Language {
    /// The text of message `id` with `args` in place.
    pub fn format(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let mut text = String::new();
        match self.messages.binary_search_by(|(key, _)| (*key).cmp(id)) {
            Ok(index) => self.write(self.messages[index].1, args, &mut text),
            Err(_) => text.push_str(id),
        }
        text
    }

    fn write(&self, pieces: &[Piece], args: &[(&str, Arg)], out: &mut String) {
        for piece in pieces {
            match piece {
                Piece::Text(text) if self.pseudo => out.push_str(&pseudo_localize(text)),
                Piece::Text(text) => out.push_str(text),
                Piece::Variable(name) => match value_of(args, name) {
                    Some(Arg::Text(text)) => out.push_str(text),
                    Some(Arg::Number(number)) => {
                        let _ = write!(out, "{number}");
                    }
                    None => {
                        let _ = write!(out, "{{${name}}}");
                    }
                },
                Piece::Select { variable, variants, default } => {
                    let chosen = value_of(args, variable)
                        .and_then(|value| variants.iter().position(|(key, _)| self.matches(key, value)))
                        .unwrap_or(*default);
                    self.write(variants[chosen].1, args, out);
                }
            }
        }
    }

    fn matches(&self, key: &str, value: &Arg) -> bool {
        match value {
            Arg::Text(text) => key == text,
            Arg::Number(number) => {
                key.parse::<i64>().ok() == Some(*number)
                    || key == (self.plural_category)(number.unsigned_abs())
            }
        }
    }
}

fn value_of<'a>(args: &'a [(&str, Arg)], name: &str) -> Option<&'a Arg> {
    args.iter().find(|(key, _)| *key == name).map(|(_, value)| value)
}

/// English (CLDR): *one* for 1, *other* for every other whole number.
fn plural_category_en(number: u64) -> &'static str {
    if number == 1 {
        "one"
    } else {
        "other"
    }
}

/// Spanish (CLDR): *one* for 1, *many* for whole millions (1 000 000, 2 000 000 …), else *other*.
fn plural_category_es(number: u64) -> &'static str {
    match number {
        1 => "one",
        n if n != 0 && n % 1_000_000 == 0 => "many",
        _ => "other",
    }
}

/// The language with exactly this tag (ignoring case).
pub fn language(tag: &str) -> Option<&'static Language> {
    LANGUAGES.iter().find(|language| language.id.eq_ignore_ascii_case(tag))
}

/// The best language for a tag a browser or a person gave (`recupera_api::language_match`): the exact
/// one, else one with the same primary language (`es-MX` → `es`); never the pseudo-locale by accident.
pub fn best_match(tag: &str) -> Option<&'static Language> {
    language_match::best_match(tag, LANGUAGES.iter().map(|language| language.id)).and_then(language)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en() -> &'static Language {
        language("en").unwrap()
    }

    fn es() -> &'static Language {
        language("es").unwrap()
    }

    #[test]
    fn every_language_of_locales_is_compiled_in_sorted_and_the_same_messages() {
        let tags: Vec<_> = LANGUAGES.iter().map(|language| language.id).collect();
        assert_eq!(tags, ["en", "en-XA", "es"]);
        for language in LANGUAGES {
            assert!(
                language.messages.windows(2).all(|pair| pair[0].0 < pair[1].0),
                "{} unsorted",
                language.id
            );
            let ids: Vec<_> = language.messages.iter().map(|(id, _)| *id).collect();
            let source: Vec<_> = en().messages.iter().map(|(id, _)| *id).collect();
            assert_eq!(ids, source, "{} has other messages than en", language.id);
        }
    }

    #[test]
    fn plain_text_terms_and_variables_are_put_in_place() {
        assert_eq!(en().format("header-sign-in", &[]), "Sign in");
        assert_eq!(es().format("header-sign-in", &[]), "Iniciar sesión");
        assert_eq!(es().format("header-brand", &[]), "Recupera");
        assert_eq!(es().format("page-title", &[("page", "Volver".into())]), "Volver — Recupera");
        assert_eq!(es().format("page-title", &[]), "{$page} — Recupera");
        assert_eq!(es().format("no-such-message", &[]), "no-such-message");
    }

    #[test]
    fn plurals_follow_each_languages_rules() {
        let attempts =
            |language: &Language, n: i64| language.format("error-code-invalid", &[("attempts", n.into())]);
        assert!(attempts(es(), 1).ends_with("Te queda 1 intento."), "{}", attempts(es(), 1));
        assert!(attempts(es(), 4).ends_with("4 intentos."), "{}", attempts(es(), 4));
        assert!(attempts(en(), 1).ends_with("You have 1 try left."), "{}", attempts(en(), 1));
        assert_eq!(plural_category_es(2_000_000), "many");
        assert_eq!(plural_category_es(0), "other");
        assert_eq!(plural_category_en(0), "other");
    }

    #[test]
    fn the_pseudo_locale_transforms_texts_but_not_variables() {
        let pseudo = language("en-XA").unwrap();
        assert!(pseudo.pseudo);
        let title = pseudo.format("page-title", &[("page", "Step".into())]);
        assert!(title.starts_with("Step"), "{title}");
        assert!(!title.contains("Recupera"), "{title}");
        assert_ne!(pseudo.format("header-sign-in", &[]), "Sign in");
    }

    #[test]
    fn browser_tags_find_their_language_but_never_the_pseudo_locale_by_accident() {
        assert_eq!(best_match("es-MX").unwrap().id, "es");
        assert_eq!(best_match("EN-gb").unwrap().id, "en");
        assert_eq!(best_match("en-XA").unwrap().id, "en-XA");
        assert_eq!(best_match("en-US").unwrap().id, "en");
        assert!(best_match("fr").is_none());
    }
}
