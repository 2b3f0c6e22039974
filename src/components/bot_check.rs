//! *No soy un robot*: a checkbox that, when ticked, solves a proof-of-work challenge from the server
//! (fetched as the screen opens) in the background, with visible progress.
//!
//! The work is the ALTCHA protocol's: find a counter for which PBKDF2-HMAC-SHA-256 of the challenge's
//! nonce followed by the counter (4 bytes, big-endian), with the challenge's salt and cost, starts
//! with the challenge's key prefix. The browser's own WebCrypto derives each key, natively and off the
//! page's thread, so the page never freezes and the app carries no hashing code of its own.

use base64::Engine;
use leptos::{prelude::*, task::spawn_local};
use serde_json::{json, Value};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::{
    api::{self, ApiError},
    move_tr,
};

/// Counters tried before giving up (the expected number is 16 to the power of the prefix's hex digits:
/// 256 for the default two).
const MAX_TRIES: u32 = 1 << 20;
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
    /// Whether the puzzle is being solved now: a form sent meanwhile waits for it.
    solving: RwSignal<bool>,
    /// What the solution will open (`recovery`, `sign_in`): the server signs it into the challenge.
    #[prop(default = "recovery")]
    action: &'static str,
    /// The checkbox's id (its error and state take it as a prefix): two forms on one screen (a
    /// recovery page under the sign-in box) each have their own.
    #[prop(default = "bot-check")]
    id: &'static str,
) -> impl IntoView {
    let state = RwSignal::new(State::Idle);
    Effect::new(move |_| solving.set(state.get() == State::Solving));
    let progress = RwSignal::new(0.0_f64);
    // The challenge is fetched as the screen opens, so solving starts the moment the box is ticked.
    let prefetched = StoredValue::new_local(None::<(Value, f64)>);
    spawn_local(async move {
        if let Ok(challenge) = api::bot_check_challenge(action).await {
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
            match solve(fresh, action, progress).await {
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
        // `aria-busy` while solving: assistive technology waits for the outcome (and the benchmark
        // times the solve by it).
        <div
            class="bot-check"
            class:field-invalid=move || error.get().is_some()
            aria-busy=move || (state.get() == State::Solving).to_string()
        >
            {move || error.get().map(|message| view! { <p class="field-error" id=format!("{id}-error")>{message}</p> })}
            <label class="bot-check-box">
                <input
                    type="checkbox"
                    id=id
                    prop:checked=move || matches!(state.get(), State::Solving | State::Solved)
                    aria-describedby=format!("{id}-state")
                    on:change=on_change
                />
                <span>{move_tr!("bot-check-label")}</span>
            </label>
            <p class="bot-check-state" id=format!("{id}-state")>
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
/// Gives the solution to send: base64 of `{ challenge, solution: { counter, derivedKey } }`.
async fn solve(prefetched: Option<Value>, action: &str, progress: RwSignal<f64>) -> Result<String, ApiError> {
    let challenge = match prefetched {
        Some(challenge) => challenge,
        None => api::bot_check_challenge(action).await?,
    };
    let parameters = &challenge["parameters"];
    let (Some("PBKDF2/SHA-256"), Some(nonce), Some(salt), Some(cost), Some(key_length), Some(prefix)) = (
        parameters["algorithm"].as_str(),
        parameters["nonce"].as_str().and_then(from_hex),
        parameters["salt"].as_str().and_then(from_hex),
        parameters["cost"].as_u64().and_then(|n| u32::try_from(n).ok()),
        parameters["keyLength"].as_u64().and_then(|n| u32::try_from(n).ok()),
        parameters["keyPrefix"].as_str().map(str::to_ascii_lowercase),
    ) else {
        return Err(ApiError::network("the bot-check challenge is not one this app solves", parameters));
    };
    let subtle =
        window().crypto().map_err(|e| ApiError::network("no WebCrypto in this browser", e))?.subtle();
    let salt = js_sys::Uint8Array::from(salt.as_slice());
    let usages = js_sys::Array::of1(&"deriveBits".into());
    let expected_tries = 16f64.powi(prefix.len() as i32);
    // Several counters at once: WebCrypto derives each on a thread of its own, so a device with more
    // cores finishes sooner (a script already uses every core it has).
    let at_once = (window().navigator().hardware_concurrency() as u32).clamp(1, 8);
    let password_for = |counter: u32| {
        let mut password = nonce.clone();
        password.extend_from_slice(&counter.to_be_bytes());
        password
    };
    for first in (0..MAX_TRIES).step_by(at_once as usize) {
        let batch = (first..first + at_once).map(|counter| {
            let password = password_for(counter);
            let (subtle, salt, usages) = (&subtle, &salt, &usages);
            async move { (counter, derive(subtle, &password, salt, usages, cost, key_length).await) }
        });
        for (counter, derived) in futures::future::join_all(batch).await {
            let derived = derived?;
            if derived.starts_with(&prefix) {
                let _ = progress.try_set(1.0);
                let payload = json!({ "challenge": challenge, "solution": { "counter": counter, "derivedKey": derived } });
                return Ok(base64::engine::general_purpose::STANDARD.encode(payload.to_string()));
            }
        }
        // A rough estimate: the chance a solution would have been found by now.
        let tried = f64::from(first + at_once);
        if progress.try_set((1.0 - (-tried / expected_tries).exp()).min(0.97)).is_some() {
            // The check is no longer on the page: stop working.
            return Err(ApiError::Network { cause: "the check left the page".into() });
        }
    }
    Err(ApiError::network("no counter solves the challenge", MAX_TRIES))
}

/// PBKDF2-HMAC-SHA-256 of `password` by WebCrypto, as lowercase hex.
async fn derive(
    subtle: &web_sys::SubtleCrypto,
    password: &[u8],
    salt: &js_sys::Uint8Array,
    usages: &js_sys::Array,
    iterations: u32,
    key_length: u32,
) -> Result<String, ApiError> {
    let failed = |e| ApiError::network("WebCrypto failed", e);
    let key_data = js_sys::Uint8Array::from(password);
    let key = JsFuture::from(
        subtle.import_key_with_str("raw", &key_data, "PBKDF2", false, usages).map_err(failed)?,
    )
    .await
    .map_err(failed)?
    .unchecked_into::<web_sys::CryptoKey>();
    let algorithm = web_sys::Pbkdf2Params::new("PBKDF2", &"SHA-256".into(), iterations, salt);
    let bits =
        JsFuture::from(subtle.derive_bits_with_object(&algorithm, &key, key_length * 8).map_err(failed)?)
            .await
            .map_err(failed)?;
    Ok(js_sys::Uint8Array::new(&bits).to_vec().iter().map(|byte| format!("{byte:02x}")).collect())
}

fn from_hex(text: &str) -> Option<Vec<u8>> {
    if text.len() % 2 != 0 {
        return None;
    }
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok()).collect()
}
