use super::{accounts::Account, Db};

/// A session's last use is written when it is at least this old: at most one write a minute per
/// session, however busy the page, and an idle timeout measured to the minute.
const LAST_SEEN_GRANULARITY_S: i64 = 60;

impl Db {
    /// Starts a session; the session `replaces` (this browser's previous one, if any) ends in the
    /// same write.
    pub async fn insert_session(
        &self,
        token_hash: &[u8],
        replaces: Option<&[u8]>,
        account_id: i64,
        now: i64,
        expires_at: i64,
    ) -> anyhow::Result<()> {
        let mut write = self.write().await?;
        if let Some(previous) = replaces {
            sqlx::query("DELETE FROM sessions WHERE token_hash = ?")
                .bind(previous)
                .execute(&mut *write.tx)
                .await?;
        }
        sqlx::query(
            "INSERT INTO sessions (token_hash, account_id, created_at, expires_at, last_seen_at) VALUES (?, ?, ?, ?, ?)",
        )
        .bind(token_hash)
        .bind(account_id)
        .bind(now)
        .bind(expires_at)
        .bind(now)
        .execute(&mut *write.tx)
        .await?;
        write.commit().await
    }

    /// The account of a live session: within its lifetime and used since `idle_since`. Its use now is
    /// recorded (to the minute).
    pub async fn session_account(
        &self,
        token_hash: &[u8],
        now: i64,
        idle_since: i64,
    ) -> anyhow::Result<Option<Account>> {
        let found = sqlx::query_as::<_, (i64, i64, String, String, Option<String>, String, String)>(
            "SELECT s.last_seen_at, a.id, a.username, a.email, a.phone, a.password_hash, a.language
             FROM sessions s JOIN accounts a ON a.id = s.account_id
             WHERE s.token_hash = ? AND s.expires_at > ? AND s.last_seen_at > ?",
        )
        .bind(token_hash)
        .bind(now)
        .bind(idle_since)
        .fetch_optional(&self.pool)
        .await?;
        let Some((last_seen_at, id, username, email, phone, password_hash, language)) = found else {
            return Ok(None);
        };
        if now - last_seen_at >= LAST_SEEN_GRANULARITY_S {
            // Only forward, and only while the session still stands (a sign-out meanwhile wins).
            sqlx::query("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ? AND last_seen_at < ?")
                .bind(now)
                .bind(token_hash)
                .bind(now)
                .execute(&self.writer)
                .await?;
        }
        Ok(Some(Account { id, username, email, phone, password_hash, language }))
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
