//! The texts of mail and SMS, from the same `locales/` files as the app, in the person's language.
//!
//! A message `template` has, per channel, Fluent messages `mail-<template>-subject` and
//! `mail-<template>-body`, or `sms-<template>`.

use std::collections::HashMap;

use fluent_templates::{fluent_bundle::FluentValue, static_loader, LanguageIdentifier, Loader};
use recupera_api::{
    language_match::best_match,
    pseudo_locale::{is_pseudo_locale, transform_for},
};

static_loader! {
    static LOCALES = {
        locales: "../locales",
        fallback_language: "en",
        // Plain text mail and SMS: no Unicode isolation marks around the code. The pseudo-locales
        // (`locales/en-XA`, `locales/en-XB`, links to `en`) are English transformed, as in the app.
        customise: |bundle| {
            bundle.set_use_isolating(false);
            if let Some(transform) = bundle.locales.first().and_then(|tag| transform_for(&tag.to_string())) {
                bundle.set_transform(Some(transform));
            }
        },
    };
}

pub struct Rendered {
    /// Empty for SMS.
    pub subject: String,
    pub body: String,
}

/// The language tag to store for `requested`: a tag the locales have (exactly, else by primary
/// language, never landing on the pseudo-locale by accident), else `en`.
pub fn supported_language(requested: &str) -> String {
    match_language(requested).unwrap_or_else(|| "en".to_owned())
}

/// The tag of `locales/` that answers `requested` (`recupera_api::language_match`), if one does.
pub fn match_language(requested: &str) -> Option<String> {
    let tags: Vec<String> = LOCALES.locales().map(ToString::to_string).collect();
    best_match(requested, tags.iter().map(String::as_str)).map(str::to_owned)
}

/// The languages mail and SMS are written in: the folders of `locales/`, sorted, the pseudo-locale
/// (a developer's tool) left out.
pub fn languages() -> Vec<String> {
    let mut tags: Vec<String> =
        LOCALES.locales().map(ToString::to_string).filter(|tag| !is_pseudo_locale(tag)).collect();
    tags.sort();
    tags
}

pub fn render(template: &str, channel: &str, language: &str, args: &serde_json::Value) -> Rendered {
    let language: LanguageIdentifier = language.parse().unwrap_or_else(|_| "en".parse().expect("valid"));
    let mut fluent_args: HashMap<std::borrow::Cow<'static, str>, FluentValue> = HashMap::new();
    if let Some(object) = args.as_object() {
        for (key, value) in object {
            let value = match value {
                serde_json::Value::Number(n) => FluentValue::from(n.as_f64().unwrap_or_default()),
                serde_json::Value::String(s) => FluentValue::from(s.clone()),
                other => FluentValue::from(other.to_string()),
            };
            fluent_args.insert(key.clone().into(), value);
        }
    }
    let text = |id: String| LOCALES.lookup_with_args(&language, &id, &fluent_args);
    match channel {
        "sms" => Rendered { subject: String::new(), body: text(format!("sms-{template}")) },
        _ => Rendered {
            subject: text(format!("mail-{template}-subject")),
            body: text(format!("mail-{template}-body")),
        },
    }
}

/// The arguments of one message: what `render` passes Fluent.
type FluentArgs = HashMap<std::borrow::Cow<'static, str>, FluentValue<'static>>;

/// Every mail and SMS of `CATALOG` in every language of `locales/`, formatted with example values
/// (numbers that fall in each plural category): a message missing in a language, which would go out
/// in English, or one that does not format (a variable the server does not pass, an unknown term) is
/// named. `serve` refuses to start while there is one, instead of sending mail in the wrong language.
pub fn check_every_language() -> Result<(), Vec<String>> {
    let languages: Vec<LanguageIdentifier> = LOCALES.locales().cloned().collect();
    check_with(&languages, |language, id, args| {
        LOCALES.lookup_single_language(language, id, Some(args)).map_err(|err| err.to_string())
    })
}

fn check_with(
    languages: &[LanguageIdentifier],
    lookup: impl Fn(&LanguageIdentifier, &str, &FluentArgs) -> Result<String, String>,
) -> Result<(), Vec<String>> {
    let mut problems = Vec::new();
    for language in languages {
        for (id, variables) in CATALOG {
            // 0, 1, 2, 5, 22 and a million reach every plural category of the languages CLDR knows.
            for example in [0, 1, 2, 5, 22, 1_000_000] {
                let args: FluentArgs =
                    variables.iter().map(|name| ((*name).into(), FluentValue::from(example))).collect();
                if let Err(err) = lookup(language, id, &args) {
                    problems.push(format!("locales/{language}: message {id} cannot be sent: {err}"));
                    break;
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// Declares a server message and the variables it takes, shaped like the app's `tr!`: the test below
/// checks that every id here exists in every locale, and `cargo xtask l10n` counts the ids here as
/// used (every message in `locales/` must be used by the app or listed here).
macro_rules! tr {
    ($id:literal) => {
        ($id, &[] as &[&str])
    };
    ($id:literal, { $($name:literal => $value:expr),* $(,)? }) => {
        ($id, &[$($name),*] as &[&str])
    };
}

/// Every mail and SMS message the server sends, with its variables.
pub const CATALOG: &[(&str, &[&str])] = &[
    tr!("mail-recovery-code-subject"),
    tr!("mail-recovery-code-body", { "code" => (), "minutes" => () }),
    tr!("sms-recovery-code", { "code" => (), "minutes" => () }),
    tr!("mail-no-account-subject"),
    tr!("mail-no-account-body"),
    tr!("mail-password-changed-subject"),
    tr!("mail-password-changed-body"),
    tr!("sms-password-changed"),
    tr!("mail-sign-up-code-subject"),
    tr!("mail-sign-up-code-body", { "code" => (), "minutes" => () }),
    tr!("mail-sign-up-taken-subject"),
    tr!("mail-sign-up-taken-body"),
    tr!("mail-sign-in-attack-subject"),
    tr!("mail-sign-in-attack-body"),
    tr!("mail-email-code-subject"),
    tr!("mail-email-code-body", { "code" => (), "minutes" => () }),
    tr!("sms-phone-code", { "code" => (), "minutes" => () }),
    tr!("mail-email-changed-subject"),
    tr!("mail-email-changed-body"),
    tr!("mail-phone-changed-subject"),
    tr!("mail-phone-changed-body"),
    tr!("sms-phone-changed"),
];

/// Message templates by channel, as stored in the outbox.
pub mod template {
    pub const RECOVERY_CODE: &str = "recovery-code";
    pub const NO_ACCOUNT: &str = "no-account";
    pub const PASSWORD_CHANGED: &str = "password-changed";
    pub const SIGN_UP_CODE: &str = "sign-up-code";
    pub const SIGN_UP_TAKEN: &str = "sign-up-taken";
    pub const SIGN_IN_ATTACK: &str = "sign-in-attack";
    /// The code that proves a new email (mail) …
    pub const EMAIL_CODE: &str = "email-code";
    /// … or a new phone (SMS).
    pub const PHONE_CODE: &str = "phone-code";
    /// To the old email, once another was proven.
    pub const EMAIL_CHANGED: &str = "email-changed";
    /// To the account's email and the old phone, once a new phone was proven.
    pub const PHONE_CHANGED: &str = "phone-changed";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_formats_every_message_the_server_sends() {
        assert_eq!(check_every_language(), Ok(()));
    }

    #[test]
    fn a_message_missing_or_failing_to_format_in_a_language_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let write = |tag: &str, text: String| {
            std::fs::create_dir_all(dir.path().join(tag)).unwrap();
            std::fs::write(dir.path().join(tag).join("mail.ftl"), text).unwrap();
        };
        // English complete; Spanish with one message that names a variable the server never passes and
        // one that refers to a term nobody defined, and without the rest (which would go out in English).
        let mut english = String::new();
        for (id, variables) in CATALOG {
            let placeables: String = variables.iter().map(|name| format!(" {{ ${name} }}")).collect();
            english.push_str(&format!("{id} = text{placeables}\n"));
        }
        write("en", english);
        write(
            "es",
            "mail-recovery-code-subject = Tu código { $codigo }\nmail-recovery-code-body = { -marca }\n"
                .into(),
        );
        let loader = fluent_templates::ArcLoader::builder(dir.path(), "en".parse().unwrap()).build().unwrap();
        let languages: Vec<LanguageIdentifier> = vec!["en".parse().unwrap(), "es".parse().unwrap()];
        let problems = check_with(&languages, |language, id, args| {
            loader.lookup_single_language(language, id, Some(args)).map_err(|err| err.to_string())
        })
        .unwrap_err();
        assert!(problems.iter().all(|p| p.starts_with("locales/es: message ")), "{problems:#?}");
        assert_eq!(problems.len(), CATALOG.len(), "{problems:#?}");
        let about = |id: &str| problems.iter().find(|p| p.contains(&format!("message {id} "))).unwrap();
        assert!(about("mail-recovery-code-subject").contains("codigo"), "{problems:#?}");
        assert!(about("mail-recovery-code-body").contains("marca"), "{problems:#?}");
    }

    #[test]
    fn every_catalog_message_exists_in_every_locale() {
        for locale in LOCALES.locales() {
            for (id, variables) in CATALOG {
                let args: HashMap<std::borrow::Cow<'static, str>, FluentValue> =
                    variables.iter().map(|name| ((*name).into(), FluentValue::from(1))).collect();
                assert!(
                    LOCALES.try_lookup_with_args(locale, id, &args).is_some(),
                    "{id} missing in {locale}"
                );
            }
        }
    }

    #[test]
    fn the_recovery_code_mail_is_localized_with_the_code_line() {
        let args = serde_json::json!({ "code": "1234 5678", "minutes": 15 });
        let en = render(template::RECOVERY_CODE, "email", "en", &args);
        assert_eq!(en.subject, "Your Recupera verification code", "never the code in the subject");
        assert!(en.body.contains("Your verification code is: 1234 5678"), "{}", en.body);
        assert!(en.body.contains("15 minutes"), "{}", en.body);
        let es = render(template::RECOVERY_CODE, "email", "es", &args);
        assert_eq!(es.subject, "Tu código de verificación de Recupera");
        assert!(es.body.contains("Tu código de verificación es: 1234 5678"), "{}", es.body);
        assert!(es.body.contains("15 minutos"), "{}", es.body);
        let sms = render(template::RECOVERY_CODE, "sms", "es", &args);
        assert!(sms.subject.is_empty());
        assert!(sms.body.contains("1234 5678"), "{}", sms.body);
    }

    #[test]
    fn languages_fall_back_to_english() {
        assert_eq!(supported_language("es-ES"), "es");
        assert_eq!(supported_language("en"), "en");
        assert_eq!(supported_language("fr"), "en");
        assert_eq!(supported_language(""), "en");
        assert_eq!(supported_language("en-US"), "en");
        assert_eq!(supported_language("en-XA"), "en-XA");
    }

    #[test]
    fn the_pseudo_locale_transforms_text_but_not_the_code() {
        let args = serde_json::json!({ "code": "1234 5678", "minutes": 15 });
        let mail = render(template::RECOVERY_CODE, "email", "en-XA", &args);
        assert!(mail.subject.starts_with("[Ýóóúúŕ ][Ŕééçúúþééŕáá]"), "{}", mail.subject);
        assert!(mail.body.contains("1234 5678"), "{}", mail.body);
    }
}
