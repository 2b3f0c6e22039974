use leptos::{prelude::*, task::spawn_local};

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
    view! {
        <section class="panel">
            <PageHeading text=move_tr!("account-title") />
            {move || match session.account.get() {
                Some(account) => view! {
                    <p class="lead">
                        {move || signed_in_as.get().0}<strong>{account.username.clone()}</strong>{move || signed_in_as.get().1}
                    </p>
                    <dl class="account-details">
                        <dt>{move_tr!("account-username")}</dt><dd>{account.username.clone()}</dd>
                        <dt>{move_tr!("account-email")}</dt><dd>{account.email.clone()}</dd>
                        <dt>{move_tr!("account-phone")}</dt>
                        <dd>{account.phone.clone().unwrap_or_else(|| "—".into())}</dd>
                    </dl>
                    <button type="button" on:click=sign_out>{move_tr!("account-sign-out")}</button>
                }.into_any(),
                None => view! {
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
