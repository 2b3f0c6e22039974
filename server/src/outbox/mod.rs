//! Delivering mail and SMS. Every message is an `outbox` row first (queued in the same request that
//! decided to send it); this worker takes due rows one at a time under a lease, renders them in the
//! row's language, hands them to the transport, and marks them sent — or schedules a retry with
//! exponential backoff. A crash mid-send leaves the row leased: it is retried once the lease runs out.
//! A permanent refusal (SMTP 5xx, an invalid address or number) or the last allowed attempt gives the
//! message up: it is kept as failed for operators (`recupera-server outbox failed`, `… retry ID`).

use std::{sync::Arc, time::Duration};

use tokio::sync::Notify;

pub mod sealed;
mod transport;

pub use transport::Transports;

use crate::{messages::render, storage::outbox::OutboxMessage, AppState};

const FIRST_RETRY_S: i64 = 30;
const LONGEST_RETRY_S: i64 = 3600;

/// The handle handlers use to wake the worker after queueing a message.
#[derive(Clone, Debug, Default)]
pub struct Outbox {
    notify: Arc<Notify>,
}

impl Outbox {
    pub fn wake(&self) {
        self.notify.notify_one();
    }
}

/// Sends every message that is due now; returns how many were sent.
pub async fn deliver_due(state: &AppState, transport: &Transports) -> anyhow::Result<usize> {
    let mut sent = 0;
    loop {
        let now = state.clock.now();
        let Some(message) = state.db.claim_due_message(now, now + state.config.outbox_lease_s.max(1)).await?
        else {
            return Ok(sent);
        };
        let Some(args) = open_arguments(state, &message) else {
            // Unreadable (sealed under another key, or tampered with): sending it would send nonsense.
            tracing::error!(id = message.id, "a queued message's arguments do not open; dropped");
            state.db.give_up_message(message.id, "its arguments do not open", state.clock.now()).await?;
            continue;
        };
        let rendered = render(&message.template, &message.channel, &message.language, &args);
        // The row's id and creation time: the same for every attempt, unlike any two messages.
        let identity = format!("recupera.{}.{}", message.id, message.created_at);
        let text = (rendered.subject.as_str(), rendered.body.as_str());
        match transport.send(&message.channel, &message.recipient, text, &identity).await {
            Ok(()) => {
                let keep = transport.is_dev_mailbox(&message.channel);
                state.db.mark_message_sent(message.id, state.clock.now(), keep).await?;
                sent += 1;
            }
            Err(err) if err.permanent || message.attempts >= i64::from(state.config.outbox_max_attempts) => {
                tracing::error!(id = message.id, attempts = message.attempts, error = %err, "delivery given up");
                state.db.give_up_message(message.id, &err.reason, state.clock.now()).await?;
            }
            Err(err) => {
                let delay = (FIRST_RETRY_S << (message.attempts - 1).clamp(0, 16)).min(LONGEST_RETRY_S);
                tracing::warn!(id = message.id, attempts = message.attempts, error = %err, "delivery failed; retrying in {delay} s");
                state.db.mark_message_failed(message.id, &err.reason, state.clock.now() + delay).await?;
            }
        }
    }
}

/// A queued message's arguments, opened with the outbox key.
pub fn open_arguments(state: &AppState, message: &OutboxMessage) -> Option<serde_json::Value> {
    let associated = sealed::associated_data(&message.channel, &message.recipient, &message.template);
    sealed::open(&state.secrets.outbox_key, &associated, &message.args)
}

/// Runs the delivery loop until the process ends: on every wake-up, and every second for retries.
pub fn spawn_worker(state: AppState, transport: Transports) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            if let Err(err) = deliver_due(&state, &transport).await {
                tracing::error!(error = ?err, "outbox worker");
            }
            let _ = tokio::time::timeout(Duration::from_secs(1), state.outbox.notify.notified()).await;
        }
    })
}
