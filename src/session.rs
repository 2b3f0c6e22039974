//! Who is signed in, and the sign-in box: shared by the header, *Mi cuenta* and the wizard's last step.

use leptos::{prelude::*, task::spawn_local};
use recupera_api::account::AccountView;

use crate::api;

#[derive(Clone, Copy)]
pub struct Session {
    /// The signed-in account; `None` when signed out (or not known yet).
    pub account: RwSignal<Option<AccountView>>,
    /// Whether the sign-in box (desktop) is open.
    pub dialog_open: RwSignal<bool>,
    /// What the sign-in form's identifier starts with (after a recovery: the identifier used).
    pub prefill: RwSignal<String>,
}

impl Session {
    /// Provides the session and asks the server whether this browser is signed in.
    pub fn provide() -> Session {
        let session = Session {
            account: RwSignal::new(None),
            dialog_open: RwSignal::new(false),
            prefill: RwSignal::new(String::new()),
        };
        provide_context(session);
        spawn_local(async move {
            if let Ok(account) = api::current_account().await {
                session.account.set(account);
            }
        });
        session
    }

    pub fn open_sign_in(&self, identifier: String) {
        self.prefill.set(identifier);
        self.dialog_open.set(true);
    }
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}

/// Phone-sized screens get full pages instead of the floating box (same breakpoint as the CSS).
pub fn is_narrow_screen() -> bool {
    window().match_media("(max-width: 640px)").ok().flatten().map(|query| query.matches()).unwrap_or(false)
}
