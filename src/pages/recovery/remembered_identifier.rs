use leptos::prelude::*;

/// The identifier typed at the start, kept in this tab so the last steps can offer it to the password
/// manager and the sign-in form. (The server never sends it back.)
pub fn remember_identifier(flow_id: &str, identifier: &str) {
    if let Ok(Some(storage)) = window().session_storage() {
        let _ = storage.set_item(&format!("recupera-identifier-{flow_id}"), identifier);
    }
}

pub fn remembered_identifier(flow_id: &str) -> String {
    window()
        .session_storage()
        .ok()
        .flatten()
        .and_then(|storage| storage.get_item(&format!("recupera-identifier-{flow_id}")).ok().flatten())
        .unwrap_or_default()
}
