//! All database access goes through `Db`. Handlers never write SQL, so a second backend
//! (PostgreSQL) can be added here without touching them.

pub mod accounts;
mod audit;
pub mod cleanup;
pub mod flows;
pub mod outbox;
mod sessions;

use std::{path::Path, str::FromStr, time::Duration};

use anyhow::Context;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

#[derive(Clone, Debug)]
pub struct Db {
    /// Readers: many at once (WAL lets them run beside the writer).
    pub(crate) pool: SqlitePool,
    /// The one writer. SQLite takes one write at a time anyway; queueing writes here, in order,
    /// replaces SQLite's busy-wait sleeps (up to 100 ms each) with a fair FIFO wait.
    pub(crate) writer: SqlitePool,
}

impl Db {
    /// Opens (creating when missing) the database at `url` and brings its schema up to date.
    pub async fn connect(url: &str) -> anyhow::Result<Db> {
        let options = SqliteConnectOptions::from_str(url)
            .with_context(|| format!("invalid database URL {url:?}"))?
            .create_if_missing(true)
            // Every commit appends each page it changed to the log, whole. A flow's start changes
            // about ten pages (its row, the replay store's and the audit trail's, and their indexes);
            // at 1 KiB a page instead of SQLite's 4 KiB the log takes a third of the bytes (40 → 13 KB a
            // request), and the checkpoint that copies and syncs it has that much less to do. Rows
            // here are small (about 100–300 bytes). Takes effect when the database file is created.
            .page_size(1024)
            // WAL lets readers run while one writer writes; NORMAL is durable across crashes in WAL.
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5))
            // SQLite would copy the log back into the database inside whichever write happens to
            // cross 1 000 pages, making that request wait for it (an fsync included). Instead
            // `checkpoint` does it in the background, every second (`operations::spawn_checkpoints`).
            .pragma("wal_autocheckpoint", "0")
            // A log that grew during a burst is cut back to this size when it starts over.
            .pragma("journal_size_limit", "67108864");
        if let Some(parent) = Path::new(options.get_filename()).parent() {
            if !parent.as_os_str().is_empty() {
                std::fs::create_dir_all(parent)
                    .with_context(|| format!("cannot create the database folder {}", parent.display()))?;
            }
        }
        // A pool pings a connection before lending it, by default: for a file on this machine that
        // only doubles every query's round trip to the connection's thread (the ping proves nothing
        // an error from the query itself would not).
        let writer = SqlitePoolOptions::new()
            .max_connections(1)
            .test_before_acquire(false)
            .connect_with(options.clone())
            .await
            .with_context(|| format!("cannot open the database {url:?}"))?;
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .test_before_acquire(false)
            .connect_with(options)
            .await
            .with_context(|| format!("cannot open the database {url:?}"))?;
        let db = Db { pool, writer };
        db.migrate().await?;
        Ok(db)
    }

    /// Rows of `table` whose `column` is `value` and whose `at` is after `since`, counted up to `up_to`:
    /// a budget check needs no more, so the work stays bounded however many rows pile up.
    async fn count_recent<T>(
        &self,
        table: &'static str,
        column: &'static str,
        value: T,
        since: i64,
        up_to: u32,
    ) -> anyhow::Result<i64>
    where
        T: for<'q> sqlx::Encode<'q, sqlx::Sqlite> + sqlx::Type<sqlx::Sqlite> + Send,
    {
        let sql =
            format!("SELECT COUNT(*) FROM (SELECT 1 FROM {table} WHERE {column} = ? AND at > ? LIMIT ?)");
        Ok(sqlx::query_scalar(&sql).bind(value).bind(since).bind(up_to).fetch_one(&self.pool).await?)
    }

    /// Copies the write-ahead log back into the database file, so that the next write starts the log
    /// over from its beginning. Returns the log's size in pages before that and how many of them are
    /// now in the database.
    ///
    /// The bulk is copied beside the writer (a passive checkpoint on a reading connection), without
    /// stopping anyone. That alone never empties a log under constant writes: pages keep arriving
    /// while it copies, and SQLite starts a log over only once every page in it is copied. So the
    /// few pages written meanwhile are copied on the writer's own connection, where no write can
    /// come in between — the writer waits for that short step, not for the whole copy.
    pub async fn checkpoint(&self) -> anyhow::Result<(i64, i64)> {
        sqlx::query("PRAGMA wal_checkpoint(PASSIVE)").fetch_one(&self.pool).await?;
        let (_busy, log, copied): (i64, i64, i64) =
            sqlx::query_as("PRAGMA wal_checkpoint(PASSIVE)").fetch_one(&self.writer).await?;
        Ok((log, copied))
    }

    /// Applies the migrations in `server/migrations/` that this database has not seen yet.
    pub async fn migrate(&self) -> anyhow::Result<()> {
        sqlx::migrate!("./migrations").run(&self.writer).await.context("database migration failed")
    }

    /// A round trip to the database, for the health check.
    pub async fn ping(&self) -> anyhow::Result<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }
}
