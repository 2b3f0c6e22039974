//! PostgreSQL: its schema (`server/migrations/postgres/`), kept equal to SQLite's by the tests.
//! Serving from it is the next step of the storage work: the handlers' queries still run on SQLite.

use std::time::Duration;

use anyhow::Context;
use sqlx::{postgres::PgPoolOptions, PgPool};

use super::database_url::redacted;

/// How long a connection may take before the database counts as unreachable: an operator who
/// mistyped the host hears about it in seconds, not after sqlx's default half minute.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// A pool of `max_connections` to the database at `url`, or an error naming it (password hidden).
pub async fn connect(url: &str, max_connections: u32) -> anyhow::Result<PgPool> {
    PgPoolOptions::new()
        .max_connections(max_connections)
        .acquire_timeout(CONNECT_TIMEOUT)
        .connect(url)
        .await
        .with_context(|| format!("cannot reach the database {:?}", redacted(url)))
}

/// Applies the migrations of `server/migrations/postgres/` that the database has not seen yet. Two
/// replicas migrating at once are safe: sqlx takes an advisory lock for the run.
pub async fn migrate(url: &str) -> anyhow::Result<()> {
    let pool = connect(url, 1).await?;
    sqlx::migrate!("./migrations/postgres").run(&pool).await.context("database migration failed")?;
    pool.close().await;
    Ok(())
}
