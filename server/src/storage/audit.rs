use super::Db;

impl Db {
    pub async fn audit(
        &self,
        event: &str,
        account_id: Option<i64>,
        flow_id: Option<&str>,
        ip: &str,
        user_agent: &str,
        now: i64,
    ) -> anyhow::Result<()> {
        sqlx::query("INSERT INTO audit_log (at, event, account_id, flow_id, ip, user_agent) VALUES (?, ?, ?, ?, ?, ?)")
            .bind(now)
            .bind(event)
            .bind(account_id)
            .bind(flow_id)
            .bind(ip)
            .bind(user_agent)
            .execute(&self.writer)
            .await?;
        Ok(())
    }

    pub async fn audit_events(&self, flow_id: &str) -> anyhow::Result<Vec<String>> {
        Ok(sqlx::query_scalar("SELECT event FROM audit_log WHERE flow_id = ? ORDER BY id")
            .bind(flow_id)
            .fetch_all(&self.pool)
            .await?)
    }

    /// Records a solved bot-check challenge; false when it was already used.
    pub async fn use_bot_check(&self, signature: &str, expires_at: i64) -> anyhow::Result<bool> {
        let done = sqlx::query("INSERT OR IGNORE INTO bot_check_used (signature, expires_at) VALUES (?, ?)")
            .bind(signature)
            .bind(expires_at)
            .execute(&self.writer)
            .await?;
        Ok(done.rows_affected() == 1)
    }

    /// A stored secret, or `fresh` stored under `name` when there is none yet.
    pub async fn secret_or_insert(&self, name: &str, fresh: &[u8]) -> anyhow::Result<Vec<u8>> {
        sqlx::query("INSERT OR IGNORE INTO server_secrets (name, value) VALUES (?, ?)")
            .bind(name)
            .bind(fresh)
            .execute(&self.writer)
            .await?;
        Ok(sqlx::query_scalar("SELECT value FROM server_secrets WHERE name = ?")
            .bind(name)
            .fetch_one(&self.writer)
            .await?)
    }
}
