//! *Crea tu cuenta*: the form (`/registro`) → the code mailed to the address (`/registro/<id>`) → the
//! account exists. The server keeps the sign-up, so a reload (or back/forward) lands on the right
//! screen; only the browser that started it can finish it, and nothing says whether an address was
//! already taken until its code has been typed.

mod confirm_email;
mod form;

use leptos::{prelude::*, task::spawn_local};
use recupera_api::{sign_up::SignUpFlow, ErrorCode};

use crate::{
    api::{self, ApiError},
    components::PageHeading,
    errors::error_text,
    move_tr,
    routing::{Link, Route},
};
use confirm_email::ConfirmEmailStep;
use form::SignUpForm;

/// What the form was left with, kept above the page while the app is open: *Corregir mis datos*
/// (or the server saying, at confirmation, that the user name went to someone else) comes back to
/// the form as it was, with that field's error.
#[derive(Clone, Copy)]
pub struct SignUpDraft {
    pub username: RwSignal<String>,
    pub email: RwSignal<String>,
    pub phone: RwSignal<String>,
    pub password: RwSignal<String>,
    pub error: RwSignal<Option<ApiError>>,
    /// The sign-up the form just started, so its code screen shows without asking the server again.
    pub started: RwSignal<Option<SignUpFlow>>,
}

impl SignUpDraft {
    pub fn provide() {
        provide_context(SignUpDraft {
            username: RwSignal::new(String::new()),
            email: RwSignal::new(String::new()),
            phone: RwSignal::new(String::new()),
            password: RwSignal::new(String::new()),
            error: RwSignal::new(None),
            started: RwSignal::new(None),
        });
    }

    /// Forgets everything typed: the account exists.
    fn clear(&self) {
        for field in [self.username, self.email, self.phone, self.password] {
            field.set(String::new());
        }
        self.error.set(None);
    }
}

#[component]
pub fn SignUpPage(flow_id: Option<String>) -> impl IntoView {
    match flow_id {
        None => view! { <SignUpForm/> }.into_any(),
        Some(flow_id) => view! { <SignUpSteps flow_id=flow_id/> }.into_any(),
    }
}

/// A started sign-up: its code screen, then the account made; or why it cannot go on.
#[component]
fn SignUpSteps(flow_id: String) -> impl IntoView {
    let draft = expect_context::<SignUpDraft>();
    let just_started = draft.started.get_untracked().filter(|f| f.flow_id == flow_id);
    let flow = RwSignal::new(just_started.clone());
    let problem = RwSignal::new(None::<ApiError>);
    let load = move || {
        let flow_id = flow_id.clone();
        spawn_local(async move {
            match api::sign_up(&flow_id).await {
                Ok(read) => {
                    problem.set(None);
                    flow.set(Some(read));
                }
                Err(error) => problem.set(Some(error)),
            }
        });
    };
    if just_started.is_none() {
        load();
    }
    let done = Memo::new(move |_| {
        flow.with(|f| f.as_ref().map(|f| f.step == recupera_api::sign_up::SignUpStep::Done))
    });
    Effect::new(move |_| {
        if done.get() == Some(true) {
            draft.clear();
        }
    });
    move || match (done.get(), problem.get()) {
        (_, Some(error)) => {
            let load = load.clone();
            view! { <SignUpProblem error=error on_retry=Callback::new(move |_| load()) /> }.into_any()
        }
        (Some(false), None) => view! { <ConfirmEmailStep flow=flow problem=problem /> }.into_any(),
        (Some(true), None) => view! {
            <section class="panel">
                <PageHeading text=move_tr!("sign-up-title") />
                <p class="status" role="status">{move_tr!("sign-up-created")}</p>
                <Link to=Route::SignIn class="button-primary">{move_tr!("account-sign-in")}</Link>
            </section>
        }
        .into_any(),
        (None, None) => view! { <p class="loading">{move_tr!("loading")}</p> }.into_any(),
    }
}

/// The sign-up cannot go on (another browser's, expired, too many wrong codes), or the server was
/// not reached.
#[component]
fn SignUpProblem(error: ApiError, on_retry: Callback<()>) -> impl IntoView {
    let network = matches!(error, ApiError::Network { .. });
    let text = move || match error.code() {
        Some(ErrorCode::FlowAttemptsExhausted) => crate::tr!("sign-up-ended-attempts"),
        Some(ErrorCode::FlowNotFound | ErrorCode::FlowExpired) => crate::tr!("sign-up-ended"),
        _ => error_text(&error),
    };
    view! {
        <section class="panel">
            <PageHeading text=move_tr!("sign-up-code-title") />
            <p class="lead" role="alert">{text}</p>
            {network.then(|| view! { <button type="button" on:click=move |_| on_retry.run(())>{move_tr!("error-retry")}</button> })}
            <p><Link to=Route::SignUp(None) class="button-secondary">{move_tr!("sign-up-start-again")}</Link></p>
        </section>
    }
}
