//! `GET /api/v1/dev/mailbox`: in dev mode only, the messages the server would have delivered, so a
//! newcomer can finish the journey without a mail server.

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
