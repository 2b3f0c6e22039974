//! The demo account, created at start in dev mode when missing, so a newcomer can try the journey.

use recupera_api::validation::{Identifier, IdentifierKind};

use crate::{storage::accounts::NewAccount, AppState};

pub const USERNAME: &str = "demo";
pub const EMAIL: &str = "demo@recupera.test";
pub const PHONE: &str = "+34600000001";
pub const PASSWORD: &str = "Contraseña-Olvidada-2026";

pub async fn ensure_demo_account(state: &AppState) -> anyhow::Result<()> {
    let identifier = Identifier { kind: IdentifierKind::Username, value: USERNAME.into() };
    if state.db.find_account(&identifier).await?.is_some() {
        return Ok(());
    }
    let hash = state.hasher.hash(PASSWORD).await?;
    let new = NewAccount {
        username: USERNAME,
        email: EMAIL,
        phone: Some(PHONE),
        password_hash: &hash,
        language: "es",
    };
    match state.db.insert_account(new, state.clock.now()).await? {
        Ok(_) => tracing::info!("demo account created: {USERNAME} / {EMAIL} / {PHONE}, password {PASSWORD}"),
        Err(taken) => {
            tracing::warn!(?taken, "demo account not created: its email or phone belongs to another account")
        }
    }
    Ok(())
}
