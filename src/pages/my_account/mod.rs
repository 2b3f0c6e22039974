mod address;
mod password;
mod sessions;

use leptos::{prelude::*, task::spawn_local};
use recupera_api::account::AddressKind;

use self::{address::AddressSection, password::PasswordSection, sessions::SessionsSection};
use crate::{
    api, around_tr,
    components::PageHeading,
    move_tr,
    routing::{Link, Route},
    session::use_session,
};

/// *Mi cuenta*: the account when signed in; else the way in, *Identifícate / Regístrate*.
#[component]
pub fn MyAccountPage() -> impl IntoView {
    let session = use_session();
    let sign_out = move |_| {
        spawn_local(async move {
            if api::sign_out().await.is_ok() {
                session.account.set(None);
            }
        });
    };
    let signed_in_as = around_tr!("account-signed-in-as", "username");
    // Only signing in or out changes which view this is: a new address waiting (a change of the
    // account's view) must not make its section again and lose what was typed there.
    let password_changed = RwSignal::new(0u32);
    let signed_in = Memo::new(move |_| session.account.with(Option::is_some));
    let username =
        move || session.account.with(|a| a.as_ref().map(|a| a.username.clone()).unwrap_or_default());
    view! {
        <section class="panel">
            <PageHeading text=move_tr!("account-title") />
            {move || match signed_in.get() {
                true => view! {
                    <p class="lead">
                        {move || signed_in_as.get().0}<strong>{username}</strong>{move || signed_in_as.get().1}
                    </p>
                    <dl class="account-details">
                        <dt>{move_tr!("account-username")}</dt><dd>{username}</dd>
                    </dl>
                    <AddressSection kind=AddressKind::Email />
                    <AddressSection kind=AddressKind::Phone />
                    <PasswordSection changed=password_changed />
                    <SessionsSection reload=password_changed />
                    <button type="button" on:click=sign_out>{move_tr!("account-sign-out")}</button>
                }.into_any(),
                false => view! {
                    <h2 class="account-entry-title">{move_tr!("account-sign-in-or-up")}</h2>
                    <div class="account-entry">
                        <Link to=Route::SignIn class="button-primary">{move_tr!("account-sign-in")}</Link>
                        <Link to=Route::SignUp(None) class="button-secondary">{move_tr!("account-sign-up")}</Link>
                    </div>
                }.into_any(),
            }}
        </section>
    }
}
