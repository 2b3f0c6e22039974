//! *Mi cuenta*'s sessions: where the account is signed in (browser and system, last use, this device
//! marked), and a way to end any other one, or all of them at once.

use leptos::{prelude::*, task::spawn_local};
use recupera_api::account::{SessionList, SessionView};

use crate::{
    api::{self, ApiError},
    components::{ErrorSummary, StatusRegion},
    i18n::I18n,
    move_tr, tr,
};

/// "Firefox en Linux", or the words for what the user agent did not say.
fn device(i18n: I18n, session: &SessionView) -> String {
    let browser = session.browser.clone().unwrap_or_else(|| tr!(i18n, "account-session-unknown-browser"));
    let system = session.system.clone().unwrap_or_else(|| tr!(i18n, "account-session-unknown-system"));
    tr!(i18n, "account-session-device", { "browser" => browser, "system" => system })
}

/// When it was last used, roughly: now, minutes, hours or days ago.
fn last_used(i18n: I18n, seconds_ago: u32) -> String {
    let minutes = seconds_ago / 60;
    match minutes {
        0..=1 => tr!(i18n, "account-session-used-now"),
        2..=119 => tr!(i18n, "account-session-used-minutes", { "minutes" => minutes }),
        120..=2879 => tr!(i18n, "account-session-used-hours", { "hours" => minutes / 60 }),
        _ => tr!(i18n, "account-session-used-days", { "days" => minutes / 1440 }),
    }
}

/// The sessions section. It loads the list, and again whenever `reload` changes (a password change
/// ends the other sessions).
#[component]
pub fn SessionsSection(
    /// Bumped when the list is known to have changed elsewhere.
    #[prop(into)]
    reload: Signal<u32>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let list = RwSignal::new(None::<SessionList>);
    let error = RwSignal::new(None::<ApiError>);
    let status = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        reload.track();
        spawn_local(async move {
            match api::sessions().await {
                Ok(sessions) => list.set(Some(sessions)),
                Err(refusal) => error.set(Some(refusal)),
            }
        });
    });
    let end = Action::new_local(move |id: &Option<String>| {
        let id = id.clone();
        async move {
            match api::end_sessions(id.as_deref()).await {
                Ok(sessions) => {
                    error.set(None);
                    list.set(Some(sessions));
                    status.set(Some(match id {
                        Some(_) => tr!(i18n, "account-session-ended"),
                        None => tr!(i18n, "account-sessions-others-ended"),
                    }));
                }
                Err(refusal) => error.set(Some(refusal)),
            }
        }
    });
    let busy = end.pending();
    let others = move || list.with(|l| l.as_ref().is_some_and(|l| l.sessions.iter().any(|s| !s.this_device)));
    let rows = move || {
        // Written in the language shown: again when it switches.
        i18n.language.track();
        list.get().map(|list| {
            list.sessions
                .into_iter()
                .map(|session| {
                    let name = device(i18n, &session);
                    let used = last_used(i18n, session.last_used_s_ago);
                    let action = (!session.this_device).then(|| {
                        let id = session.id.clone();
                        view! {
                            <button type="button" class="button-secondary" aria-disabled=move || busy.get().to_string()
                                on:click=move |_| if !busy.get_untracked() { end.dispatch_local(Some(id.clone())); }>
                                {move_tr!("account-session-end")}
                            </button>
                        }
                    });
                    view! {
                        <li class="session">
                            <strong>{name}</strong>
                            {session.this_device.then(|| view! { <span class="session-here">{move_tr!("account-session-this-device")}</span> })}
                            <span class="session-used">{used}</span>
                            {action}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="account-address" aria-labelledby="account-sessions-heading">
            <h2 id="account-sessions-heading">{move_tr!("account-sessions-heading")}</h2>
            <StatusRegion message=status />
            <ErrorSummary error=error />
            <ul class="sessions">{rows}</ul>
            <Show when=others>
                <button type="button" class="button-secondary" aria-disabled=move || busy.get().to_string()
                    on:click=move |_| if !busy.get_untracked() { end.dispatch_local(None); }>
                    {move_tr!("account-sessions-end-others")}
                </button>
            </Show>
        </section>
    }
}
