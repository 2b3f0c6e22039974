use leptos::prelude::*;

/// A polite live region: what it says is announced once, without moving focus ("code sent").
#[component]
pub fn StatusRegion(#[prop(into)] message: Signal<Option<String>>) -> impl IntoView {
    view! { <p class="status" role="status">{move || message.get()}</p> }
}
