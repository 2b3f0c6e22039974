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

impl Db {
    /// Deletes what can no longer matter, so tables do not grow without end.
    pub async fn clean_up(&self, now: i64) -> anyhow::Result<Removed> {
        let run = |sql: &'static str, before: i64| async move {
            Ok::<u64, anyhow::Error>(
                sqlx::query(sql).bind(before).execute(&self.writer).await?.rows_affected(),
            )
        };
        Ok(Removed {
            sessions: run("DELETE FROM sessions WHERE expires_at <= ?", now).await?,
            flows: run("DELETE FROM recovery_flows WHERE expires_at <= ?", now - KEEP_S).await?,
            code_failures: run("DELETE FROM code_failures WHERE at <= ?", now - FAILURES_KEEP_S).await?
                + run("DELETE FROM sign_in_failures WHERE at <= ?", now - FAILURES_KEEP_S).await?,
            bot_checks: run("DELETE FROM bot_check_used WHERE expires_at <= ?", now).await?,
            messages: run("DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at <= ?", now - KEEP_S)
                .await?,
        })
    }
}
