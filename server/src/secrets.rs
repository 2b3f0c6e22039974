//! The server's keys: one for the verification codes' HMAC, one for signing bot-check challenges,
//! and two derived from the code key (HKDF-SHA256, one label each): the outbox's sealing key and the
//! key that turns addresses into the opaque names the send caps count under.
//!
//! Production reads them from configuration and refuses to start without them. Dev mode generates
//! them on first start and keeps them in the database, so codes survive a restart.

use anyhow::{bail, Context};
use rand::RngCore;

use crate::{storage::Db, Config};

#[derive(Clone)]
pub struct Secrets {
    pub code_key: [u8; 32],
    pub bot_check_key: String,
    /// Seals the outbox's message arguments (`outbox::sealed`).
    pub outbox_key: [u8; 32],
    /// HMAC key for the names under which caps count an address (no address in clear at rest).
    pub cap_key: [u8; 32],
}

impl std::fmt::Debug for Secrets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secrets { .. }")
    }
}

impl Secrets {
    pub async fn load(config: &Config, db: &Db) -> anyhow::Result<Secrets> {
        let code_key =
            key(config.code_key.as_deref(), "RECUPERA_CODE_KEY", "code_key", config.dev, db).await?;
        let bot_key =
            key(config.bot_check_key.as_deref(), "RECUPERA_BOT_CHECK_KEY", "bot_check_key", config.dev, db)
                .await?;
        Ok(Secrets::from_keys(code_key, &bot_key))
    }

    pub fn from_keys(code_key: [u8; 32], bot_check_key: &[u8; 32]) -> Secrets {
        Secrets {
            code_key,
            bot_check_key: hex(bot_check_key),
            outbox_key: derive(&code_key, b"recupera outbox arguments v1"),
            cap_key: derive(&code_key, b"recupera cap names v1"),
        }
    }

    /// The opaque name of an address in the caps' table: HMAC-SHA256 under `cap_key`, hex.
    pub fn address_name(&self, address: &str) -> String {
        use hmac::{Hmac, Mac};
        let mut mac = Hmac::<sha2::Sha256>::new_from_slice(&self.cap_key).expect("any key length works");
        mac.update(address.to_lowercase().as_bytes());
        hex(&mac.finalize().into_bytes()[..16])
    }
}

/// A key of its own for one purpose, from the code key (HKDF-SHA256 with `label` as its info).
fn derive(code_key: &[u8; 32], label: &[u8]) -> [u8; 32] {
    let mut key = [0u8; 32];
    hkdf::Hkdf::<sha2::Sha256>::new(None, code_key)
        .expand(label, &mut key)
        .expect("32 bytes is a valid length");
    key
}

async fn key(
    configured: Option<&str>,
    variable: &str,
    name: &str,
    dev: bool,
    db: &Db,
) -> anyhow::Result<[u8; 32]> {
    if let Some(text) = configured {
        return parse_hex_key(text).with_context(|| format!("{variable} must be 64 hex digits"));
    }
    if !dev {
        bail!("{variable} is not set; outside dev mode it is required (64 hex digits, e.g. from `openssl rand -hex 32`)");
    }
    let mut fresh = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut fresh);
    let stored = db.secret_or_insert(name, &fresh).await?;
    stored.try_into().map_err(|_| anyhow::anyhow!("the stored {name} is not 32 bytes"))
}

fn parse_hex_key(text: &str) -> anyhow::Result<[u8; 32]> {
    let text = text.trim();
    if text.len() != 64 {
        bail!("expected 64 hex digits, found {}", text.len());
    }
    let mut key = [0u8; 32];
    for (i, byte) in key.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).context("not hex")?;
    }
    Ok(key)
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
