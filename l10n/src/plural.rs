//! Plural rules from CLDR (through `intl_pluralrules`), never written by hand: which categories a
//! language has, which one a number falls in, and whether a message's plural choices name exactly the
//! language's categories.
//!
//! A regional tag finds its own rule when CLDR has one (`pt-PT` differs from `pt`), else its
//! language's (`pt-BR` → `pt`, `es-MX` → `es`); the pseudo-locales (`en-XA`) are English.

use std::collections::BTreeSet;

use fluent_syntax::ast;
use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};

use crate::file::{LocaleFile, Problem};

/// The names CLDR gives plural categories, in its order.
pub const CATEGORY_NAMES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// CLDR's cardinal rule for `tag`: its own, else the one of its language; `None` when CLDR has none.
pub fn rules_for(tag: &str) -> Option<PluralRules> {
    let mut subtags: Vec<&str> = tag.split(['-', '_']).collect();
    while !subtags.is_empty() {
        if let Ok(langid) = subtags.join("-").parse::<unic_langid::LanguageIdentifier>() {
            if let Ok(rules) = PluralRules::create(langid, PluralRuleType::CARDINAL) {
                return Some(rules);
            }
        }
        subtags.pop();
    }
    None
}

/// The category of a whole number in `tag`'s language (`other` for a language CLDR does not know).
pub fn category(tag: &str, number: i64) -> &'static str {
    rules_for(tag).and_then(|rules| rules.select(number).ok()).map_or("other", name)
}

/// Every category of `tag`'s language (`["one", "few", "many", "other"]` for Polish), in CLDR's order.
///
/// `intl_pluralrules` selects but does not list, so the numbers that tell the categories apart are
/// tried: CLDR's rules look at the integer digits (up to millions: `i % 1000000`), the visible fraction
/// digits and their count, so whole numbers up to 1 000, whole millions and one- and two-digit
/// fractions reach every category.
pub fn categories(tag: &str) -> Option<Vec<&'static str>> {
    let rules = rules_for(tag)?;
    let mut found = BTreeSet::new();
    let mut note = |number: String| {
        if let Ok(category) = rules.select(number.as_str()) {
            found.insert(name(category));
        }
    };
    for whole in (0..=1000).chain((1..=5).map(|millions| millions * 1_000_000)) {
        note(whole.to_string());
    }
    for whole in 0..=110 {
        for fraction in ["0", "1", "2", "3", "5", "9", "00", "01", "10", "11", "12", "15", "20", "21"] {
            note(format!("{whole}.{fraction}"));
        }
    }
    Some(CATEGORY_NAMES.into_iter().filter(|category| found.contains(category)).collect())
}

fn name(category: PluralCategory) -> &'static str {
    match category {
        PluralCategory::ZERO => "zero",
        PluralCategory::ONE => "one",
        PluralCategory::TWO => "two",
        PluralCategory::FEW => "few",
        PluralCategory::MANY => "many",
        PluralCategory::OTHER => "other",
    }
}

/// Every plural choice in `files` (one language's, `tag`) that lacks one of the language's categories
/// or names one it does not have (`[few]` in Spanish), and a language CLDR has no rule for.
///
/// A choice is a plural one when one of its keys is a category name; keys that are numbers (`[0]`)
/// are exact matches, allowed in any language.
pub fn check(tag: &str, files: &[LocaleFile]) -> Vec<Problem> {
    let mut problems = Vec::new();
    let Some(expected) = categories(tag) else {
        let file =
            files.first().map(|file| file.path.clone()).unwrap_or_else(|| format!("locales/{tag}").into());
        problems.push(Problem {
            file,
            line: 1,
            text: format!("CLDR has no plural rule for the language `{tag}`: is the folder named after a language tag (`pt-BR`, `pl`)?"),
        });
        return problems;
    };
    for file in files {
        for message in &file.messages {
            let mut choices = Vec::new();
            if let Some(value) = &message.value {
                plural_choices(value, &mut choices);
            }
            for keys in choices {
                let missing: Vec<&str> = expected.iter().copied().filter(|c| !keys.contains(*c)).collect();
                let unknown: Vec<&str> =
                    keys.iter().map(String::as_str).filter(|k| !expected.contains(k)).collect();
                let mut say = |text: String| {
                    problems.push(Problem { file: file.path.clone(), line: message.line, text })
                };
                if !missing.is_empty() {
                    say(format!(
                        "message {} has no variant for the plural categor{} {} of `{tag}` (it has {})",
                        message.id,
                        if missing.len() == 1 { "y" } else { "ies" },
                        bracketed(&missing),
                        bracketed(&expected)
                    ));
                }
                if !unknown.is_empty() {
                    say(format!(
                        "message {} has the variant{} {} that `{tag}` has no plural category for (it has {})",
                        message.id,
                        if unknown.len() == 1 { "" } else { "s" },
                        bracketed(&unknown),
                        bracketed(&expected)
                    ));
                }
            }
        }
    }
    problems
}

fn bracketed(keys: &[&str]) -> String {
    keys.iter().map(|key| format!("[{key}]")).collect::<Vec<_>>().join(" ")
}

/// The category keys of every plural choice in `pattern`, nested ones too.
fn plural_choices(pattern: &ast::Pattern<String>, found: &mut Vec<BTreeSet<String>>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            in_expression(expression, found);
        }
    }
}

fn in_expression(expression: &ast::Expression<String>, found: &mut Vec<BTreeSet<String>>) {
    match expression {
        ast::Expression::Inline(ast::InlineExpression::Placeable { expression }) => {
            in_expression(expression, found)
        }
        ast::Expression::Inline(_) => {}
        ast::Expression::Select { variants, .. } => {
            let keys: BTreeSet<String> = variants
                .iter()
                .filter_map(|variant| match &variant.key {
                    ast::VariantKey::Identifier { name } => Some(name.clone()),
                    ast::VariantKey::NumberLiteral { .. } => None,
                })
                .collect();
            if keys.iter().any(|key| CATEGORY_NAMES.contains(&key.as_str())) {
                found.push(keys);
            }
            for variant in variants {
                plural_choices(&variant.value, found);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn categories_come_from_cldr_for_regions_and_pseudo_locales_too() {
        assert_eq!(categories("en").unwrap(), ["one", "other"]);
        assert_eq!(categories("en-XA").unwrap(), ["one", "other"]);
        assert_eq!(categories("pl").unwrap(), ["one", "few", "many", "other"]);
        assert_eq!(categories("ar").unwrap(), ["zero", "one", "two", "few", "many", "other"]);
        assert_eq!(categories("pt-BR").unwrap(), ["one", "other"]);
        assert!(categories("xx").is_none());
    }

    #[test]
    fn a_number_falls_in_its_languages_category() {
        assert_eq!(category("en", 1), "one");
        assert_eq!(category("en", 0), "other");
        assert_eq!(category("es", 1), "one");
        // Brazilian Portuguese counts zero as one ("0 tentativa"); Portugal's does not.
        assert_eq!(category("pt-BR", 0), "one");
        assert_eq!(category("pt-PT", 0), "other");
        assert_eq!(category("pl", 3), "few");
        assert_eq!(category("pl", 5), "many");
        assert_eq!(category("pl", 22), "few");
    }

    fn parsed(text: &str) -> LocaleFile {
        crate::parse_file(Path::new("locales/pl/a.ftl"), text.as_bytes()).0
    }

    #[test]
    fn missing_and_unknown_categories_are_named_with_their_line() {
        let ok = parsed("# x\nm = { $n ->\n    [0] none\n    [one] one\n    [few] few\n    [many] many\n   *[other] other\n}\n");
        assert_eq!(check("pl", &[ok]), []);

        let short = parsed("# x\n\nm = { $n ->\n    [one] one\n   *[other] other\n}\n");
        let problems: Vec<String> = check("pl", &[short]).iter().map(ToString::to_string).collect();
        assert_eq!(
            problems,
            ["locales/pl/a.ftl:3: message m has no variant for the plural categories [few] [many] of `pl` (it has [one] [few] [many] [other])"]
        );

        let nested = parsed("# x\nm = { $a ->\n    [one] { $b ->\n        [one] x\n        [few] y\n       *[other] z\n    }\n   *[other] w\n}\n");
        let problems: Vec<String> = check("en", &[nested]).iter().map(ToString::to_string).collect();
        assert_eq!(
            problems,
            ["locales/pl/a.ftl:2: message m has the variant [few] that `en` has no plural category for (it has [one] [other])"]
        );

        // A choice on a word, not a number, is not a plural one.
        let words = parsed("# x\nm = { $method ->\n    [email] mail\n   *[sms] text\n}\n");
        assert_eq!(check("pl", &[words]), []);
    }

    #[test]
    fn a_folder_that_is_no_language_is_named() {
        let problems = check("espanol", &[parsed("# x\nm = y\n")]);
        assert!(
            problems[0].text.contains("CLDR has no plural rule for the language `espanol`"),
            "{problems:?}"
        );
    }
}
