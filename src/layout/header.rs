use leptos::prelude::*;

use super::LanguageSwitch;
use crate::{
    move_tr,
    routing::{Link, Route},
    session::use_session,
};

/// The page header: the brand on the left; the language switch and the way into the account on the
/// right. Signed out: *Iniciar sesión* (opens the sign-in box) on wide screens, *Mi cuenta* on
/// phone-sized ones (CSS picks one). Signed in: *Mi cuenta*.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let session = use_session();
    let signed_in = move || session.account.get().is_some();
    view! {
        <header class="site-header">
            <Link to=Route::Home class="brand">{move_tr!("header-brand")}</Link>
            <div class="header-actions" class:signed-in=signed_in>
                <LanguageSwitch/>
                <button type="button" class="header-sign-in" on:click=move |_| session.open_sign_in(String::new())>
                    {move_tr!("header-sign-in")}
                </button>
                <Link to=Route::MyAccount class="header-my-account">{move_tr!("header-my-account")}</Link>
            </div>
        </header>
    }
}
