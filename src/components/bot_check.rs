//! *No soy un robot*: a checkbox that, when ticked, fetches a proof-of-work challenge from the server
//! and solves it in the background, with visible progress.
//!
//! Solving is time-sliced so the page never freezes: each slice tries counters for a few milliseconds
//! and then yields to the browser. Slice `k` tries `k, k + STRIDE, k + 2·STRIDE, …`, so slices never
//! repeat each other's work.

use base64::Engine;
use gloo_timers::future::TimeoutFuture;
use leptos::{prelude::*, task::spawn_local};
use leptos_fluent::move_tr;

use crate::api::{self, ApiError};

const STRIDE: u32 = 1 << 16;
const SLICE_MS: u64 = 8;
/// A prefetched challenge is used within this time (the server's challenges live ten minutes).
const PREFETCH_KEPT_MS: f64 = 5.0 * 60.0 * 1000.0;

#[derive(Clone, Copy, Debug, PartialEq)]
enum State {
    Idle,
    Solving,
    Solved,
    Failed,
}

#[component]
pub fn BotCheck(
    /// The solved challenge, ready to send (base64 of the ALTCHA payload).
    solution: RwSignal<Option<String>>,
    /// The check's error message (e.g. expired), if any.
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let state = RwSignal::new(State::Idle);
    let progress = RwSignal::new(0.0_f64);
    // The challenge is fetched as the screen opens, so solving starts the moment the box is ticked.
    let prefetched = StoredValue::new_local(None::<(altcha::Challenge, f64)>);
    spawn_local(async move {
        if let Ok(challenge) = api::bot_check_challenge().await {
            let _ = prefetched.try_set_value(Some((challenge, js_sys::Date::now())));
        }
    });
    // A solution that the form has cleared (used, refused or expired) needs a new tick.
    Effect::new(move |_| {
        if solution.get().is_none() && state.get_untracked() == State::Solved {
            state.set(State::Idle);
        }
    });
    let start = move || {
        state.set(State::Solving);
        progress.set(0.0);
        spawn_local(async move {
            // The form may have been left while solving: `try_set` does nothing then.
            let fresh = prefetched
                .try_update_value(Option::take)
                .flatten()
                .filter(|(_, fetched_at)| js_sys::Date::now() - fetched_at < PREFETCH_KEPT_MS)
                .map(|(challenge, _)| challenge);
            match solve(fresh, progress).await {
                Ok(payload) => {
                    let _ = solution.try_set(Some(payload));
                    let _ = state.try_set(State::Solved);
                }
                Err(_) => {
                    let _ = state.try_set(State::Failed);
                }
            }
        });
    };
    let on_change = move |event: leptos::ev::Event| {
        if event_target_checked(&event) && matches!(state.get_untracked(), State::Idle | State::Failed) {
            start();
        } else if !event_target_checked(&event) && state.get_untracked() != State::Solving {
            solution.set(None);
            state.set(State::Idle);
        }
    };
    view! {
        <div class="bot-check" class:field-invalid=move || error.get().is_some()>
            {move || error.get().map(|message| view! { <p class="field-error" id="bot-check-error">{message}</p> })}
            <label class="bot-check-box">
                <input
                    type="checkbox"
                    id="bot-check"
                    prop:checked=move || matches!(state.get(), State::Solving | State::Solved)
                    aria-describedby="bot-check-state"
                    on:change=on_change
                />
                <span>{move_tr!("bot-check-label")}</span>
            </label>
            <p class="bot-check-state" id="bot-check-state">
                {move || match state.get() {
                    State::Idle => move_tr!("bot-check-idle").get(),
                    State::Solving => move_tr!("bot-check-solving").get(),
                    State::Solved => move_tr!("bot-check-solved").get(),
                    State::Failed => move_tr!("bot-check-failed").get(),
                }}
            </p>
            <Show when=move || state.get() == State::Solving>
                <progress max="1" prop:value=move || progress.get() aria-label=move_tr!("bot-check-progress")></progress>
            </Show>
        </div>
    }
}

/// Solves `prefetched`, or a challenge fetched now when there is none (already used, or too old).
async fn solve(prefetched: Option<altcha::Challenge>, progress: RwSignal<f64>) -> Result<String, ApiError> {
    let challenge = match prefetched {
        Some(challenge) => challenge,
        None => api::bot_check_challenge().await?,
    };
    // Each hex digit of the prefix multiplies the expected tries by 16.
    let expected_tries = 16f64.powi(challenge.parameters.key_prefix.len() as i32);
    for offset in 0..STRIDE {
        let mut options = altcha::SolveChallengeOptions::new(&challenge);
        options.counter_start = offset;
        options.counter_step = STRIDE;
        options.timeout_ms = SLICE_MS;
        if let Ok(Some(solution)) = altcha::solve_challenge(options) {
            let _ = progress.try_set(1.0);
            let payload = altcha::Payload { challenge, solution };
            let json = serde_json::to_vec(&payload).map_err(|_| ApiError::Network)?;
            return Ok(base64::engine::general_purpose::STANDARD.encode(json));
        }
        // A rough estimate: the chance a solution would have been found by now.
        let tried = f64::from(offset + 1) * 10.0;
        if progress.try_set((1.0 - (-tried / expected_tries).exp()).min(0.97)).is_some() {
            return Err(ApiError::Network); // the check is no longer on the page: stop working
        }
        TimeoutFuture::new(0).await;
    }
    Err(ApiError::Network)
}
