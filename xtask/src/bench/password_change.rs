//! Password changes through the whole journey: one at a time, then many at once for the server's
//! peak memory.

use std::time::Instant;

use serde_json::json;

use super::{api_load::percentile, flows::Flow, Row};

/// Sets a new password on `flow`: its argon2id hash, the policy's checks, and the writes that end the
/// account's sessions and queue its notices. Returns how long the request took, in milliseconds.
pub(super) async fn change_password(
    client: &reqwest::Client,
    base: &str,
    flow: &Flow,
    n: usize,
) -> anyhow::Result<f64> {
    let sent = Instant::now();
    let body = json!({ "password": format!("una contraseña nueva y bastante larga, la {n}") });
    let answer = client
        .post(format!("{base}api/v1/recovery/{}/password", flow.id))
        .header("cookie", &flow.cookie)
        .json(&body)
        .send()
        .await?;
    anyhow::ensure!(answer.status().is_success(), "setting a password: {}", answer.status());
    Ok(sent.elapsed().as_secs_f64() * 1000.0)
}

/// Password changes one at a time: what a person waits for when setting one.
pub(super) async fn password_change_time(
    client: &reqwest::Client,
    base: &str,
    flows: Vec<Flow>,
) -> anyhow::Result<Row> {
    let mut samples = Vec::new();
    for (n, flow) in flows.iter().enumerate() {
        samples.push(change_password(client, base, flow, n).await?);
    }
    let p50 = percentile(&samples, 50.0);
    Ok(Row {
        name: format!("password change, one at a time ({} changes)", samples.len()),
        value: format!("p50 {p50:.1} ms"),
        budget: "<= 100 ms".into(),
        verdict: Some(p50 <= 100.0),
        numbers: json!({ "p50_ms": p50, "samples_ms": samples }),
    })
}

/// The server's peak resident memory after `flows.len()` (64) password changes at once: at most a few
/// 19 MiB argon2 buffers are ever alive, however many wait.
pub(super) async fn peak_memory(
    client: &reqwest::Client,
    base: &str,
    pid: u32,
    flows: Vec<Flow>,
) -> anyhow::Result<Row> {
    let before_kib = memory_kib(pid, "VmHWM:");
    let count = flows.len();
    let mut burst = Vec::new();
    for (n, flow) in flows.into_iter().enumerate() {
        let (client, base) = (client.clone(), base.to_owned());
        burst.push(tokio::spawn(async move { change_password(&client, &base, &flow, n).await }));
    }
    let mut slowest: f64 = 0.0;
    for change in burst {
        slowest = slowest.max(change.await??);
    }
    let kib = memory_kib(pid, "VmHWM:");
    let mib = kib as f64 / 1024.0;
    println!(
        "    peak RSS before the burst {} MiB, after {mib:.0} MiB; now {} MiB; slowest change {slowest:.0} ms",
        before_kib / 1024,
        memory_kib(pid, "VmRSS:") / 1024
    );
    Ok(Row {
        name: format!("peak memory after {count} password changes at once"),
        value: format!("{mib:.0} MiB (the slowest change waited {slowest:.0} ms)"),
        budget: "< 256 MiB (bounded)".into(),
        verdict: Some(kib > 0 && mib < 256.0),
        numbers: json!({ "peak_rss_kib": kib, "peak_rss_before_burst_kib": before_kib, "slowest_ms": slowest }),
    })
}

/// The server's memory now and at its peak, as progress output between measurements.
pub(super) fn print_memory(pid: u32) {
    println!(
        "    server memory: {} MiB (peak {} MiB)",
        memory_kib(pid, "VmRSS:") / 1024,
        memory_kib(pid, "VmHWM:") / 1024
    );
}

/// A `/proc/<pid>/status` memory figure, in KiB (0 when unknown).
pub(super) fn memory_kib(pid: u32, field: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find_map(|line| line.strip_prefix(field))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}
