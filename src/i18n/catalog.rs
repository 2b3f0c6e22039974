//! The texts of `locales/`, compiled into the app by `build.rs`, and the one function that formats them.
//!
//! Formatting follows Fluent's rules for what the locale files use: text, `{ $variable }`, terms and
//! message references (put in place at build time) and selectors on a variable (`[one]`, `*[other]`,
//! or an exact number such as `[0]`; categories are CLDR's, through `plural`). A text without a message shows its id; a missing variable shows
//! as `{$name}`, as Fluent does.

use std::fmt::Write as _;

use recupera_api::{language_match, pseudo_locale};

use super::plural;

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
    /// Whether this is a pseudo-locale: its texts are shown through `pseudo_locale::transform_for`.
    pub pseudo: bool,
    /// In the order of `MESSAGE_IDS`.
    messages: &'static [&'static [Piece]],
}

impl PartialEq for Language {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

include!(concat!(env!("OUT_DIR"), "/catalog.rs"));
include!(concat!(env!("OUT_DIR"), "/message_index.rs"));
#[doc(hidden)]
pub(crate) use message_index;

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
    /// The text of message `id` with `args` in place (its id when there is none such). The app's
    /// own calls go through `format_message` with the index `message_index!` found at compile time.
    pub fn format(&self, id: &str, args: &[(&str, Arg)]) -> String {
        match MESSAGE_IDS.binary_search(&id) {
            Ok(index) => self.format_message(index, args),
            Err(_) => id.to_owned(),
        }
    }

    /// The text of message number `index` (`message_index!("id")`) with `args` in place.
    pub fn format_message(&self, index: usize, args: &[(&str, Arg)]) -> String {
        let mut text = String::new();
        if let Some(pieces) = self.messages.get(index) {
            self.write(pieces, args, &mut text);
        }
        text
    }

    fn write(&self, pieces: &[Piece], args: &[(&str, Arg)], out: &mut String) {
        for piece in pieces {
            match piece {
                Piece::Text(text) if self.pseudo => match pseudo_locale::transform_for(self.id) {
                    Some(transform) => out.push_str(&transform(text)),
                    None => out.push_str(text),
                },
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
                key.parse::<i64>().ok() == Some(*number) || *key == plural::category(self.id, *number)
            }
        }
    }
}

fn value_of<'a>(args: &'a [(&str, Arg)], name: &str) -> Option<&'a Arg> {
    args.iter().find(|(key, _)| *key == name).map(|(_, value)| value)
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
        // The folders of locales/ are the one list of languages: nothing else names them.
        let mut folders: Vec<String> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/locales"))
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.is_dir())
            .map(|path| path.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        folders.sort();
        assert_eq!(tags, folders);
        assert!(tags.contains(&"pt-BR") && tags.contains(&"en-XA"), "{tags:?}");
        assert!(MESSAGE_IDS.windows(2).all(|pair| pair[0] < pair[1]), "ids unsorted");
        for language in LANGUAGES {
            assert_eq!(language.messages.len(), MESSAGE_IDS.len(), "{}", language.id);
        }
        assert_eq!(en().format_message(message_index!("header-sign-in"), &[]), "Sign in");
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
        assert!(attempts(en(), 2).ends_with("You have 2 tries left."), "{}", attempts(en(), 2));
        let portuguese = language("pt-BR").unwrap();
        let hours = |n: i64| portuguese.format("error-send-limit-reached", &[("hours", n.into())]);
        assert!(hours(1).ends_with("em 1 hora."), "{}", hours(1));
        assert!(hours(3).ends_with("em 3 horas."), "{}", hours(3));
        // An exact number's variant comes before the category's.
        assert!(attempts(en(), 0).ends_with("No tries left."), "{}", attempts(en(), 0));
    }

    /// Whatever languages `locales/` holds: each plural variant a translator wrote is the one shown for
    /// some whole number (Polish `[few]` for 2, `[many]` for 5), so the browser's CLDR rules and the
    /// categories the build checked agree. Only the default may be for fractions alone.
    #[test]
    fn every_plural_variant_of_every_language_is_chosen_for_some_number() {
        fn choices<'a>(pieces: &'a [Piece], out: &mut Vec<&'a Piece>) {
            for piece in pieces {
                if let Piece::Select { variants, .. } = piece {
                    out.push(piece);
                    for (_, pattern) in variants.iter() {
                        choices(pattern, out);
                    }
                }
            }
        }
        for language in LANGUAGES {
            let categories: Vec<String> = (0..=1000).map(|n| plural::category(language.id, n)).collect();
            for (id, pieces) in MESSAGE_IDS.iter().zip(language.messages) {
                let mut found = Vec::new();
                choices(pieces, &mut found);
                for piece in found {
                    let Piece::Select { variants, default, .. } = piece else { continue };
                    for (index, (key, _)) in variants.iter().enumerate() {
                        if index == *default || key.parse::<i64>().is_ok() {
                            continue;
                        }
                        assert!(
                            categories.iter().any(|category| category == key),
                            "{}: {id}: no whole number is [{key}] in this language",
                            language.id
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn the_pseudo_locale_transforms_texts_but_not_variables() {
        let pseudo = language("en-XA").unwrap();
        assert!(pseudo.pseudo);
        let title = pseudo.format("page-title", &[("page", "Step".into())]);
        assert!(title.starts_with("Step"), "{title}");
        assert!(!title.contains("Recupera"), "{title}");
        assert_ne!(pseudo.format("header-sign-in", &[]), "Sign in");
        let mirrored = language("en-XB").unwrap();
        assert!(mirrored.pseudo);
        assert_eq!(
            mirrored.format("page-title", &[("page", "Step".into())]),
            "Step \u{200F}\u{202E}—\u{202C}\u{200F} \u{200F}\u{202E}Recupera\u{202C}\u{200F}"
        );
    }

    #[test]
    fn browser_tags_find_their_language_but_never_the_pseudo_locale_by_accident() {
        assert_eq!(best_match("es-MX").unwrap().id, "es");
        assert_eq!(best_match("EN-gb").unwrap().id, "en");
        assert_eq!(best_match("en-XA").unwrap().id, "en-XA");
        assert_eq!(best_match("en-US").unwrap().id, "en");
        // Portugal's Portuguese reads Brazil's better than English.
        assert_eq!(best_match("pt-PT").unwrap().id, "pt-BR");
        assert_eq!(best_match("pt").unwrap().id, "pt-BR");
        assert!(best_match("fr").is_none());
    }
}
