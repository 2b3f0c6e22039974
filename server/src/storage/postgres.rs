//! PostgreSQL: its pool. Its schema (`server/migrations/postgres/`) is kept equal to SQLite's by the
//! tests; its queries are the storage module's, shared with SQLite.

use std::time::Duration;

use anyhow::Context;
use sqlx::{postgres::PgPoolOptions, PgPool};

use super::database_url::redacted;

/// How long the first connection may take before the database counts as unreachable: an operator
/// who mistyped the host hears about it in seconds, not after the pool's wait.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// How long a request may wait for a connection of the pool to come free, as on SQLite (sqlx's
/// default): under a flood the request's own time limit ends the wait first (503). Past it the
/// request is answered 503 too (`AppError`).
const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(30);

/// Connections a replica opens at most, unless configured (`RECUPERA_DATABASE_MAX_CONNECTIONS`):
/// with PostgreSQL's default `max_connections` of 100, five replicas and room for operators.
pub const DEFAULT_CONNECTIONS: u32 = 16;

/// A pool of `max_connections` to the database at `url`, once one connection to it was made; an
/// error naming it (password hidden) when none can be.
pub async fn connect(url: &str, max_connections: u32) -> anyhow::Result<PgPool> {
    let unreachable = || format!("cannot reach the database {:?}", redacted(url));
    let pool = PgPoolOptions::new()
        .max_connections(max_connections)
        .acquire_timeout(ACQUIRE_TIMEOUT)
        .connect_lazy(url)
        .with_context(unreachable)?;
    match tokio::time::timeout(CONNECT_TIMEOUT, pool.acquire()).await {
        Ok(connection) => drop(connection.with_context(unreachable)?),
        Err(_) => anyhow::bail!("{}: no answer in {} s", unreachable(), CONNECT_TIMEOUT.as_secs()),
    }
    Ok(pool)
}
