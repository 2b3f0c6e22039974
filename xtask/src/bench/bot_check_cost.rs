//! The bot check's cost: the default challenge solved by the app in headless Chromium and by native
//! code (`--bot-check`).

use std::time::Instant;

use anyhow::Context;
use serde_json::{json, Value};

use super::{api_load::percentile, Row};
use crate::workspace_root;

/// What the default bot-check challenge costs: the app solving it in headless Chromium (what a
/// person waits for, budget ≤ 1.5 s median) and this machine's optimized native code solving the same
/// challenges on one core (what a script pays per recovery it starts).
pub(super) fn bot_check_cost(base: &str, count: usize) -> anyhow::Result<Vec<Row>> {
    use recupera_api::bot_check::{DEFAULT_COST as COST, DEFAULT_KEY_PREFIX as PREFIX};
    let challenges = (0..count)
        .map(|_| {
            altcha::create_challenge(altcha::CreateChallengeOptions {
                algorithm: "PBKDF2/SHA-256".into(),
                cost: COST,
                key_prefix: PREFIX.into(),
                hmac_signature_secret: Some("bench".into()),
                ..Default::default()
            })
            .map_err(|e| anyhow::anyhow!("{e:?}"))
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let mut native = Vec::with_capacity(count);
    for challenge in &challenges {
        let started = Instant::now();
        altcha::solve_challenge(altcha::SolveChallengeOptions::new(challenge))
            .map_err(|e| anyhow::anyhow!("{e:?}"))?
            .context("no solution found")?;
        native.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    let mut node = std::process::Command::new("node")
        .current_dir(workspace_root())
        .args(["e2e/bench/bot_check_solve.mjs", base])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .context("cannot run node for the bot check's solve time")?;
    serde_json::to_writer(node.stdin.take().context("no stdin")?, &challenges)?;
    let output = node.wait_with_output()?;
    anyhow::ensure!(
        output.status.success(),
        "the bot check's solve time measurement failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let measured: Value = serde_json::from_slice(&output.stdout).context("its output is not JSON")?;
    let browser: Vec<f64> = measured["solve_ms"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default();
    anyhow::ensure!(browser.len() == count, "{} of {count} challenges were solved", browser.len());
    let row = |who: &str, samples: Vec<f64>, budget: Option<f64>| {
        let (p50, p90, max) =
            (percentile(&samples, 50.0), percentile(&samples, 90.0), percentile(&samples, 100.0));
        Row {
            name: format!("bot check: {who} solve of the default challenge (cost {COST}, prefix {PREFIX:?}, {count} challenges)"),
            value: format!("p50 {p50:.0} ms, p90 {p90:.0} ms, max {max:.0} ms"),
            budget: budget.map_or("reported".into(), |ms| format!("p50 ≤ {ms:.0} ms")),
            verdict: budget.map(|ms| p50 <= ms),
            numbers: json!({ "p50_ms": p50, "p90_ms": p90, "samples_ms": samples, "cost": COST, "prefix": PREFIX }),
        }
    };
    Ok(vec![
        row("the app's (headless Chromium)", browser, Some(1500.0)),
        row("a native script's (one core)", native, None),
    ])
}
