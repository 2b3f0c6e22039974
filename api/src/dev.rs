//! Dev mode only: `GET /api/v1/dev/mailbox` lists the messages the server would have delivered, so a
//! newcomer can finish the journey without a mail server; `POST /api/v1/dev/clock` moves time on.

use serde::{Deserialize, Serialize};

use crate::recovery::Channel;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MailboxMessage {
    pub id: i64,
    pub channel: Channel,
    pub to: String,
    /// Empty for SMS.
    pub subject: String,
    pub body: String,
    /// Unix seconds.
    pub created_at: i64,
}

/// `POST /api/v1/dev/clock`, dev mode only: moves the server's clock forward, so end-to-end tests see
/// a code expire or a cool-down end without waiting for it. The clock never goes back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AdvanceClockRequest {
    /// 1 to 2 678 400 (31 days). A whole number, written `60` or `60.0` (JSON Schema counts both as
    /// integers).
    #[serde(deserialize_with = "whole_number")]
    pub seconds: u32,
}

fn whole_number<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<u32, D::Error> {
    struct WholeNumber;
    impl serde::de::Visitor<'_> for WholeNumber {
        type Value = u32;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a whole number from 0 to 4294967295")
        }
        fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<u32, E> {
            u32::try_from(n).map_err(|_| E::custom("out of range"))
        }
        fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<u32, E> {
            u32::try_from(n).map_err(|_| E::custom("out of range"))
        }
        fn visit_f64<E: serde::de::Error>(self, n: f64) -> Result<u32, E> {
            if n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n) {
                Ok(n as u32)
            } else {
                Err(E::custom("not a whole number in range"))
            }
        }
    }
    deserializer.deserialize_any(WholeNumber)
}

/// The longest single step `POST /api/v1/dev/clock` takes.
pub const MAX_CLOCK_STEP_S: u32 = 31 * 24 * 3600;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_are_a_whole_number_written_with_or_without_a_fraction() {
        let read = |json: &str| serde_json::from_str::<AdvanceClockRequest>(json).map(|r| r.seconds).ok();
        assert_eq!(read(r#"{"seconds": 60}"#), Some(60));
        assert_eq!(read(r#"{"seconds": 60.0}"#), Some(60));
        assert_eq!(read(r#"{"seconds": 60.5}"#), None);
        assert_eq!(read(r#"{"seconds": -1}"#), None);
        assert_eq!(read(r#"{"seconds": "60"}"#), None);
    }
}
