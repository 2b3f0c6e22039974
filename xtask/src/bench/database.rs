//! The database under measurement: the accounts the loads need, the growth of a busy year, and the
//! cleanup of what grew. Written through the server's own library (`bench_database`, an example of
//! the server crate built with it), never as raw rows: a schema change breaks that build, not these
//! figures, and it works on whatever backend the server's URL names.

use std::{
    path::PathBuf,
    time::{Duration, Instant},
};

use anyhow::Context;
use serde_json::json;

use super::Row;

/// The server's database, as the benchmark writes to it beside the running server.
pub(super) struct BenchDatabase {
    /// `target/<profile>/examples/bench_database`.
    tool: PathBuf,
    url: String,
}

impl BenchDatabase {
    pub(super) fn new(tool: PathBuf, url: String) -> BenchDatabase {
        BenchDatabase { tool, url }
    }

    fn run(&self, command: &str, args: &[&str]) -> anyhow::Result<String> {
        let output = std::process::Command::new(&self.tool)
            .arg(command)
            .arg(&self.url)
            .args(args)
            .output()
            .with_context(|| format!("cannot run {}", self.tool.display()))?;
        anyhow::ensure!(
            output.status.success(),
            "bench_database {command} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        Ok(String::from_utf8_lossy(&output.stdout).trim().to_owned())
    }

    /// Adds the accounts `<name>1` … `<name><count>` (email `<name>N@recupera.test`, a phone each),
    /// with a password no one knows.
    pub(super) fn add_accounts(&self, name: &str, count: usize) -> anyhow::Result<()> {
        // Each set of accounts its own phone numbers (the column is unique).
        let phone_prefix = if name == "known" { "61" } else { "62" };
        self.run("add-accounts", &[name, &count.to_string(), phone_prefix]).map(drop)
    }

    /// Adds `accounts` accounts made a year ago and `flows` flows that ended and expired an hour ago
    /// (kept a week for support, so the cleanup leaves them): what a busy year leaves behind.
    pub(super) fn grow(&self, accounts: u32, flows: u32) -> anyhow::Result<Duration> {
        let started = Instant::now();
        self.run("grow", &[&accounts.to_string(), &flows.to_string()])?;
        Ok(started.elapsed())
    }

    fn count_flows(&self) -> anyhow::Result<i64> {
        self.run("count-flows", &[])?.parse().context("bench_database count-flows printed no number")
    }
}

/// A week on (the server's dev clock moves), every flow is past keeping, the grown ones and those the
/// loads started: the periodic cleanup removes them in batches. Reports how long until none is left.
pub(super) async fn cleanup_of_old_flows(
    client: &reqwest::Client,
    base: &str,
    db: &BenchDatabase,
    old_flows: u32,
) -> anyhow::Result<Row> {
    let before = db.count_flows()?;
    let moved = client
        .post(format!("{base}api/v1/dev/clock"))
        .json(&json!({ "seconds": 8 * 24 * 3600 }))
        .send()
        .await?;
    anyhow::ensure!(moved.status().as_u16() == 204, "the dev clock did not move: {}", moved.status());
    let started = Instant::now();
    let limit = Duration::from_secs(300);
    let mut left = before;
    while left > 0 && started.elapsed() < limit {
        tokio::time::sleep(Duration::from_millis(250)).await;
        left = db.count_flows()?;
    }
    let took = started.elapsed().as_secs_f64();
    Ok(Row {
        name: format!("cleanup of {}k flows past keeping", old_flows / 1000),
        value: format!("{} removed, {left} left, in {took:.1} s", before - left),
        budget: "all removed".into(),
        verdict: Some(left == 0),
        numbers: json!({ "before": before, "left": left, "seconds": took }),
    })
}
