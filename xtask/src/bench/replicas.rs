//! `cargo xtask bench --postgres [--replicas N]`: the API loads on PostgreSQL, first against one
//! replica, then against N behind nginx (`deploy/nginx.conf`, round robin), each on a fresh database
//! of a scratch cluster that syncs every commit. Judged: start-recovery through N replicas at
//! 10 000 a minute or more with p99 <= 50 ms, and N replicas serving no fewer of them than one. The
//! other rows are reported beside SQLite's budgets, not judged by them; the known/unknown timing gaps
//! are judged as everywhere.

use std::path::Path;

use serde_json::json;

use super::{
    api_load::api_under_load, database::BenchDatabase, flows::KNOWN_ACCOUNTS, Mode, Row, LOAD_SETTINGS,
};
use crate::{
    app_server::{free_loopback_address, RunningServer},
    nginx::ScratchNginx,
    postgres::ScratchPostgres,
    step,
};

/// Start-recovery through the replicas behind nginx: at least this many a minute…
const STARTS_PER_MINUTE: f64 = 10_000.0;
/// …with this p99.
const START_P99_MS: f64 = 50.0;

pub(super) fn on_postgres(
    binary: &Path,
    tool: &Path,
    mode: &Mode,
    replicas: usize,
) -> anyhow::Result<Vec<Row>> {
    step("A scratch PostgreSQL cluster (every commit synced)");
    let cluster = ScratchPostgres::start_durable()?;
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build()?;
    let client = reqwest::Client::builder().pool_max_idle_per_host(super::CONCURRENCY).build()?;
    let mut rows = Vec::new();
    let mut starts = Vec::new();
    for count in [1, replicas] {
        let url = cluster.create_database(&format!("recupera_bench_{count}"))?;
        step(&format!("PostgreSQL, {count} replica(s){}", if count > 1 { " behind nginx" } else { "" }));
        let servers = (0..count)
            .map(|_| RunningServer::start_with_env(binary, free_loopback_address()?, &url, LOAD_SETTINGS))
            .collect::<anyhow::Result<Vec<_>>>()?;
        let nginx = if count > 1 {
            Some(ScratchNginx::start(&servers.iter().map(|server| server.address).collect::<Vec<_>>())?)
        } else {
            None
        };
        let base = nginx.as_ref().map_or_else(|| servers[0].url(), ScratchNginx::url);
        BenchDatabase::new(tool.to_owned(), url).add_accounts("known", KNOWN_ACCOUNTS)?;
        let suffix = if count > 1 {
            format!(" [PostgreSQL, {count} replicas, nginx]")
        } else {
            " [PostgreSQL, 1 replica]".to_owned()
        };
        let measured = runtime.block_on(api_under_load(&client, &base, mode, &suffix))?;
        let start = measured
            .iter()
            .find(|row| row.name == format!("start recovery (known/unknown){suffix}"))
            .map(|row| {
                (
                    row.numbers["requests_per_s"].as_f64().unwrap_or(0.0),
                    row.numbers["p99_ms"].as_f64().unwrap_or(f64::NAN),
                )
            })
            .unwrap_or((0.0, f64::NAN));
        starts.push(start);
        // The per-endpoint budgets are SQLite's (one process, one file): on PostgreSQL each row is
        // reported beside them; this backend's own budgets are the two rows below.
        rows.extend(measured.into_iter().map(|mut row| {
            if row.verdict.is_some() && row.budget.starts_with("p99") {
                row.budget = format!("reported (SQLite: {})", row.budget);
                row.verdict = None;
            }
            row
        }));
        drop(nginx);
        drop(servers);
    }
    let ((one_rate, _), (many_rate, many_p99)) = (starts[0], starts[1]);
    let per_minute = many_rate * 60.0;
    rows.push(Row {
        name: format!("start recovery through {replicas} replicas behind nginx (PostgreSQL)"),
        value: format!("{per_minute:.0} a minute, p99 {many_p99:.2} ms"),
        budget: format!(">= {STARTS_PER_MINUTE:.0}/min, p99 <= {START_P99_MS} ms"),
        verdict: Some(per_minute >= STARTS_PER_MINUTE && many_p99 <= START_P99_MS),
        numbers: json!({ "per_minute": per_minute, "p99_ms": many_p99 }),
    });
    let ratio = many_rate / one_rate;
    rows.push(Row {
        name: format!("start recovery: {replicas} replicas' throughput over one's (PostgreSQL)"),
        value: format!("{ratio:.2}× ({:.0} vs {:.0} req/s)", many_rate, one_rate),
        budget: ">= 1.0×".into(),
        verdict: Some(ratio >= 1.0),
        numbers: json!({ "ratio": ratio, "replicas_per_s": many_rate, "one_per_s": one_rate }),
    });
    Ok(rows)
}
