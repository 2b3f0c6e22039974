use super::{accounts::Account, Db};

impl Db {
    pub async fn insert_session(
        &self,
        token_hash: &[u8],
        account_id: i64,
        now: i64,
        expires_at: i64,
    ) -> anyhow::Result<()> {
        sqlx::query(
            "INSERT INTO sessions (token_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
        )
        .bind(token_hash)
        .bind(account_id)
        .bind(now)
        .bind(expires_at)
        .execute(&self.writer)
        .await?;
        Ok(())
    }

    /// The account of a live session.
    pub async fn session_account(&self, token_hash: &[u8], now: i64) -> anyhow::Result<Option<Account>> {
        Ok(sqlx::query_as::<_, Account>(
            "SELECT a.id, a.username, a.email, a.phone, a.password_hash, a.language
             FROM sessions s JOIN accounts a ON a.id = s.account_id
             WHERE s.token_hash = ? AND s.expires_at > ?",
        )
        .bind(token_hash)
        .bind(now)
        .fetch_optional(&self.pool)
        .await?)
    }

    pub async fn delete_session(&self, token_hash: &[u8]) -> anyhow::Result<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = ?")
            .bind(token_hash)
            .execute(&self.writer)
            .await?;
        Ok(())
    }

    pub async fn count_sessions(&self, account_id: i64) -> anyhow::Result<i64> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM sessions WHERE account_id = ?")
            .bind(account_id)
            .fetch_one(&self.pool)
            .await?)
    }

    pub async fn record_sign_in_failure(&self, identifier: &str, ip: &str, now: i64) -> anyhow::Result<()> {
        sqlx::query("INSERT INTO sign_in_failures (identifier, ip, at) VALUES (?, ?, ?)")
            .bind(identifier)
            .bind(ip)
            .bind(now)
            .execute(&self.writer)
            .await?;
        Ok(())
    }

    /// Failed sign-ins since `since` for `identifier` and from `ip`, each counted up to its budget
    /// (`up_to`).
    pub async fn sign_in_failures_since(
        &self,
        identifier: &str,
        ip: &str,
        since: i64,
        up_to: (u32, u32),
    ) -> anyhow::Result<(i64, i64)> {
        let by_identifier = self
            .count_recent("sign_in_failures", "identifier", identifier.to_owned(), since, up_to.0)
            .await?;
        let by_ip = self.count_recent("sign_in_failures", "ip", ip.to_owned(), since, up_to.1).await?;
        Ok((by_identifier, by_ip))
    }
}
