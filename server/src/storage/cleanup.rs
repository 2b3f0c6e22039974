use super::{on_writer, Backend, Db, Dialect};

/// What a cleanup removed, per table.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Removed {
    pub sessions: u64,
    pub flows: u64,
    /// Sign-ups, confirmed or not, a day after they started.
    pub sign_ups: u64,
    /// New emails and phones whose code was never typed.
    pub address_proofs: u64,
    pub code_failures: u64,
    pub bot_checks: u64,
    pub messages: u64,
    /// Events counted by the send and start caps.
    pub cap_events: u64,
}

/// Ended flows and sent messages are kept this long (for support and the audit trail's context).
const KEEP_S: i64 = 7 * 24 * 3600;
/// Wrong codes and capped sends count against budgets for at most a day.
const FAILURES_KEEP_S: i64 = 24 * 3600;
/// Rows deleted per statement. Each statement holds the one writer; a backlog (a million old flows
/// after a quiet month, say) is removed in short steps with requests served between them.
const BATCH: i64 = 5_000;

/// What the cleanup deletes: from `table`, `BATCH` rows at a time (picked by `key`), the rows where
/// `condition` holds with its `?` bound to the cleanup's time less `kept_s`. Each condition is served
/// by an index: a delete that scanned its table would hold the one writer for all of it.
struct Rule {
    table: &'static str,
    /// The columns that pick out a row: `rowid`, or the primary key of a table without one.
    key: &'static str,
    condition: &'static str,
    kept_s: i64,
}

const RULES: [Rule; 12] = [
    Rule { table: "sessions", key: "rowid", condition: "expires_at <= $1", kept_s: 0 },
    Rule { table: "recovery_flows", key: "rowid", condition: "expires_at <= $1", kept_s: KEEP_S },
    Rule { table: "code_failures", key: "rowid", condition: "at <= $1", kept_s: FAILURES_KEEP_S },
    Rule { table: "sign_in_failures", key: "rowid", condition: "at <= $1", kept_s: FAILURES_KEEP_S },
    Rule { table: "bot_check_used", key: "expires_at, signature", condition: "expires_at <= $1", kept_s: 0 },
    Rule {
        table: "outbox",
        key: "rowid",
        condition: "sent_at IS NOT NULL AND sent_at <= $1",
        kept_s: KEEP_S,
    },
    // A code message that could not go out before its code expired: never delivered, not kept.
    Rule { table: "outbox", key: "rowid", condition: "expires_at <= $1 AND sent_at IS NULL", kept_s: 0 },
    Rule { table: "cap_events", key: "rowid", condition: "at <= $1", kept_s: FAILURES_KEEP_S },
    // Given up: kept a week for operators to look at or retry.
    Rule { table: "outbox", key: "rowid", condition: "failed_at <= $1", kept_s: KEEP_S },
    // A run of wrong passwords left alone for a month starts again from nothing.
    Rule { table: "sign_in_guards", key: "rowid", condition: "updated_at <= $1", kept_s: GUARDS_KEEP_S },
    // A sign-up lives a day (its `expires_at`); an account made of it no longer needs it.
    Rule { table: "sign_ups", key: "id", condition: "expires_at <= $1", kept_s: 0 },
    // A new address not proven in its time (a day once a code went to it) is forgotten.
    Rule { table: "address_proofs", key: "id", condition: "expires_at <= $1", kept_s: 0 },
];

/// The advisory lock (`pg_try_advisory_lock`) the replica cleaning up holds. Any number other than
/// `write::WRITE_LOCK`.
pub const CLEANUP_LOCK: i64 = 0x0063_6c65_616e_7570; // "cleanup"

/// How long an account's run of wrong passwords is remembered after its last one.
const GUARDS_KEEP_S: i64 = 30 * 24 * 3600;

impl Rule {
    fn delete_sql(&self, dialect: Dialect) -> String {
        let Rule { table, key, condition, .. } = self;
        // PostgreSQL has no `rowid`; its `ctid` (where the row is stored) finds the row as directly.
        let key = match dialect {
            Dialect::Postgres if *key == "rowid" => "ctid",
            _ => key,
        };
        format!("DELETE FROM {table} WHERE ({key}) IN (SELECT {key} FROM {table} WHERE {condition} LIMIT {BATCH})")
    }
}

impl Db {
    /// Deletes what can no longer matter, so tables do not grow without end. On PostgreSQL one
    /// replica at a time does it (an advisory lock held for the run); `None` when another is at it.
    pub async fn clean_up(&self, now: i64) -> anyhow::Result<Option<Removed>> {
        let Backend::Postgres { pool } = &self.backend else { return self.clean_up_now(now).await.map(Some) };
        let mut holder = pool.acquire().await?;
        let held: bool = sqlx::query_scalar("SELECT pg_try_advisory_lock($1)")
            .bind(CLEANUP_LOCK)
            .fetch_one(&mut *holder)
            .await?;
        if !held {
            return Ok(None);
        }
        let removed = self.clean_up_now(now).await;
        let released =
            sqlx::query("SELECT pg_advisory_unlock($1)").bind(CLEANUP_LOCK).execute(&mut *holder).await;
        if released.is_err() {
            // A connection that may still hold the lock goes, and the lock with it.
            holder.detach();
        }
        removed.map(Some)
    }

    async fn clean_up_now(&self, now: i64) -> anyhow::Result<Removed> {
        let mut removed = [0; RULES.len()];
        for (count, rule) in removed.iter_mut().zip(&RULES) {
            *count = self.delete_in_batches(rule, now - rule.kept_s).await?;
        }
        let [sessions, flows, code_failures, sign_in_failures, bot_checks, sent, expired, caps, failed, guards, sign_ups, address_proofs] =
            removed;
        Ok(Removed {
            sessions,
            flows,
            sign_ups,
            address_proofs,
            code_failures: code_failures + sign_in_failures + guards,
            bot_checks,
            messages: sent + expired + failed,
            cap_events: caps,
        })
    }

    /// Deletes the rows `rule` selects at `before`, `BATCH` at a time.
    async fn delete_in_batches(&self, rule: &Rule, before: i64) -> anyhow::Result<u64> {
        let sql = rule.delete_sql(self.dialect());
        let mut removed = 0;
        loop {
            let batch = on_writer!(self, |c| sqlx::query(&sql)
                .bind(before)
                .execute(c)
                .await
                .map(|done| done.rows_affected()))?;
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
    use crate::storage::testing::{query_plan, scratch_db};

    #[tokio::test]
    async fn a_backlog_larger_than_a_batch_is_removed_entirely_and_nothing_live_with_it() {
        let (_dir, db) = scratch_db().await;
        let backlog = 2 * BATCH + 17;
        on_writer!(db, |c| sqlx::query(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $1)
             INSERT INTO bot_check_used (signature, expires_at) SELECT 'old-' || i, 100 FROM n",
        )
        .bind(backlog)
        .execute(c)
        .await
        .map(|done| done.rows_affected()))
        .unwrap();
        on_writer!(db, |c| sqlx::query(
            "INSERT INTO bot_check_used (signature, expires_at) VALUES ('live', 10000)"
        )
        .execute(c)
        .await
        .map(|done| done.rows_affected()))
        .unwrap();
        let removed = db.clean_up(1000).await.unwrap().expect("SQLite cleans up at once");
        assert_eq!(removed.bot_checks, backlog as u64);
        let left: (i64,) =
            on_writer!(db, |c| sqlx::query_as("SELECT COUNT(*) FROM bot_check_used").fetch_one(c).await)
                .unwrap();
        assert_eq!(left.0, 1, "the live row stays");
    }

    #[tokio::test]
    async fn every_cleanup_delete_finds_its_rows_through_an_index() {
        let (_dir, db) = scratch_db().await;
        for rule in &RULES {
            let steps = query_plan(&db, &rule.delete_sql(Dialect::Sqlite)).await;
            // The rows to delete are searched for, then each is found by its key; nothing is scanned.
            assert!(
                steps.iter().filter(|step| step.starts_with("SEARCH")).count() == 2
                    && !steps.iter().any(|step| step.starts_with("SCAN")),
                "{}: {steps:?}",
                rule.table
            );
        }
    }
}
