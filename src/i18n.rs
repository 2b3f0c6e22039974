//! The language context: which language is active and the texts of `locales/`.

use leptos::prelude::*;
use leptos_fluent::leptos_fluent;
use recupera_api::pseudo_locale::{is_pseudo_locale, pseudo_localize};

/// Provides the language context to `children`.
///
/// The first language comes from `?lang=` in the URL, then the person's saved choice (local storage),
/// then the browser's languages, then English. A choice made in the header's switch is saved.
/// `<html lang>` always follows the active language.
#[component]
pub fn I18nProvider(children: Children) -> impl IntoView {
    leptos_fluent! {
        children: children(),
        locales: "./locales",
        default_language: "en",
        // Every `move_tr!`/`tr!` id must exist in every locale, and every message must be used: by the app,
        // or by the server (its `messages::CATALOG` is written with a look-alike `tr!` for this check).
        check_translations: "./{src,server/src}/**/*.rs",
        // Both languages are left-to-right: Unicode isolation marks around arguments would only get in
        // the way of copy-paste and of screen readers.
        // `en-XA` (`?lang=en-XA`) is the pseudo-locale: English, transformed as it is shown.
        customise: |bundle| {
            bundle.set_use_isolating(false);
            if bundle.locales.iter().any(|tag| is_pseudo_locale(&tag.to_string())) {
                bundle.set_transform(Some(pseudo_localize));
            }
        },
        sync_html_tag_lang: true,
        url_param: "lang",
        initial_language_from_url_param: true,
        local_storage_key: "lang",
        initial_language_from_local_storage: true,
        set_language_to_local_storage: true,
        initial_language_from_navigator: true,
    }
}
