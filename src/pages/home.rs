use leptos::prelude::*;

use crate::{
    components::page_title,
    move_tr,
    routing::{Link, Route},
};

/// The landing page: what Recupera does, for someone who just lost access.
#[component]
pub fn HomePage() -> impl IntoView {
    page_title(move || move_tr!("home-title").get());
    view! {
        <section class="home">
            <h1>{move_tr!("home-title")}</h1>
            <p class="lead">{move_tr!("home-intro")}</p>
            <p><Link to=Route::Recovery(None) class="button-primary">{move_tr!("home-start-recovery")}</Link></p>
        </section>
    }
}
