//! All database access goes through `Db`. Handlers never write SQL, and never see which backend
//! answers: SQLite (one file, one writer) or PostgreSQL (one database for several replicas).
//!
//! Each query is written once, in the SQL both backends speak (`$1` parameters, `CASE` rather than
//! scalar `MIN`/`MAX`, `ON CONFLICT` rather than `INSERT OR IGNORE`, subqueries named), and run on
//! whichever backend this is by `on_reader!`, `on_writer!` or `on_write!`, which expand it once per
//! backend with its own driver: rows are decoded by each driver natively, with no conversion layer.
//! The few statements whose best form differs (case-insensitive lookups, the outbox claim, the
//! cleanup's row keys) pick their text by `Backend::dialect`.

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
use sqlx::{
    sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous},
    PgPool,
};

/// How many pages (of 1 KiB) the write-ahead log may hold before a checkpoint stops writes for a moment
/// to start it over (`Db::checkpoint`): under a constant 3 000 writes a second, one such step every
/// few seconds.
pub const LOG_PAGES_BEFORE_RESTART: i64 = 256 * 1024;

/// How long the health check waits for the database.
const PING_TIMEOUT: Duration = Duration::from_secs(3);

#[derive(Clone, Debug)]
pub struct Db {
    pub(crate) backend: Backend,
}

#[derive(Clone, Debug)]
pub(crate) enum Backend {
    Sqlite {
        /// Readers: many at once (WAL lets them run beside the writer).
        pool: SqlitePool,
        /// The one writer. SQLite takes one write at a time anyway; queueing writes here, in order,
        /// replaces SQLite's busy-wait sleeps (up to 100 ms each) with a fair FIFO wait.
        writer: SqlitePool,
    },
    /// Readers and writers alike: PostgreSQL runs them side by side, and `Db::write` orders the
    /// writes that decide a rule (`write.rs`).
    Postgres { pool: PgPool },
}

/// Which SQL text a statement takes where the two backends' best forms differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

impl Backend {
    pub(crate) fn dialect(&self) -> Dialect {
        match self {
            Backend::Sqlite { .. } => Dialect::Sqlite,
            Backend::Postgres { .. } => Dialect::Postgres,
        }
    }
}

/// Runs `$body` with `$c` bound to a pool for reads: the readers on SQLite, the pool on PostgreSQL.
macro_rules! on_reader {
    ($db:expr, |$c:ident| $body:expr) => {
        match &$db.backend {
            $crate::storage::Backend::Sqlite { pool: $c, .. } => $body,
            $crate::storage::Backend::Postgres { pool: $c } => $body,
        }
    };
}

/// Runs `$body` with `$c` bound to a pool for one statement that changes rows on its own (its
/// conditions make it right whoever runs it at the same time): the one writer on SQLite.
macro_rules! on_writer {
    ($db:expr, |$c:ident| $body:expr) => {
        match &$db.backend {
            $crate::storage::Backend::Sqlite { writer: $c, .. } => $body,
            $crate::storage::Backend::Postgres { pool: $c } => $body,
        }
    };
}

/// Runs `$body` with `$c` bound to the connection of the `Write` transaction `$write`.
macro_rules! on_write {
    ($write:expr, |$c:ident| $body:expr) => {
        match &mut $write.tx {
            $crate::storage::write::Tx::Sqlite(tx) => {
                let $c = &mut **tx;
                $body
            }
            $crate::storage::write::Tx::Postgres(tx) => {
                let $c = &mut **tx;
                $body
            }
        }
    };
}

pub(crate) use {on_reader, on_write, on_writer};

impl Db {
    /// Opens (creating when missing) the database at `url` and brings its schema up to date.
    pub async fn connect(url: &str) -> anyhow::Result<Db> {
        Db::connect_with(url, postgres::DEFAULT_CONNECTIONS).await
    }

    /// As `connect`, with at most `max_connections` to a PostgreSQL database (SQLite: 1 writer, 8 readers).
    pub async fn connect_with(url: &str, max_connections: u32) -> anyhow::Result<Db> {
        let url = match database_url::DatabaseUrl::parse(url)? {
            database_url::DatabaseUrl::Sqlite(url) => url,
            database_url::DatabaseUrl::Postgres(url) => {
                let pool = postgres::connect(&url, max_connections).await?;
                let db = Db { backend: Backend::Postgres { pool } };
                db.migrate().await?;
                return Ok(db);
            }
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
        let db = Db { backend: Backend::Sqlite { pool, writer } };
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
        // PostgreSQL checkpoints on its own.
        let Backend::Sqlite { pool, writer } = &self.backend else { return Ok((0, 0)) };
        let (log, copied) = passive_checkpoint(pool).await?;
        // `copied == log` would not tell the log is empty: both count the pages up to where this
        // checkpoint started, and writes went on meanwhile. Only the log's size says it never starts over.
        if log <= restart_above {
            return Ok((log, copied));
        }
        passive_checkpoint(writer).await
    }

    /// Which backend this is (for the few statements whose text differs).
    pub fn dialect(&self) -> Dialect {
        self.backend.dialect()
    }

    /// Applies the migrations of this backend's folder (`server/migrations/sqlite/` or
    /// `server/migrations/postgres/`) that this database has not seen yet. Replicas starting together
    /// on PostgreSQL are safe: sqlx holds an advisory lock for the run.
    pub async fn migrate(&self) -> anyhow::Result<()> {
        match &self.backend {
            Backend::Sqlite { writer, .. } => sqlx::migrate!("./migrations/sqlite").run(writer).await,
            Backend::Postgres { pool } => sqlx::migrate!("./migrations/postgres").run(pool).await,
        }
        .context("database migration failed")
    }

    /// A round trip to the database, for the health check: an error when it takes longer than
    /// `PING_TIMEOUT` (a load balancer asks again soon; it should not wait for the pool's 30 s).
    pub async fn ping(&self) -> anyhow::Result<()> {
        let ping = async {
            on_reader!(self, |c| sqlx::query("SELECT 1").execute(c).await.map(|done| done.rows_affected()))
        };
        tokio::time::timeout(PING_TIMEOUT, ping).await.context("no answer from the database in time")??;
        Ok(())
    }

    /// Closes every connection (a replica shutting down lets the database know at once).
    pub async fn close(&self) {
        match &self.backend {
            Backend::Sqlite { pool, writer } => {
                pool.close().await;
                writer.close().await;
            }
            Backend::Postgres { pool } => pool.close().await,
        }
    }
}

/// Brings the database at `url` to this release's schema with its backend's migrations
/// (`server/migrations/sqlite/` or `server/migrations/postgres/`), creating a SQLite file if missing.
pub async fn migrate(url: &str) -> anyhow::Result<()> {
    let db = Db::connect_with(url, 1).await?;
    db.close().await;
    Ok(())
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
        let parameters = (1..=9).take_while(|n| sql.contains(&format!("${n}"))).count();
        for _ in 0..parameters {
            query = query.bind(0);
        }
        let super::Backend::Sqlite { pool, .. } = &db.backend else { panic!("query plans are SQLite's") };
        query.fetch_all(pool).await.unwrap().into_iter().map(|(.., detail)| detail).collect()
    }
}
