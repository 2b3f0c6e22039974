//! The language context: which language is active and the texts of `locales/`.
//!
//! `tr!("id")` gives a message's text now, `move_tr!("id")` a signal that follows the language switch,
//! `around_tr!("id", "variable")` the text around markup placed where the variable is;
//! both take variables as `{ "name" => value }` and, outside a component (after an `.await`), the
//! context first: `tr!(i18n, "id")`. The texts are compiled in by `build.rs` (see `catalog`), and each
//! id becomes its message's number while compiling (`message_index!`): no id is in the bundle.

pub mod catalog;
mod plural;

use leptos::{prelude::*, wasm_bindgen::JsCast};

pub use catalog::{Arg, Language, LANGUAGES};

/// The key under which a person's choice of language is kept in local storage.
const STORAGE_KEY: &str = "lang";
/// The URL parameter that picks a language (`?lang=es`, `?lang=en-XA`).
const URL_PARAM: &str = "lang";
/// The language shown when nothing says otherwise.
const DEFAULT_LANGUAGE: &str = "en";

/// The active language, shared by every component.
#[derive(Clone, Copy)]
pub struct I18n {
    /// The language texts are shown in; reading it inside a view re-renders on a switch.
    pub language: RwSignal<&'static Language>,
}

impl I18n {
    /// The text of message number `message` (`message_index!("id")`, as `tr!` passes it) in the
    /// active language (tracked: a switch re-runs the caller).
    pub fn tr(&self, message: usize, args: &[(&str, Arg)]) -> String {
        self.language.with(|language| language.format_message(message, args))
    }

    /// Message number `message` around the markup (a bold name, a link) that stands where its
    /// variable `variable` is: the text before it and the text after it, so the sentence keeps the
    /// translator's order.
    pub fn around(&self, message: usize, variable: &str) -> (String, String) {
        // A private-use character no message contains marks the place.
        const MARK: &str = "\u{E000}";
        let text = self.tr(message, &[(variable, Arg::from(MARK))]);
        match text.split_once(MARK) {
            Some((before, after)) => (before.to_owned(), after.to_owned()),
            None => (text, String::new()),
        }
    }

    /// Switches every text to `language` and remembers the choice for the next visit.
    pub fn choose(&self, language: &'static Language) {
        self.language.set(language);
        remember(language);
    }
}

/// Keeps `language` for the next visit: in local storage for the app, and in a cookie the server
/// reads to write the page's `<html lang>` before the app has started (`server/src/spa.rs`).
fn remember(language: &Language) {
    if let Some(storage) = window().local_storage().ok().flatten() {
        let _ = storage.set_item(STORAGE_KEY, language.id);
    }
    if let Ok(document) = document().dyn_into::<web_sys::HtmlDocument>() {
        // A year, like a choice in any shop's language switch; not a secret, so readable by the app.
        let _ = document
            .set_cookie(&format!("{STORAGE_KEY}={}; Path=/; Max-Age=31536000; SameSite=Lax", language.id));
    }
}

/// The language context; panics outside `I18nProvider`, which wraps the whole app.
pub fn expect_i18n() -> I18n {
    expect_context::<I18n>()
}

/// Provides the language context to `children`.
///
/// The first language comes from `?lang=` in the URL (remembered like a choice in the switch), then the
/// person's saved choice (local storage), then the browser's languages (`es-MX` finds `es`), then
/// English. `<html lang>` always follows the active language.
#[component]
pub fn I18nProvider(children: Children) -> impl IntoView {
    let from_url = language_from_url();
    // A language asked for in the URL is a choice too: it stays when a later page has no `?lang=`
    // (a reload of a wizard step, the dev mailbox opened from it).
    if let Some(language) = from_url {
        remember(language);
    }
    let i18n = I18n { language: RwSignal::new(from_url.unwrap_or_else(saved_or_browser_language)) };
    provide_context(i18n);
    Effect::new(move |_| {
        let tag = i18n.language.get().id;
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", tag);
            let _ = html.set_attribute("dir", recupera_api::language_match::direction(tag));
        }
    });
    children()
}

/// The language `?lang=` asks for, if any.
fn language_from_url() -> Option<&'static Language> {
    let search = window().location().search().ok()?;
    let tag = search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix(URL_PARAM)?.strip_prefix('='))?;
    catalog::best_match(&js_sys::decode_uri_component(tag).ok()?.as_string()?)
}

/// Without `?lang=`: the saved choice, else the first of the browser's languages we have, else English.
fn saved_or_browser_language() -> &'static Language {
    let from_storage = || {
        let saved = window().local_storage().ok().flatten()?.get_item(STORAGE_KEY).ok().flatten()?;
        catalog::language(&saved)
    };
    let from_browser = || {
        window()
            .navigator()
            .languages()
            .iter()
            .filter_map(|tag| tag.as_string())
            .find_map(|tag| catalog::best_match(&tag).filter(|language| !language.pseudo))
    };
    from_storage()
        .or_else(from_browser)
        .or_else(|| catalog::language(DEFAULT_LANGUAGE))
        .unwrap_or(&LANGUAGES[0])
}

// The ids are taken as token trees, not `literal` fragments: a fragment handed on to another macro
// is opaque and could not match `message_index!`'s literal arms.

/// The text of a message in the active language: `tr!("id")`, `tr!("id", { "name" => value })`, or with
/// the context given: `tr!(i18n, "id", …)` (needed where no component is running, after an `.await`).
#[macro_export]
macro_rules! tr {
    ($i18n:ident, $id:tt $(,)?) => {
        $i18n.tr($crate::i18n::catalog::message_index!($id), &[])
    };
    ($i18n:ident, $id:tt, { $($key:literal => $value:expr),* $(,)? } $(,)?) => {
        $i18n.tr($crate::i18n::catalog::message_index!($id), &[$(($key, $crate::i18n::Arg::from($value))),*])
    };
    ($id:tt $(,)?) => {
        $crate::i18n::expect_i18n().tr($crate::i18n::catalog::message_index!($id), &[])
    };
    ($id:tt, { $($key:literal => $value:expr),* $(,)? } $(,)?) => {
        $crate::i18n::expect_i18n().tr($crate::i18n::catalog::message_index!($id), &[$(($key, $crate::i18n::Arg::from($value))),*])
    };
}

/// A message with markup where its one variable is (`around_tr!("id", "variable")`): a signal of the
/// text before and after it, following the language switch.
#[macro_export]
macro_rules! around_tr {
    ($id:tt, $variable:literal $(,)?) => {{
        let i18n = $crate::i18n::expect_i18n();
        ::leptos::prelude::Signal::derive(move || {
            i18n.around($crate::i18n::catalog::message_index!($id), $variable)
        })
    }};
}

/// Like `tr!`, as a signal that follows the language switch (and the variables, when they are signals).
#[macro_export]
macro_rules! move_tr {
    ($id:tt $(, { $($key:literal => $value:expr),* $(,)? })? $(,)?) => {{
        let i18n = $crate::i18n::expect_i18n();
        ::leptos::prelude::Signal::derive(move || $crate::tr!(i18n, $id $(, { $($key => $value),* })?))
    }};
}
