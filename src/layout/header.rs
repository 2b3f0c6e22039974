use leptos::prelude::*;
use leptos_fluent::move_tr;

use super::LanguageSwitch;

/// The page header: the brand on the left; the language switch and the way into the account on the
/// right — *Iniciar sesión* on wide screens, *Mi cuenta* on phone-sized ones (CSS picks one).
#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <a class="brand" href="/">{move_tr!("header-brand")}</a>
            <div class="header-actions">
                <LanguageSwitch/>
                <button type="button" class="header-sign-in">{move_tr!("header-sign-in")}</button>
                <a class="header-my-account" href="/mi-cuenta">{move_tr!("header-my-account")}</a>
            </div>
        </header>
    }
}
