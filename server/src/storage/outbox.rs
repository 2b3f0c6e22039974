use sqlx::FromRow;

use super::{on_reader, on_writer, Db, Dialect};

#[derive(Clone, Debug, FromRow)]
pub struct OutboxMessage {
    pub id: i64,
    pub channel: String,
    pub recipient: String,
    pub language: String,
    pub template: String,
    pub args: String,
    pub created_at: i64,
    pub attempts: i64,
}

/// A message whose delivery was given up.
#[derive(Clone, Debug, FromRow)]
pub struct FailedMessage {
    pub id: i64,
    pub channel: String,
    pub recipient: String,
    pub template: String,
    pub attempts: i64,
    pub failed_at: i64,
    pub last_error: String,
}

/// In the order of the partial `outbox_due` index (codes before notices, then the due the longest,
/// then the row id), so the first due row is found without sorting the queue: when mail piles up under load, a
/// claim that sorted every waiting message held the one writer for all of them. A message past its
/// deadline (a code that expired while its delivery waited) is never taken; the cleanup deletes it.
const CLAIM_DUE_MESSAGE: &str = "UPDATE outbox SET claimed_until = $1, attempts = attempts + 1
     WHERE id = (SELECT id FROM outbox
                 WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $2 AND claimed_until <= $3
                   AND (expires_at IS NULL OR expires_at > $4)
                 ORDER BY priority, next_attempt_at, id LIMIT 1)
     RETURNING id, channel, recipient, language, template, args, created_at, attempts";

/// The same claim on PostgreSQL, where every replica's worker claims at once: the first due row that
/// no other claim holds right now (`SKIP LOCKED`: two workers never wait for, or take, the same row),
/// leased by this statement's commit. The lease is checked again on the row itself, as it is when
/// the claim is made.
const CLAIM_DUE_MESSAGE_ON_POSTGRES: &str = "UPDATE outbox SET claimed_until = $1, attempts = attempts + 1
     WHERE claimed_until <= $3
       AND id = (SELECT id FROM outbox
                 WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $2 AND claimed_until <= $3
                   AND (expires_at IS NULL OR expires_at > $4)
                 ORDER BY priority, next_attempt_at, id LIMIT 1
                 FOR UPDATE SKIP LOCKED)
     RETURNING id, channel, recipient, language, template, args, created_at, attempts";

impl Db {
    /// Takes the message due the longest and leases it until `lease_until`: a worker that dies
    /// mid-send leaves it to be taken again after the lease; one that finishes marks it sent.
    pub async fn claim_due_message(
        &self,
        now: i64,
        lease_until: i64,
    ) -> anyhow::Result<Option<OutboxMessage>> {
        let claim = match self.dialect() {
            Dialect::Sqlite => CLAIM_DUE_MESSAGE,
            Dialect::Postgres => CLAIM_DUE_MESSAGE_ON_POSTGRES,
        };
        Ok(on_writer!(self, |c| sqlx::query_as::<_, OutboxMessage>(claim)
            .bind(lease_until)
            .bind(now)
            .bind(now)
            .bind(now)
            .fetch_optional(c)
            .await)?)
    }

    /// Marks a message sent and, unless `keep_arguments` (the dev mailbox is its only recipient and
    /// shows it from here), empties its sealed arguments: nothing of a sent code stays at rest.
    pub async fn mark_message_sent(&self, id: i64, now: i64, keep_arguments: bool) -> anyhow::Result<()> {
        on_writer!(self, |c| sqlx::query(
            "UPDATE outbox SET sent_at = $1, claimed_until = 0, last_error = NULL,
                 args = CASE WHEN $2 THEN args ELSE '' END
             WHERE id = $3",
        )
        .bind(now)
        .bind(keep_arguments)
        .bind(id)
        .execute(c)
        .await
        .map(|done| done.rows_affected()))?;
        Ok(())
    }

    /// Delivery is given up: kept, as failed, for operators.
    pub async fn give_up_message(&self, id: i64, error: &str, now: i64) -> anyhow::Result<()> {
        on_writer!(self, |c| sqlx::query(
            "UPDATE outbox SET claimed_until = 0, failed_at = $1, last_error = $2 WHERE id = $3"
        )
        .bind(now)
        .bind(error)
        .bind(id)
        .execute(c)
        .await
        .map(|done| done.rows_affected()))?;
        Ok(())
    }

    /// The messages whose delivery was given up, newest first.
    pub async fn failed_messages(&self, limit: i64) -> anyhow::Result<Vec<FailedMessage>> {
        Ok(on_reader!(self, |c| {
            sqlx::query_as::<_, FailedMessage>(
            "SELECT id, channel, recipient, template, attempts, failed_at, COALESCE(last_error, '') AS last_error
             FROM outbox WHERE failed_at IS NOT NULL ORDER BY failed_at DESC, id DESC LIMIT $1",
        )
        .bind(limit)
        .fetch_all(c).await
        })?)
    }

    /// Puts a given-up message back in the queue, due now, with its attempts counted afresh. False
    /// when there is no given-up message `id`.
    pub async fn retry_message(&self, id: i64, now: i64) -> anyhow::Result<bool> {
        let done = on_writer!(self, |c| sqlx::query(
            "UPDATE outbox SET failed_at = NULL, attempts = 0, next_attempt_at = $1, claimed_until = 0
             WHERE id = $2 AND failed_at IS NOT NULL",
        )
        .bind(now)
        .bind(id)
        .execute(c)
        .await
        .map(|done| done.rows_affected()))?;
        Ok(done == 1)
    }

    pub async fn mark_message_failed(&self, id: i64, error: &str, retry_at: i64) -> anyhow::Result<()> {
        on_writer!(self, |c| sqlx::query(
            "UPDATE outbox SET claimed_until = 0, next_attempt_at = $1, last_error = $2 WHERE id = $3"
        )
        .bind(retry_at)
        .bind(error)
        .bind(id)
        .execute(c)
        .await
        .map(|done| done.rows_affected()))?;
        Ok(())
    }

    /// Every message, newest first (the dev mailbox).
    pub async fn all_messages(&self, limit: i64) -> anyhow::Result<Vec<OutboxMessage>> {
        Ok(on_reader!(self, |c| sqlx::query_as::<_, OutboxMessage>(
            "SELECT id, channel, recipient, language, template, args, created_at, attempts
             FROM outbox ORDER BY id DESC LIMIT $1",
        )
        .bind(limit)
        .fetch_all(c)
        .await)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::testing::{query_plan, scratch_db};

    #[tokio::test]
    async fn claiming_a_message_finds_the_first_due_one_without_sorting_the_queue() {
        let (_dir, db) = scratch_db().await;
        let steps = query_plan(&db, CLAIM_DUE_MESSAGE).await;
        // The claim walks `outbox_due` in its order and stops at the first due row. That index holds
        // only messages still to send (it is partial), and due ones come first within each priority:
        // the walk passes over at most the codes waiting for a retry, never over sent mail.
        assert!(steps.iter().any(|step| step == "SCAN outbox USING INDEX outbox_due"), "{steps:?}");
        assert!(
            !steps.iter().any(|step| step.contains("TEMP B-TREE")
                || (step.starts_with("SCAN") && !step.contains("outbox_due"))),
            "{steps:?}"
        );
    }
}
