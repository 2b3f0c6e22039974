//! Flow ids and verification codes: random from the OS's CSPRNG; codes stored only as an HMAC.

use base64::Engine;
use hmac::{Hmac, Mac};
use rand::{Rng, RngCore};
use sha2::Sha256;

/// The second the flow starts (8 hex digits), then 128 random bits (URL-safe base64). The random bits
/// make the id unguessable; the time in front makes new flows sort after older ones, so each is added
/// at the end of the flows' index rather than on a random page of it (a page the background
/// checkpoint would then copy for that one flow).
pub fn new_flow_id(now: i64) -> String {
    let mut random = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut random);
    let second = now.clamp(0, i64::from(u32::MAX));
    format!("{second:08x}{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(random))
}

/// 8 uniformly random digits.
pub fn new_code() -> String {
    format!("{:08}", rand::rngs::OsRng.gen_range(0..100_000_000u32))
}

/// "12345678" → "1234 5678", easier to read and type.
pub fn display_code(code: &str) -> String {
    format!("{} {}", &code[..4], &code[4..])
}

/// HMAC-SHA256(code key, flow id ‖ 0 ‖ code): binding the flow id means a code is only good in its flow.
pub fn code_mac(code_key: &[u8; 32], flow_id: &str, code: &str) -> Vec<u8> {
    let mut mac = Hmac::<Sha256>::new_from_slice(code_key).expect("any key length works");
    mac.update(flow_id.as_bytes());
    mac.update(&[0]);
    mac.update(code.as_bytes());
    mac.finalize().into_bytes().to_vec()
}

/// Whether a stored MAC (none: nothing can match) is `expected`, in constant time.
pub fn mac_matches(stored: Option<&[u8]>, expected: &[u8]) -> bool {
    let stored = stored.unwrap_or_default();
    stored.len() == expected.len() && bool::from(subtle::ConstantTimeEq::ct_eq(stored, expected))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flow_ids_are_unguessable_url_safe_and_sort_by_their_second() {
        let (first, twin, later) =
            (new_flow_id(1_800_000_000), new_flow_id(1_800_000_000), new_flow_id(1_800_000_001));
        assert_ne!(first, twin, "the random part differs within a second");
        assert!(first < later && twin < later, "{first} {twin} {later}");
        assert_eq!(first.len(), 8 + 22, "the second, then 16 random bytes in base64");
        assert!(first.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'), "{first}");
    }
}
