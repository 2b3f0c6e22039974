use leptos::prelude::*;

use crate::{
    components::{SignInForm, SignInPlace},
    move_tr,
    session::use_session,
};

/// The centered sign-in box of wide screens: a modal `<dialog>`. The browser keeps focus inside it
/// while open, closes it on Esc, and gives focus back to what opened it.
#[component]
pub fn SignInDialog() -> impl IntoView {
    let session = use_session();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    Effect::new(move |_| {
        let open = session.dialog_open.get();
        if let Some(dialog) = dialog.get() {
            if open && !dialog.open() {
                let _ = dialog.show_modal();
            } else if !open && dialog.open() {
                dialog.close();
            }
        }
    });
    // A modal dialog keeps the rest of the page inert, but Tab past its last control would leave for
    // the browser's own UI: wrap around instead, both ways.
    let keep_focus_inside = move |event: leptos::ev::KeyboardEvent| {
        if event.key() != "Tab" {
            return;
        }
        let Some(dialog) = dialog.get() else { return };
        let Ok(controls) =
            dialog.query_selector_all("a[href], button, input:not([type=hidden]):not([tabindex='-1'])")
        else {
            return;
        };
        let (Some(first), Some(last)) =
            (controls.item(0), controls.item(controls.length().saturating_sub(1)))
        else {
            return;
        };
        let active = document().active_element().map(wasm_bindgen::JsCast::unchecked_into::<web_sys::Node>);
        let target = if event.shift_key() && active.as_ref() == Some(&first) {
            last
        } else if !event.shift_key() && active.as_ref() == Some(&last) {
            first
        } else {
            return;
        };
        event.prevent_default();
        if let Ok(element) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(target) {
            let _ = element.focus();
        }
    };
    view! {
        <dialog
            class="sign-in-dialog"
            node_ref=dialog
            aria-labelledby="sign-in-dialog-title"
            // A `close` event can arrive late, after the box was opened again (Esc, then Enter at once):
            // only a box that is really closed marks itself closed.
            on:close=move |_| {
                if dialog.get_untracked().is_some_and(|d| !d.open()) {
                    session.dialog_open.set(false);
                }
            }
            on:keydown=keep_focus_inside
        >
            <div class="dialog-head">
                <h2 id="sign-in-dialog-title">{move_tr!("sign-in-title")}</h2>
                <button type="button" class="dialog-close" on:click=move |_| session.dialog_open.set(false)>
                    <span aria-hidden="true">"×"</span>
                    <span class="visually-hidden">{move_tr!("dialog-close")}</span>
                </button>
            </div>
            <Show when=move || session.dialog_open.get()>
                <SignInForm place=SignInPlace::Dialog />
            </Show>
        </dialog>
    }
}
