//! All database access goes through `Db`. Handlers never write SQL, so a second backend
//! (PostgreSQL) can be added here without touching them.

pub mod accounts;
pub mod address_proofs;
pub mod audit;
pub mod cleanup;
pub mod database_url;
pub mod flows;
pub mod outbox;
pub mod postgres;
mod sessions;
pub mod sign_ups;
pub mod write;

pub use sessions::{SessionRow, SignInGate, SignInRules};

use std::{path::Path, str::FromStr, time::Duration};

use anyhow::Context;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

/// How many pages (of 1 KiB) the write-ahead log may hold before a checkpoint stops writes for a moment
/// to start it over (`Db::checkpoint`): under a constant 3 000 writes a second, one such step every
/// few seconds.
pub const LOG_PAGES_BEFORE_RESTART: i64 = 256 * 1024;

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
        let url = match database_url::DatabaseUrl::parse(url)? {
            database_url::DatabaseUrl::Sqlite(url) => url,
            database_url::DatabaseUrl::Postgres(url) => anyhow::bail!(
                "the database URL {:?} is PostgreSQL: `recupera-server migrate` prepares its schema, but this \
                 release serves from SQLite only (give sqlite://path/to/file.db)",
                database_url::redacted(&url)
            ),
        };
        let url = url.as_str();
        let options = SqliteConnectOptions::from_str(url)
            .with_context(|| format!("invalid database URL {url:?}"))?
            .create_if_missing(true)
            // Every commit appends each page it changed to the log, whole. A flow's start changes
            // about ten pages (its row, the replay store's and the audit trail's, and their indexes):
            // at 1 KiB a page instead of SQLite's 4 KiB the log takes a third of the bytes
            // (BENCHMARKS.md), and the checkpoint that copies and syncs it that much less work.
            // Rows here are small (about 100–300 bytes). Takes effect when the file is created.
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
            // When the log starts over, a file grown larger (`checkpoint`) is cut back to this size.
            .pragma("journal_size_limit", (LOG_PAGES_BEFORE_RESTART * 1024).to_string());
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

    /// Copies the write-ahead log back into the database file; returns the log's size in pages and
    /// how many of them are now in the database. SQLite starts the log over from its beginning at the
    /// first write after every page in it was copied.
    ///
    /// The copy runs beside the writer (a passive checkpoint on a reading connection), stopping no
    /// one. Under constant writes that alone never empties the log: pages keep arriving while it
    /// copies, and the log would grow without end. So once it holds more than `restart_above` pages,
    /// the few pages written meanwhile are copied on the writer's own connection, where no write can
    /// come in between. Writes wait for that step (two syncs: 10–25 ms on a virtual disk), which is
    /// why it is not taken every time.
    pub async fn checkpoint(&self, restart_above: i64) -> anyhow::Result<(i64, i64)> {
        let (log, copied) = passive_checkpoint(&self.pool).await?;
        // `copied == log` would not tell the log is empty: both count the pages up to where this
        // checkpoint started, and writes went on meanwhile. Only the log's size says it never starts over.
        if log <= restart_above {
            return Ok((log, copied));
        }
        passive_checkpoint(&self.writer).await
    }

    /// Applies the migrations in `server/migrations/sqlite/` that this database has not seen yet.
    pub async fn migrate(&self) -> anyhow::Result<()> {
        sqlx::migrate!("./migrations/sqlite").run(&self.writer).await.context("database migration failed")
    }

    /// A round trip to the database, for the health check.
    pub async fn ping(&self) -> anyhow::Result<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }
}

/// Brings the database at `url` to this release's schema with its backend's migrations
/// (`server/migrations/sqlite/` or `server/migrations/postgres/`), creating a SQLite file if missing.
pub async fn migrate(url: &str) -> anyhow::Result<()> {
    match database_url::DatabaseUrl::parse(url)? {
        database_url::DatabaseUrl::Sqlite(_) => Db::connect(url).await.map(drop),
        database_url::DatabaseUrl::Postgres(url) => postgres::migrate(&url).await,
    }
}

/// A passive checkpoint on one of `pool`'s connections: the log's size in pages, and how many of them
/// are in the database file now.
async fn passive_checkpoint(pool: &SqlitePool) -> anyhow::Result<(i64, i64)> {
    let (_busy, log, copied): (i64, i64, i64) =
        sqlx::query_as("PRAGMA wal_checkpoint(PASSIVE)").fetch_one(pool).await?;
    Ok((log, copied))
}

/// Helpers for the storage module's own tests.
#[cfg(test)]
pub(crate) mod testing {
    use super::Db;

    /// A fresh database in a folder of its own (removed when the returned folder is dropped).
    pub async fn scratch_db() -> (tempfile::TempDir, Db) {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::connect(&format!("sqlite://{}", dir.path().join("db.sqlite").display())).await.unwrap();
        (dir, db)
    }

    /// SQLite's plan for `sql` (its `?` bound to 0): one line a step, e.g. `SEARCH outbox USING INDEX …`.
    pub async fn query_plan(db: &Db, sql: &str) -> Vec<String> {
        let explain = format!("EXPLAIN QUERY PLAN {sql}");
        let mut query = sqlx::query_as::<_, (i64, i64, i64, String)>(&explain);
        for _ in 0..sql.matches('?').count() {
            query = query.bind(0);
        }
        query.fetch_all(&db.pool).await.unwrap().into_iter().map(|(.., detail)| detail).collect()
    }
}
