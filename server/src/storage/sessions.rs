use super::{accounts::Account, on_reader, on_write, on_writer, write::NewMessage, Db};
use crate::routes::bot_check::SolvedBotCheck;

/// A session's last use is written when it is at least this old: at most one write a minute per
/// session, however busy the page, and an idle timeout measured to the minute.
const LAST_SEEN_GRANULARITY_S: i64 = 60;

/// A signed-in session, as Mi cuenta lists it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct SessionRow {
    pub token_hash: Vec<u8>,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub user_agent: String,
}

impl Db {
    /// Starts a session; the session `replaces` (this browser's previous one, if any) ends in the
    /// same write.
    pub async fn insert_session(
        &self,
        token_hash: &[u8],
        replaces: Option<&[u8]>,
        account_id: i64,
        (now, expires_at): (i64, i64),
        user_agent: &str,
    ) -> anyhow::Result<()> {
        let mut write = self.write().await?;
        if let Some(previous) = replaces {
            on_write!(write, |c| sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
                .bind(previous)
                .execute(c)
                .await
                .map(|done| done.rows_affected()))?;
        }
        on_write!(write, |c| sqlx::query(
            "INSERT INTO sessions (token_hash, account_id, created_at, expires_at, last_seen_at, user_agent)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(token_hash)
        .bind(account_id)
        .bind(now)
        .bind(expires_at)
        .bind(now)
        .bind(user_agent.chars().take(512).collect::<String>())
        .execute(c)
        .await
        .map(|done| done.rows_affected()))?;
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
        let found = on_reader!(self, |c| sqlx::query_as::<
            _,
            (i64, i64, String, String, Option<String>, String, String),
        >(
            "SELECT s.last_seen_at, a.id, a.username, a.email, a.phone, a.password_hash, a.language
             FROM sessions s JOIN accounts a ON a.id = s.account_id
             WHERE s.token_hash = $1 AND s.expires_at > $2 AND s.last_seen_at > $3",
        )
        .bind(token_hash)
        .bind(now)
        .bind(idle_since)
        .fetch_optional(c)
        .await)?;
        let Some((last_seen_at, id, username, email, phone, password_hash, language)) = found else {
            return Ok(None);
        };
        if now - last_seen_at >= LAST_SEEN_GRANULARITY_S {
            // Only forward, and only while the session still stands (a sign-out meanwhile wins).
            on_writer!(self, |c| sqlx::query(
                "UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2 AND last_seen_at < $3"
            )
            .bind(now)
            .bind(token_hash)
            .bind(now)
            .execute(c)
            .await
            .map(|done| done.rows_affected()))?;
        }
        Ok(Some(Account { id, username, email, phone, password_hash, language }))
    }

    /// The account's live sessions (within their lifetime, used since `idle_since`), last used first.
    pub async fn account_sessions(
        &self,
        account_id: i64,
        now: i64,
        idle_since: i64,
    ) -> anyhow::Result<Vec<SessionRow>> {
        Ok(on_reader!(self, |c| sqlx::query_as::<_, SessionRow>(
            "SELECT token_hash, created_at, last_seen_at, user_agent FROM sessions
             WHERE account_id = $1 AND expires_at > $2 AND last_seen_at > $3
             ORDER BY last_seen_at DESC, created_at DESC",
        )
        .bind(account_id)
        .bind(now)
        .bind(idle_since)
        .fetch_all(c)
        .await)?)
    }

    /// Ends the account's sessions whose hash `ends` picks (never `keep`): how many ended.
    pub async fn end_sessions(
        &self,
        account_id: i64,
        ends: Option<&[u8]>,
        keep: &[u8],
    ) -> anyhow::Result<u64> {
        let done = on_writer!(self, |c| {
            sqlx::query(
            "DELETE FROM sessions WHERE account_id = $1 AND token_hash <> $2 AND ($3 IS NULL OR token_hash = $4)",
        )
        .bind(account_id)
        .bind(keep)
        .bind(ends)
        .bind(ends)
        .execute(c).await.map(|done| done.rows_affected())
        })?;
        Ok(done)
    }

    pub async fn delete_session(&self, token_hash: &[u8]) -> anyhow::Result<()> {
        on_writer!(self, |c| sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(c)
            .await
            .map(|done| done.rows_affected()))?;
        Ok(())
    }

    /// Decides whether a sign-in's password may be judged, and counts it as a wrong one before it is
    /// (`SignInGate::Judge`): all in one write, so parallel guesses cannot all pass — 100 at once
    /// are judged only up to the first rule that holds them back. A right password gives the attempt
    /// back (`release_sign_in`).
    ///
    /// `guard` is the account's key (`account:<id>`), or the identifier's when no account has it, so
    /// an unknown identifier meets the same rules in the same order. `warning` is the mail to queue
    /// for the owner when the account is under attack (at most once a day).
    #[allow(clippy::too_many_arguments)]
    pub async fn reserve_sign_in(
        &self,
        guard: &str,
        network: &str,
        bot_check: Option<&SolvedBotCheck>,
        rules: &SignInRules,
        warning: Option<(&[u8; 32], NewMessage<'_>)>,
        now: i64,
    ) -> anyhow::Result<SignInGate> {
        let mut write = self.write().await?;
        let (failures, blocked_until, warned_at): (i64, i64, i64) = on_write!(write, |c| sqlx::query_as(
            "SELECT failures, blocked_until, warned_at FROM sign_in_guards WHERE key = $1"
        )
        .bind(guard)
        .fetch_optional(c)
        .await)?
        .unwrap_or((0, 0, 0));
        if failures >= i64::from(rules.limit) {
            return Ok(SignInGate::Paused);
        }
        if blocked_until > now {
            return Ok(SignInGate::Wait(blocked_until - now));
        }
        let from_network = write
            .count_recent("sign_in_failures", "ip", network, now - rules.network_window_s, rules.per_network)
            .await?;
        let needs_bot_check =
            failures >= i64::from(rules.before_bot_check) || from_network >= i64::from(rules.per_network);
        // A solution is spent here, in the write it allows: it serves one attempt.
        let spent_before = match bot_check {
            None if needs_bot_check => return Ok(SignInGate::NeedsBotCheck),
            None => false,
            Some(solved) => !write.spend_bot_check(&solved.signature, solved.expires_at).await?,
        };
        if spent_before {
            return Ok(SignInGate::BotCheckSpent);
        }
        let counted = failures + 1;
        let wait = match u32::try_from(counted - i64::from(rules.before_delay)) {
            Ok(doublings) => 1_i64.checked_shl(doublings.min(62)).unwrap_or(i64::MAX).min(rules.delay_max_s),
            Err(_) => 0,
        };
        let warn = failures >= i64::from(rules.before_warning) && warned_at <= now - 24 * 3600;
        let warned = match warning {
            Some((outbox_key, message)) if warn => {
                write.enqueue(outbox_key, message, now).await?;
                true
            }
            _ => false,
        };
        let warned_at = if warned { now } else { warned_at };
        on_write!(write, |c| {
            sqlx::query(
            "INSERT INTO sign_in_guards (key, failures, blocked_until, warned_at, updated_at) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (key) DO UPDATE SET failures = $2, blocked_until = $3, warned_at = $4, updated_at = $5",
        )
        .bind(guard)
        .bind(counted)
        .bind(now + wait)
        .bind(warned_at)
        .bind(now)
        .execute(c).await.map(|done| done.rows_affected())
        })?;
        let attempt = on_write!(write, |c| sqlx::query_scalar(
            "INSERT INTO sign_in_failures (identifier, ip, at) VALUES ('', $1, $2) RETURNING id"
        )
        .bind(network)
        .bind(now)
        .fetch_one(c)
        .await)?;
        write.commit().await?;
        Ok(SignInGate::Judge { attempt, warned })
    }

    /// The attempt `attempt` had the right password: it no longer counts, and the account's run of
    /// wrong passwords is over.
    pub async fn release_sign_in(&self, guard: &str, attempt: i64) -> anyhow::Result<()> {
        self.forget_sign_in_attempt(attempt, "DELETE FROM sign_in_guards WHERE key = $1", guard).await
    }

    /// The attempt `attempt` was not judged (the server was too busy): it does not count.
    pub async fn give_back_sign_in(&self, guard: &str, attempt: i64) -> anyhow::Result<()> {
        let undo =
            "UPDATE sign_in_guards SET failures = CASE WHEN failures > 0 THEN failures - 1 ELSE 0 END, blocked_until = 0 WHERE key = $1";
        self.forget_sign_in_attempt(attempt, undo, guard).await
    }

    /// Removes the network's count of `attempt` and runs `guard_sql` on the guard `guard`, in one write.
    async fn forget_sign_in_attempt(&self, attempt: i64, guard_sql: &str, guard: &str) -> anyhow::Result<()> {
        let mut write = self.write().await?;
        on_write!(write, |c| sqlx::query("DELETE FROM sign_in_failures WHERE id = $1")
            .bind(attempt)
            .execute(c)
            .await
            .map(|done| done.rows_affected()))?;
        on_write!(write, |c| sqlx::query(guard_sql)
            .bind(guard)
            .execute(c)
            .await
            .map(|done| done.rows_affected()))?;
        write.commit().await
    }
}

/// The rules of `reserve_sign_in` (from the policy).
#[derive(Clone, Copy, Debug)]
pub struct SignInRules {
    pub before_bot_check: u32,
    pub before_delay: u32,
    pub delay_max_s: i64,
    pub before_warning: u32,
    pub limit: u32,
    pub per_network: u32,
    pub network_window_s: i64,
}

/// Whether a sign-in's password is judged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignInGate {
    /// Judge it; counted as wrong until `release_sign_in(…, attempt)`. `warned`: the owner's mail
    /// was queued with it.
    Judge { attempt: i64, warned: bool },
    /// It needs a solved "I am not a robot" check first.
    NeedsBotCheck,
    /// The bot check's solution was spent by another request.
    BotCheckSpent,
    /// The next try may come in this many seconds.
    Wait(i64),
    /// Too many wrong passwords in a row: paused until the account is recovered.
    Paused,
}
