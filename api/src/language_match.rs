//! Which of the languages we have answers a requested language tag. The app uses it for `?lang=` and
//! the browser's languages, the server for the language a flow's messages are written in: one rule.

use crate::pseudo_locale::is_pseudo_locale;

/// The tag of `available` that answers `requested`: the same tag (whatever its case), else the
/// shortest with the same primary language (`es-MX` → `es`, before a regional `es-419`). Never the
/// pseudo-locale unless it was asked for by its own tag.
pub fn best_match<'a, I>(requested: &str, available: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
    I::IntoIter: Clone,
{
    let available = available.into_iter();
    if let Some(exact) = available.clone().find(|tag| tag.eq_ignore_ascii_case(requested)) {
        return Some(exact);
    }
    let wanted = primary_language(requested);
    available
        .filter(|tag| !is_pseudo_locale(tag) && primary_language(tag) == wanted)
        .min_by_key(|tag| (tag.len(), *tag))
}

/// The direction a language is written in: `"rtl"` for the scripts written right to left (Arabic,
/// Hebrew, Persian, Urdu and their neighbours, or a tag that names such a script), else `"ltr"`.
pub fn direction(tag: &str) -> &'static str {
    const RIGHT_TO_LEFT: &[&str] =
        &["ar", "arc", "ckb", "dv", "fa", "he", "ks", "ps", "sd", "syr", "ug", "ur", "yi"];
    const RIGHT_TO_LEFT_SCRIPTS: &[&str] = &["arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg"];
    if tag.eq_ignore_ascii_case(crate::pseudo_locale::RIGHT_TO_LEFT_PSEUDO_LOCALE) {
        return "rtl";
    }
    let subtags: Vec<String> = tag.split(['-', '_']).map(str::to_ascii_lowercase).collect();
    let script = subtags.iter().skip(1).find(|subtag| subtag.len() == 4);
    let rtl = match script {
        Some(script) => RIGHT_TO_LEFT_SCRIPTS.contains(&script.as_str()),
        None => RIGHT_TO_LEFT.contains(&primary_language(tag).as_str()),
    };
    if rtl {
        "rtl"
    } else {
        "ltr"
    }
}

fn primary_language(tag: &str) -> String {
    tag.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn right_to_left_languages_and_scripts_are_told_apart() {
        for (tag, dir) in [
            ("es", "ltr"),
            ("en-XA", "ltr"),
            ("en-XB", "rtl"),
            ("ar", "rtl"),
            ("he-IL", "rtl"),
            ("fa", "rtl"),
            ("ur_PK", "rtl"),
            ("pa-Arab", "rtl"),
            ("az-Latn", "ltr"),
            ("ku-Arab-IQ", "rtl"),
            ("pt-BR", "ltr"),
        ] {
            assert_eq!(direction(tag), dir, "{tag}");
        }
    }

    const OURS: [&str; 3] = ["es", "en-XA", "en"];

    #[test]
    fn the_exact_tag_wins_then_the_plainest_of_the_same_language() {
        assert_eq!(best_match("EN", OURS), Some("en"));
        assert_eq!(best_match("es-MX", OURS), Some("es"));
        assert_eq!(best_match("es_ES", OURS), Some("es"));
        assert_eq!(best_match("es-MX", ["es-419", "es", "es-ES"]), Some("es"));
        assert_eq!(best_match("fr", OURS), None);
    }

    #[test]
    fn the_pseudo_locale_only_when_asked_for_by_name() {
        assert_eq!(best_match("en-xa", OURS), Some("en-XA"));
        assert_eq!(best_match("en-GB", OURS), Some("en"));
        assert_eq!(best_match("en-GB", ["en-XA"]), None);
    }
}
