use leptos::prelude::*;

use crate::{
    api::ApiError,
    components::PageHeading,
    errors::error_text,
    move_tr,
    routing::{Link, Route},
};

/// The flow cannot continue (unknown, expired, finished, budget spent), or the server was not reached.
#[component]
pub fn FlowProblem(error: ApiError, on_retry: Callback<()>) -> impl IntoView {
    let network = matches!(error, ApiError::Network { .. });
    // An unknown flow is most often one started in another browser (a link sent by someone else, or
    // opened on another device): a recovery can only be finished where it began, so offer one here.
    let elsewhere = error.code() == Some(recupera_api::ErrorCode::FlowNotFound);
    view! {
        <section class="panel">
            <PageHeading text=move_tr!("recovery-problem-title") />
            <p class="lead" role="alert">{move || error_text(&error)}</p>
            {network.then(|| view! { <button type="button" on:click=move |_| on_retry.run(())>{move_tr!("error-retry")}</button> })}
            <p>
                <Link to=Route::Recovery(None) class="button-secondary">
                    {move || if elsewhere { crate::tr!("recovery-start-here") } else { crate::tr!("recovery-start-again") }}
                </Link>
            </p>
        </section>
    }
}
