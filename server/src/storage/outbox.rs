use sqlx::FromRow;

use super::Db;

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

impl Db {
    pub async fn enqueue_message(
        &self,
        channel: &str,
        recipient: &str,
        language: &str,
        template: &str,
        args: &serde_json::Value,
        now: i64,
    ) -> anyhow::Result<i64> {
        let id = sqlx::query(
            "INSERT INTO outbox (channel, recipient, language, template, args, created_at, next_attempt_at)
             VALUES (?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(channel)
        .bind(recipient)
        .bind(language)
        .bind(template)
        .bind(args.to_string())
        .bind(now)
        .bind(now)
        .execute(&self.writer)
        .await?
        .last_insert_rowid();
        Ok(id)
    }

    /// Takes the next due message and leases it until `lease_until`: a worker that dies mid-send leaves
    /// it to be taken again after the lease; one that finishes marks it sent.
    pub async fn claim_due_message(
        &self,
        now: i64,
        lease_until: i64,
    ) -> anyhow::Result<Option<OutboxMessage>> {
        Ok(sqlx::query_as::<_, OutboxMessage>(
            "UPDATE outbox SET claimed_until = ?, attempts = attempts + 1
             WHERE id = (SELECT id FROM outbox
                         WHERE sent_at IS NULL AND next_attempt_at <= ? AND claimed_until <= ?
                         ORDER BY id LIMIT 1)
             RETURNING id, channel, recipient, language, template, args, created_at, attempts",
        )
        .bind(lease_until)
        .bind(now)
        .bind(now)
        .fetch_optional(&self.writer)
        .await?)
    }

    pub async fn mark_message_sent(&self, id: i64, now: i64) -> anyhow::Result<()> {
        sqlx::query("UPDATE outbox SET sent_at = ?, claimed_until = 0, last_error = NULL WHERE id = ?")
            .bind(now)
            .bind(id)
            .execute(&self.writer)
            .await?;
        Ok(())
    }

    pub async fn mark_message_failed(&self, id: i64, error: &str, retry_at: i64) -> anyhow::Result<()> {
        sqlx::query("UPDATE outbox SET claimed_until = 0, next_attempt_at = ?, last_error = ? WHERE id = ?")
            .bind(retry_at)
            .bind(error)
            .bind(id)
            .execute(&self.writer)
            .await?;
        Ok(())
    }

    /// Every message, newest first (the dev mailbox).
    pub async fn all_messages(&self, limit: i64) -> anyhow::Result<Vec<OutboxMessage>> {
        Ok(sqlx::query_as::<_, OutboxMessage>(
            "SELECT id, channel, recipient, language, template, args, created_at, attempts
             FROM outbox ORDER BY id DESC LIMIT ?",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }
}
