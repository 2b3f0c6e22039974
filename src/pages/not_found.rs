use leptos::prelude::*;

use crate::{
    components::PageHeading,
    move_tr,
    routing::{Link, Route},
};

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <section class="panel">
            <PageHeading text=move_tr!("not-found-title") />
            <p><Link to=Route::Home>{move_tr!("not-found-home")}</Link></p>
        </section>
    }
}
