//! The API's loads from wrk, an HTTP load tool outside this program.

use anyhow::Context;
use serde_json::{json, Value};

use super::{api_load::client_address, Row};
use crate::workspace_root;

/// How many client addresses a wrk run's requests come from (then they repeat).
pub(super) const ADDRESSES_PER_WRK_RUN: usize = 50_000;

/// The same kind of load from wrk, an HTTP load tool outside this program: `rounds` runs of 16
/// connections on 2 threads for `seconds`, the run with the median p99 reported (as the built-in load
/// is). A list of several `requests` (path, JSON body) holds one-off requests: each run sends its own
/// share of them. Every answer must be `expected`; any other is an error.
pub(super) fn wrk_row(
    base: &str,
    name: &str,
    requests: &[WrkRequest],
    seconds: u32,
    rounds: usize,
    expected: u16,
) -> anyhow::Result<Row> {
    let share = requests.len().div_ceil(rounds).max(1);
    let mut runs = (0..rounds)
        .map(|round| {
            let part = if requests.len() > 1 {
                &requests[(round * share).min(requests.len())..((round + 1) * share).min(requests.len())]
            } else {
                requests
            };
            wrk_run(base, &format!("{name} {round}"), part, seconds, expected)
        })
        .collect::<anyhow::Result<Vec<WrkRun>>>()?;
    runs.sort_by(|a, b| a.p99.total_cmp(&b.p99));
    let p99s: Vec<f64> = runs.iter().map(|run| run.p99).collect();
    let WrkRun { rate, p50, p99, errors, report } = runs.swap_remove(runs.len() / 2);
    let label =
        if rounds > 1 { format!("median of {rounds} × {seconds} s") } else { format!("{seconds} s") };
    Ok(Row {
        name: format!("{name} (wrk, {label})"),
        value: format!("{rate:.0} req/s, p50 {p50:.2} ms, p99 {p99:.2} ms, {errors} errors"),
        budget: "p99 <= 20 ms".into(),
        verdict: Some(p99 <= 20.0 && errors == 0),
        numbers: json!({ "requests_per_s": rate, "p50_ms": p50, "p99_ms": p99, "errors": errors, "p99_ms_of_runs": p99s, "report": report }),
    })
}

/// One wrk run's figures.
pub(super) struct WrkRun {
    rate: f64,
    p50: f64,
    p99: f64,
    errors: u64,
    report: String,
}

/// One wrk run over `requests`: each of its threads sends its share in turn, and starts over at the
/// end (which a one-request list does at once).
pub(super) fn wrk_run(
    base: &str,
    name: &str,
    requests: &[WrkRequest],
    seconds: u32,
    expected: u16,
) -> anyhow::Result<WrkRun> {
    const THREADS: usize = 2;
    let dir = workspace_root().join("target/bench");
    let slug: String = name.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    let lines = dir.join(format!("wrk-{slug}.txt"));
    let script = dir.join(format!("wrk-{slug}.lua"));
    // One request a line: path, client address, flow cookie (or nothing), body, separated by tabs
    // (compact JSON has neither tabs nor newlines). A list shorter than the run's requests is repeated, each copy from new
    // addresses.
    let copies = (ADDRESSES_PER_WRK_RUN / requests.len().max(1)).max(1);
    let text: String = (0..copies)
        .flat_map(|copy| {
            requests.iter().enumerate().map(move |(i, request)| (copy * requests.len() + i, request))
        })
        .map(|(k, (path, body, cookie))| format!("/{path}\t{}\t{cookie}\t{body}\n", client_address(k)))
        .collect();
    std::fs::write(&lines, text)?;
    std::fs::write(
        &script,
        format!(
            r#"-- Written by cargo xtask bench. Thread k sends lines k+1, k+1+{THREADS}, … of the file, starting over at its end.
local threads = {{}}
function setup(thread)
  thread:set("id", #threads)
  threads[#threads + 1] = thread
end
local lines, index
function init(args)
  lines = {{}}
  for line in io.lines(args[1]) do lines[#lines + 1] = line end
  index = wrk.thread:get("id")
end
unexpected = 0
function request()
  local line = lines[index % #lines + 1]
  index = index + {THREADS}
  local tab = line:find("	", 1, true)
  local tab2 = line:find("	", tab + 1, true)
  local tab3 = line:find("	", tab2 + 1, true)
  local headers = {{ ["Content-Type"] = "application/json", ["X-Forwarded-For"] = line:sub(tab + 1, tab2 - 1) }}
  if tab3 > tab2 + 1 then headers["Cookie"] = line:sub(tab2 + 1, tab3 - 1) end
  return wrk.format("POST", line:sub(1, tab - 1), headers, line:sub(tab3 + 1))
end
unexpected_statuses = ""
function response(status)
  if status ~= {expected} then
    unexpected = unexpected + 1
    if unexpected <= 3 then unexpected_statuses = unexpected_statuses .. " " .. status end
  end
end
function done()
  local total = 0
  local statuses = ""
  for _, thread in ipairs(threads) do
    total = total + thread:get("unexpected")
    statuses = statuses .. thread:get("unexpected_statuses")
  end
  io.write("Unexpected answers: " .. total .. "\n")
  io.write("First unexpected statuses:" .. statuses .. "\n")
end
"#
        ),
    )?;
    let output = std::process::Command::new("wrk")
        .args([
            format!("-t{THREADS}"),
            "-c16".into(),
            format!("-d{seconds}s"),
            "--latency".into(),
            "-s".into(),
        ])
        .arg(&script)
        .arg(base)
        .arg("--")
        .arg(&lines)
        .output()
        .context("cannot run wrk")?;
    anyhow::ensure!(output.status.success(), "wrk failed: {}", String::from_utf8_lossy(&output.stderr));
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    let p50 = wrk_latency_ms(&text, "50%").context("no p50 in wrk's report")?;
    let p99 = wrk_latency_ms(&text, "99%").context("no p99 in wrk's report")?;
    let field = |label: &str| {
        text.lines().find_map(|line| line.trim().strip_prefix(label).map(str::trim).map(str::to_owned))
    };
    let rate: f64 = field("Requests/sec:").and_then(|v| v.parse().ok()).context("no rate in wrk's report")?;
    let socket_errors: u64 = field("Socket errors:")
        .map(|v| v.split(',').filter_map(|part| part.split_whitespace().last()?.parse::<u64>().ok()).sum())
        .unwrap_or(0);
    let unexpected: u64 = field("Unexpected answers:")
        .and_then(|v| v.parse().ok())
        .context("no count of unexpected answers")?;
    let errors = socket_errors + unexpected;
    if unexpected > 0 {
        let statuses = field("First unexpected statuses:").unwrap_or_default();
        println!("    {name}: {unexpected} answers were not {expected} (the first: {statuses})");
    }
    Ok(WrkRun { rate, p50, p99, errors, report: text })
}

/// A latency line of wrk's `--latency` report (`99%   12.34ms`), in milliseconds.
pub(super) fn wrk_latency_ms(report: &str, percent: &str) -> Option<f64> {
    let line = report.lines().map(str::trim).find(|line| line.starts_with(percent))?;
    let value = line.split_whitespace().nth(1)?;
    let (number, unit) = value.split_at(value.find(|c: char| c.is_ascii_alphabetic())?);
    let number: f64 = number.parse().ok()?;
    Some(match unit {
        "us" => number / 1000.0,
        "ms" => number,
        "s" => number * 1000.0,
        "m" => number * 60_000.0,
        _ => return None,
    })
}

/// One load request for wrk: path under the base URL, JSON body, flow cookie (empty for none).
pub(super) type WrkRequest = (String, Value, String);
