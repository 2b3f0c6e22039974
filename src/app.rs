use leptos::prelude::*;

use crate::{
    i18n::I18nProvider,
    layout::{SignInDialog, SiteHeader},
    pages::{
        DevMailboxPage, HomePage, MyAccountPage, NotFoundPage, RecoveryPage, SignInPage, SignUpDraft,
        SignUpPage,
    },
    routing::{Route, Router},
    server_config::ServerConfig,
    session::Session,
};

/// The whole app: the language context, the page header, the current page and the sign-in box.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <I18nProvider>
            <Shell/>
        </I18nProvider>
    }
}

#[component]
fn Shell() -> impl IntoView {
    let router = Router::provide();
    ServerConfig::provide();
    Session::provide();
    SignUpDraft::provide();
    view! {
        <SiteHeader/>
        <main id="main" class="page">
            {move || match router.route.get() {
                Route::Home => view! { <HomePage/> }.into_any(),
                Route::MyAccount => view! { <MyAccountPage/> }.into_any(),
                Route::SignIn => view! { <SignInPage/> }.into_any(),
                Route::SignUp(flow) => view! { <SignUpPage flow_id=flow/> }.into_any(),
                Route::Recovery(flow) => view! { <RecoveryPage flow_id=flow/> }.into_any(),
                Route::DevMailbox => view! { <DevMailboxPage/> }.into_any(),
                Route::NotFound => view! { <NotFoundPage/> }.into_any(),
            }}
        </main>
        <SignInDialog/>
    }
}
