use leptos::prelude::*;

use crate::{
    components::{focus_on_mount, page_title},
    move_tr,
    routing::{Link, Route},
};

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let heading = NodeRef::<leptos::html::H1>::new();
    focus_on_mount(heading);
    page_title(move || move_tr!("not-found-title").get());
    view! {
        <section class="panel">
            <h1 tabindex="-1" node_ref=heading>{move_tr!("not-found-title")}</h1>
            <p><Link to=Route::Home>{move_tr!("not-found-home")}</Link></p>
        </section>
    }
}
