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

    /// Counts a sign-in attempt as failed before its password is checked, when the identifier and
    /// the client network are under their budgets (`up_to`); `None` when either is spent. Deciding
    /// and recording in one write means parallel guesses cannot all pass the check: at most the
    /// budget of them is ever judged. A right password gives the attempt back (`release_sign_in_attempt`).
    pub async fn reserve_sign_in_attempt(
        &self,
        identifier: &str,
        network: &str,
        since: i64,
        up_to: (u32, u32),
        now: i64,
    ) -> anyhow::Result<Option<i64>> {
        let mut write = self.write().await?;
        let by_identifier =
            write.count_recent("sign_in_failures", "identifier", identifier, since, up_to.0).await?;
        let by_network = write.count_recent("sign_in_failures", "ip", network, since, up_to.1).await?;
        if by_identifier >= i64::from(up_to.0) || by_network >= i64::from(up_to.1) {
            return Ok(None);
        }
        let id = sqlx::query("INSERT INTO sign_in_failures (identifier, ip, at) VALUES (?, ?, ?)")
            .bind(identifier)
            .bind(network)
            .bind(now)
            .execute(&mut *write.tx)
            .await?
            .last_insert_rowid();
        write.commit().await?;
        Ok(Some(id))
    }

    /// The attempt `id` succeeded: it no longer counts as a failure.
    pub async fn release_sign_in_attempt(&self, id: i64) -> anyhow::Result<()> {
        sqlx::query("DELETE FROM sign_in_failures WHERE id = ?").bind(id).execute(&self.writer).await?;
        Ok(())
    }
}
