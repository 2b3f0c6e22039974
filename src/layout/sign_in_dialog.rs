use leptos::prelude::*;
use leptos_fluent::move_tr;

use crate::{
    pages::{SignInForm, SignInPlace},
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
    view! {
        <dialog
            class="sign-in-dialog"
            node_ref=dialog
            aria-labelledby="sign-in-dialog-title"
            on:close=move |_| session.dialog_open.set(false)
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
