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
    /// 1 to 2 678 400 (31 days).
    pub seconds: u32,
}

/// The longest single step `POST /api/v1/dev/clock` takes.
pub const MAX_CLOCK_STEP_S: u32 = 31 * 24 * 3600;
