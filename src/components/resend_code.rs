//! *Reenviar código* after a visible countdown, and in dev mode the way to the dev mailbox: the part
//! of every code screen (recovery, sign-up) below the code field.

use leptos::prelude::*;

use crate::{move_tr, recovery::wizard::countdown, routing::Route, server_config::ServerConfig, tr};

#[component]
pub fn ResendCode(
    /// Seconds until a new code may be asked for, as the server last said. Each new answer restarts
    /// the countdown.
    #[prop(into)]
    resend_after_s: Signal<u32>,
    /// A request is on its way: the button waits for it.
    #[prop(into)]
    busy: Signal<bool>,
    /// Asks for a new code (called only once the countdown is over).
    on_resend: Callback<()>,
) -> impl IntoView {
    // The server says how many seconds; this keeps the moment that makes on this device's clock and
    // counts down to it, so the countdown stays right when the browser slows timers (a tab in the
    // background, a laptop asleep).
    let deadline = move |seconds: u32| js_sys::Date::now() + f64::from(seconds) * 1000.0;
    let resend_at = RwSignal::new(deadline(resend_after_s.get_untracked()));
    let now = RwSignal::new(js_sys::Date::now());
    Effect::new(move |_| {
        resend_at.set(deadline(resend_after_s.get()));
        now.set(js_sys::Date::now());
    });
    if let Ok(ticker) =
        set_interval_with_handle(move || now.set(js_sys::Date::now()), std::time::Duration::from_millis(500))
    {
        on_cleanup(move || ticker.clear());
    }
    let remaining = Memo::new(move |_| ((resend_at.get() - now.get()) / 1000.0).ceil().max(0.0) as u32);
    let resend = move |_| {
        if !busy.get_untracked() && remaining.get_untracked() == 0 {
            on_resend.run(());
        }
    };
    // The dev mailbox exists only in dev mode.
    let config = ServerConfig::current();
    view! {
        <div class="resend">
            <button
                type="button"
                class="button-secondary"
                aria-disabled=move || (remaining.get() > 0 || busy.get()).to_string()
                aria-describedby="resend-wait"
                on:click=resend
            >
                {move_tr!("recovery-code-resend")}
            </button>
            // Not a live region: a countdown read aloud every second would drown everything else.
            <p id="resend-wait" class="resend-wait">
                {move || (remaining.get() > 0).then(|| tr!("recovery-code-resend-wait", { "time" => countdown(remaining.get()) }))}
            </p>
        </div>
        <Show when=move || config.dev_mode()>
            <p class="dev-mailbox-link">
                <a href=Route::DevMailbox.path() target="_blank" rel="noopener">{move_tr!("recovery-code-open-mailbox")}</a>
            </p>
        </Show>
    }
}
