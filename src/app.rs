use leptos::prelude::*;

use crate::{i18n::I18nProvider, layout::SiteHeader, pages::HomePage};

/// The whole app: the language context, the page header, and the current page.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <I18nProvider>
            <SiteHeader/>
            <main id="main" class="page">
                <HomePage/>
            </main>
        </I18nProvider>
    }
}
