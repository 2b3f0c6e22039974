use leptos::prelude::*;
use leptos_fluent::move_tr;

/// The landing page: what Recupera does, for someone who just lost access.
#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <section class="home">
            <h1>{move_tr!("home-title")}</h1>
            <p class="lead">{move_tr!("home-intro")}</p>
        </section>
    }
}
