use leptos::prelude::*;

use crate::{
    i18n::{I18n, Language, LANGUAGES},
    move_tr,
};

/// One button per language, each named in its own language (*Español*, *English*). The active one is
/// pressed; choosing another changes every text at once and is remembered.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let buttons = LANGUAGES
        .iter()
        // The pseudo-locale is for developers and translators (`?lang=en-XA`), not a choice for people.
        .filter(|language| !language.pseudo)
        .map(|language: &'static Language| {
            let is_active = move || i18n.language.get() == language;
            view! {
                <button
                    type="button"
                    lang=language.id
                    aria-pressed=move || if is_active() { "true" } else { "false" }
                    on:click=move |_| i18n.choose(language)
                >
                    {language.name}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="language-switch" role="group" aria-label=move_tr!("header-language-switch")>
            {buttons}
        </div>
    }
}
