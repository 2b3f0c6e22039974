use leptos::prelude::*;

use crate::{
    components::{PageHeading, SignInForm, SignInPlace},
    move_tr,
};

/// The full-screen sign-in (*Identifícate*), for phones and direct links.
#[component]
pub fn SignInPage() -> impl IntoView {
    view! {
        <section class="panel">
            <PageHeading text=move_tr!("sign-in-title") />
            <SignInForm place=SignInPlace::Page />
        </section>
    }
}
