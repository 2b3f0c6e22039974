//! A message's arguments at rest: sealed with XChaCha20-Poly1305 under the outbox key (derived from
//! the code key), so a database file or backup holds no usable code. The row's channel, recipient
//! and template are the associated data: a sealed value moved onto another row does not open.
//!
//! Stored form: base64 of the 24-byte random nonce followed by the ciphertext and its tag. An empty
//! string means "scrubbed" (the message was sent, or its code expired).

use base64::Engine;
use chacha20poly1305::{
    aead::{Aead, KeyInit, Payload},
    XChaCha20Poly1305, XNonce,
};
use rand::RngCore;

/// What binds a sealed value to its row.
pub fn associated_data(channel: &str, recipient: &str, template: &str) -> Vec<u8> {
    [channel, recipient, template].join("\u{0}").into_bytes()
}

pub fn seal(key: &[u8; 32], associated: &[u8], arguments: &serde_json::Value) -> String {
    let cipher = XChaCha20Poly1305::new(key.into());
    let mut nonce = [0u8; 24];
    rand::rngs::OsRng.fill_bytes(&mut nonce);
    let plain = arguments.to_string();
    let sealed = cipher
        .encrypt(XNonce::from_slice(&nonce), Payload { msg: plain.as_bytes(), aad: associated })
        .expect("sealing a short message cannot fail");
    let mut stored = nonce.to_vec();
    stored.extend_from_slice(&sealed);
    base64::engine::general_purpose::STANDARD_NO_PAD.encode(stored)
}

/// The arguments, or `None` when the value was scrubbed, tampered with, or sealed for another row.
pub fn open(key: &[u8; 32], associated: &[u8], stored: &str) -> Option<serde_json::Value> {
    let bytes = base64::engine::general_purpose::STANDARD_NO_PAD.decode(stored).ok()?;
    if bytes.len() < 24 {
        return None;
    }
    let (nonce, sealed) = bytes.split_at(24);
    let cipher = XChaCha20Poly1305::new(key.into());
    let plain = cipher.decrypt(XNonce::from_slice(nonce), Payload { msg: sealed, aad: associated }).ok()?;
    serde_json::from_slice(&plain).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_arguments_open_only_with_their_key_and_row() {
        let key = [7u8; 32];
        let row = associated_data("email", "ana@correo.test", "recovery-code");
        let arguments = serde_json::json!({ "code": "1234 5678", "minutes": 10 });
        let stored = seal(&key, &row, &arguments);
        assert!(!stored.contains("1234"), "{stored}");
        assert_eq!(open(&key, &row, &stored), Some(arguments));
        assert_eq!(open(&[8u8; 32], &row, &stored), None, "another key");
        let other_row = associated_data("email", "eve@correo.test", "recovery-code");
        assert_eq!(open(&key, &other_row, &stored), None, "moved to another recipient");
        assert_eq!(open(&key, &row, ""), None, "scrubbed");
    }
}
