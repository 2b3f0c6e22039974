use super::Db;

/// What a cleanup removed, per table.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Removed {
    pub sessions: u64,
    pub flows: u64,
    pub code_failures: u64,
    pub bot_checks: u64,
    pub messages: u64,
}

/// Ended flows and sent messages are kept this long (for support and the audit trail's context).
const KEEP_S: i64 = 7 * 24 * 3600;
/// Wrong codes count against budgets for at most a day.
const FAILURES_KEEP_S: i64 = 24 * 3600;
/// Rows deleted per statement. Each statement holds the one writer; a backlog (a million old flows
/// after a quiet month, say) is removed in short steps with requests served between them.
const BATCH: i64 = 5_000;

impl Db {
    /// Deletes what can no longer matter, so tables do not grow without end.
    pub async fn clean_up(&self, now: i64) -> anyhow::Result<Removed> {
        Ok(Removed {
            sessions: self.delete_in_batches("sessions", "expires_at <= ?", now).await?,
            flows: self.delete_in_batches("recovery_flows", "expires_at <= ?", now - KEEP_S).await?,
            code_failures: self.delete_in_batches("code_failures", "at <= ?", now - FAILURES_KEEP_S).await?
                + self.delete_in_batches("sign_in_failures", "at <= ?", now - FAILURES_KEEP_S).await?,
            bot_checks: self.delete_in_batches("bot_check_used", "expires_at <= ?", now).await?,
            messages: self
                .delete_in_batches("outbox", "sent_at IS NOT NULL AND sent_at <= ?", now - KEEP_S)
                .await?,
        })
    }

    /// Deletes the rows of `table` matching `condition` (one `?`, bound to `before`), `BATCH` at a time.
    async fn delete_in_batches(
        &self,
        table: &'static str,
        condition: &'static str,
        before: i64,
    ) -> anyhow::Result<u64> {
        let sql = format!(
            "DELETE FROM {table} WHERE rowid IN (SELECT rowid FROM {table} WHERE {condition} LIMIT {BATCH})"
        );
        let mut removed = 0;
        loop {
            let batch = sqlx::query(&sql).bind(before).execute(&self.writer).await?.rows_affected();
            removed += batch;
            if batch < BATCH as u64 {
                return Ok(removed);
            }
            // Let queued writes (people's requests) have the writer before the next step.
            tokio::task::yield_now().await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_backlog_larger_than_a_batch_is_removed_entirely_and_nothing_live_with_it() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::connect(&format!("sqlite://{}", dir.path().join("db.sqlite").display())).await.unwrap();
        let backlog = 2 * BATCH + 17;
        sqlx::query(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
             INSERT INTO bot_check_used (signature, expires_at) SELECT 'old-' || i, 100 FROM n",
        )
        .bind(backlog)
        .execute(&db.writer)
        .await
        .unwrap();
        sqlx::query("INSERT INTO bot_check_used (signature, expires_at) VALUES ('live', 10000)")
            .execute(&db.writer)
            .await
            .unwrap();
        let removed = db.clean_up(1000).await.unwrap();
        assert_eq!(removed.bot_checks, backlog as u64);
        let left: (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM bot_check_used").fetch_one(&db.writer).await.unwrap();
        assert_eq!(left.0, 1, "the live row stays");
    }
}
