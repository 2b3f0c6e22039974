//! One write transaction: the unit in which a rule is decided and recorded.
//!
//! Every budget and every step change reads what it depends on and records its outcome inside one
//! `Write`, so two requests at the same instant cannot both pass a check that only one of them may
//! pass. Either everything a request decided commits (the state change, its messages, its audit
//! rows) or nothing does.
//!
//! Writes deciding the same thing run one at a time, whichever replica takes them:
//! - On SQLite every write does: `BEGIN IMMEDIATE` takes the database's write lock before the first
//!   read (and this server's writes all queue on one connection anyway).
//! - On PostgreSQL a write names, when it starts, the [`Subject`]s it decides about (a flow, an
//!   account, a cap's key, a budget of wrong codes): its first statement takes one transaction-scoped
//!   advisory lock per subject, so a count read inside the write cannot change before its commit,
//!   while writes about other subjects go on in parallel. A write that names none ([`Db::write`])
//!   runs alone, as on SQLite. The subjects are locked all at once, in one order every write shares,
//!   under a shared hold of the lock that a lone write holds alone: no two writes can each wait for
//!   the other.
//! - Each decision checks that its write holds its subject, on both backends, so a subject left out
//!   is a failing test rather than a race.

use sha2::{Digest, Sha256};
use sqlx::{Postgres, Sqlite, Transaction};

use super::{audit::AuditEvent, flows::FlowRow, on_write, Backend, Db};
use crate::outbox::sealed;

/// The advisory lock a write naming no subjects holds alone on PostgreSQL, and every write naming
/// subjects holds shared. Any number; `CLEANUP_LOCK` is another.
const WRITE_LOCK: i64 = 0x7265_6375_7065_7261; // "recupera"

pub struct Write {
    pub(crate) tx: Tx,
    /// What this write may decide about.
    scope: Scope,
}

enum Scope {
    /// It runs alone: everything.
    Everything,
    /// Only these subjects, each locked for it.
    Only(Vec<Subject>),
}

/// Something a write decides about, which no other write may decide about at the same time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Subject(String);

impl Subject {
    /// A recovery flow: its step, its code, its wrong codes.
    pub fn flow(id: &str) -> Subject {
        Subject(format!("flow:{id}"))
    }

    /// An account: its password, its sessions, its other flows.
    pub fn account(id: i64) -> Subject {
        Subject(format!("account:{id}"))
    }

    /// The cap `key` of `Write::take_cap`.
    pub fn cap(key: &str) -> Subject {
        Subject(format!("cap:{key}"))
    }

    /// The wrong codes counted against an identifier, across flows (`Write::code_failures_since`).
    pub fn code_failures_of(identifier: &str) -> Subject {
        Subject(format!("failures-of:{identifier}"))
    }

    /// The wrong codes counted against a client network, across flows.
    pub fn code_failures_from(network: &str) -> Subject {
        Subject(format!("failures-from:{network}"))
    }

    /// The rows `Write::count_recent` counts.
    fn recent(table: &str, column: &str, value: &str) -> Subject {
        Subject(format!("recent:{table}:{column}:{value}"))
    }

    /// Its advisory lock: the first 8 bytes of the name's SHA-256, the same on every replica (two
    /// names sharing one only wait for each other).
    fn lock_key(&self) -> i64 {
        let digest = Sha256::digest(self.0.as_bytes());
        i64::from_be_bytes(digest[..8].try_into().expect("a SHA-256 digest has 8 bytes"))
    }
}

pub(crate) enum Tx {
    Sqlite(Transaction<'static, Sqlite>),
    Postgres(Transaction<'static, Postgres>),
}

/// A mail or SMS to queue.
pub struct NewMessage<'a> {
    pub channel: &'a str,
    pub recipient: &'a str,
    pub language: &'a str,
    pub template: &'a str,
    pub args: serde_json::Value,
    /// A message not delivered by then is dropped (a code that would arrive dead).
    pub expires_at: Option<i64>,
}

/// Who caused a write, for the audit trail.
#[derive(Clone, Copy)]
pub struct Actor<'a> {
    pub ip: &'a str,
    pub user_agent: &'a str,
}

impl Db {
    /// Starts a write that runs alone: it may decide about anything.
    pub async fn write(&self) -> anyhow::Result<Write> {
        self.start_write(Scope::Everything).await
    }

    /// Starts a write that decides only about `subjects`; on PostgreSQL it runs beside writes about
    /// other subjects.
    pub async fn write_for(&self, subjects: Vec<Subject>) -> anyhow::Result<Write> {
        self.start_write(Scope::Only(subjects)).await
    }

    /// Starts a write transaction holding its locks from its first statement.
    ///
    /// The start runs in a task of its own, to its end whatever becomes of the request: sqlx's
    /// `begin_with`, cancelled after its `BEGIN` ran but before it returned the transaction (a client
    /// that hangs up at that moment), leaves the connection inside a transaction no one can end — and
    /// this is the one writer, so every later write would fail. A transaction started for a request
    /// that is gone is dropped, which rolls it back.
    async fn start_write(&self, scope: Scope) -> anyhow::Result<Write> {
        let tx = match &self.backend {
            Backend::Sqlite { writer, .. } => {
                let writer = writer.clone();
                Tx::Sqlite(tokio::spawn(async move { writer.begin_with("BEGIN IMMEDIATE").await }).await??)
            }
            Backend::Postgres { pool } => {
                let pool = pool.clone();
                // Every write takes its locks in one order: the lone writers' lock first, then the
                // subjects' locks by number.
                let mut keys: Vec<i64> = match &scope {
                    Scope::Everything => Vec::new(),
                    Scope::Only(subjects) => subjects.iter().map(Subject::lock_key).collect(),
                };
                keys.sort_unstable();
                keys.dedup();
                let alone = matches!(scope, Scope::Everything);
                Tx::Postgres(
                    tokio::spawn(async move {
                        let mut tx = pool.begin().await?;
                        let lock = if alone {
                            sqlx::query("SELECT pg_advisory_xact_lock($1)").bind(WRITE_LOCK)
                        } else {
                            // One round trip: `unnest` yields the keys in the array's order.
                            sqlx::query(
                                "SELECT pg_advisory_xact_lock_shared($1),
                                        (SELECT COUNT(*) FROM (SELECT pg_advisory_xact_lock(key) FROM unnest($2::BIGINT[]) AS key) AS locked)",
                            )
                            .bind(WRITE_LOCK)
                            .bind(keys)
                        };
                        lock.execute(&mut *tx).await?;
                        Ok::<_, sqlx::Error>(tx)
                    })
                    .await??,
                )
            }
        };
        Ok(Write { tx, scope })
    }

    /// Queues one message in a transaction of its own.
    pub async fn enqueue_message(
        &self,
        outbox_key: &[u8; 32],
        message: NewMessage<'_>,
        now: i64,
    ) -> anyhow::Result<i64> {
        let mut write = self.write().await?;
        let id = write.enqueue(outbox_key, message, now).await?;
        write.commit().await?;
        Ok(id)
    }
}

impl Write {
    /// Which backend this transaction runs on.
    pub fn dialect(&self) -> super::Dialect {
        match self.tx {
            Tx::Sqlite(_) => super::Dialect::Sqlite,
            Tx::Postgres(_) => super::Dialect::Postgres,
        }
    }

    /// Fails unless this write holds `subject`: a decision about it here could race another's.
    pub(crate) fn holds(&self, subject: &Subject) -> anyhow::Result<()> {
        match &self.scope {
            Scope::Everything => Ok(()),
            Scope::Only(subjects) if subjects.contains(subject) => Ok(()),
            Scope::Only(_) => Err(anyhow::anyhow!("a write decides about {subject:?} without holding it")),
        }
    }

    pub async fn commit(self) -> anyhow::Result<()> {
        match self.tx {
            Tx::Sqlite(tx) => tx.commit().await?,
            Tx::Postgres(tx) => tx.commit().await?,
        }
        Ok(())
    }

    /// The flow as this transaction sees it (no other write can change it before the commit).
    pub async fn flow(&mut self, id: &str) -> anyhow::Result<Option<FlowRow>> {
        self.holds(&Subject::flow(id))?;
        Ok(on_write!(self, |c| sqlx::query_as::<_, FlowRow>("SELECT * FROM recovery_flows WHERE id = $1")
            .bind(id)
            .fetch_optional(c)
            .await)?)
    }

    /// Rows of `table` whose `column` is `value` and whose `at` is after `since`, counted up to `up_to`:
    /// a budget check needs no more, so the work stays bounded however many rows pile up.
    pub async fn count_recent(
        &mut self,
        table: &'static str,
        column: &'static str,
        value: &str,
        since: i64,
        up_to: u32,
    ) -> anyhow::Result<i64> {
        self.holds(&Subject::recent(table, column, value))?;
        let sql = format!(
            "SELECT COUNT(*) FROM (SELECT 1 FROM {table} WHERE {column} = $1 AND at > $2 LIMIT $3) AS recent"
        );
        Ok(on_write!(self, |c| sqlx::query_scalar(&sql)
            .bind(value)
            .bind(since)
            .bind(i64::from(up_to))
            .fetch_one(c)
            .await)?)
    }

    /// Counts one event against the cap `key` (at most `limit` since `since`) when it is under it;
    /// says whether it was. The check and the record are one decision of this transaction.
    pub async fn take_cap(&mut self, key: &str, since: i64, limit: u32, now: i64) -> anyhow::Result<bool> {
        self.holds(&Subject::cap(key))?;
        // One statement: the count (bounded by the limit) and the insert it allows.
        let done = on_write!(self, |c| {
            sqlx::query(
            "INSERT INTO cap_events (key, at)
             SELECT $1, $2 WHERE (SELECT COUNT(*) FROM (SELECT 1 FROM cap_events WHERE key = $1 AND at > $3 LIMIT $4) AS recent) < $4",
        )
        .bind(key)
        .bind(now)
        .bind(since)
        .bind(i64::from(limit))
        .execute(c).await.map(|done| done.rows_affected())
        })?;
        Ok(done == 1)
    }

    /// Records a solved bot-check challenge as used; false when it already was.
    pub async fn spend_bot_check(&mut self, signature: &str, expires_at: i64) -> anyhow::Result<bool> {
        let done = on_write!(self, |c| sqlx::query(
            "INSERT INTO bot_check_used (signature, expires_at) VALUES ($1, $2) ON CONFLICT DO NOTHING"
        )
        .bind(signature)
        .bind(expires_at)
        .execute(c)
        .await
        .map(|done| done.rows_affected()))?;
        Ok(done == 1)
    }

    /// The time of the oldest event still counted against cap `key` since `since` (to tell the person
    /// when it frees up).
    pub async fn oldest_cap_event(&mut self, key: &str, since: i64) -> anyhow::Result<Option<i64>> {
        self.holds(&Subject::cap(key))?;
        Ok(on_write!(self, |c| sqlx::query_scalar(
            "SELECT MIN(at) FROM cap_events WHERE key = $1 AND at > $2"
        )
        .bind(key)
        .bind(since)
        .fetch_one(c)
        .await)?)
    }

    pub async fn audit(
        &mut self,
        event: AuditEvent,
        account_id: Option<i64>,
        flow_id: Option<&str>,
        actor: Actor<'_>,
        now: i64,
    ) -> anyhow::Result<()> {
        on_write!(self, |c| {
            sqlx::query("INSERT INTO audit_log (at, event, account_id, flow_id, ip, user_agent) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(now)
            .bind(event.as_str())
            .bind(account_id)
            .bind(flow_id)
            .bind(actor.ip)
            .bind(actor.user_agent)
            .execute(c).await.map(|done| done.rows_affected())
        })?;
        Ok(())
    }

    /// Queues a message, its arguments sealed (`outbox::sealed`).
    pub async fn enqueue(
        &mut self,
        outbox_key: &[u8; 32],
        message: NewMessage<'_>,
        now: i64,
    ) -> anyhow::Result<i64> {
        let associated = sealed::associated_data(message.channel, message.recipient, message.template);
        let args = sealed::seal(outbox_key, &associated, &message.args);
        let id = on_write!(self, |c| {
            sqlx::query_scalar(
            "INSERT INTO outbox (channel, recipient, language, template, args, created_at, next_attempt_at, expires_at, priority)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
             RETURNING id",
        )
        .bind(message.channel)
        .bind(message.recipient)
        .bind(message.language)
        .bind(message.template)
        .bind(args)
        .bind(now)
        .bind(now)
        .bind(message.expires_at)
        // Someone waits for a message with a deadline (a code): it goes before the notices.
        .bind(if message.expires_at.is_some() { 0_i64 } else { 1 })
        .fetch_one(c).await
        })?;
        Ok(id)
    }
}

#[cfg(test)]
mod tests {
    use std::future::Future;

    use crate::storage::testing::scratch_db;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_write_cancelled_at_any_moment_leaves_the_writer_usable() {
        let (_dir, db) = scratch_db().await;
        // Requests whose clients hang up at every moment of starting, using and ending a write: each
        // attempt is polled a given number of times (the worker thread answering in between), then
        // dropped where it stands.
        for polls in 0..300 {
            let db = db.clone();
            let mut attempt = Box::pin(async move {
                let mut write = db.write().await.unwrap();
                write.take_cap("probe", 0, 1_000_000, 1).await.unwrap();
                write.commit().await.unwrap();
            });
            for _ in 0..polls % 60 {
                let done =
                    std::future::poll_fn(|cx| std::task::Poll::Ready(attempt.as_mut().poll(cx).is_ready()))
                        .await;
                if done {
                    break;
                }
                std::thread::sleep(std::time::Duration::from_micros(polls as u64 % 7 * 10));
                tokio::task::yield_now().await;
            }
        }
        let mut write = db.write().await.expect("the writer still starts transactions");
        assert!(write.take_cap("after", 0, 1, 2).await.unwrap());
        write.commit().await.unwrap();
    }
}
