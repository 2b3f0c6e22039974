//! `cargo xtask bench [--quick] [--api | --bot-check]`: what users feel and operators pay, measured against the real server
//! on loopback, printed as a table with each budget's verdict, and written to `target/bench/results.json`.
//!
//! Measured: bytes on the wire for a first and a repeat visit; the default bot check's solve time in
//! the app (headless Chromium) and in native code; time to interactive of the identify
//! screen in headless Chromium against a static form page (median, min, max of fresh loads); API
//! latency (p50/p99) and throughput under 16 concurrent clients for start-recovery, sending a code and
//! verify (wrong codes) — each with known and unknown identifiers alternating, and the gap between
//! their medians — and the password check — each run three times, the median run reported, then once more by wrk, an
//! HTTP load tool — and sign-in (which hashes); password changes, taken through the whole journey
//! (code mailed, read from the dev mailbox, verified): one at a time, then 64 at once for the server's
//! peak memory; then the same API figures with 100 000 accounts and 1 000 000 old flows in the database,
//! and the time the periodic cleanup takes to remove those flows once they are past keeping.
//!
//! `--quick` runs every measurement briefly against the debug server: it proves the harness works (it is
//! part of `cargo xtask test`); its numbers are not judged. `--api` measures only the API under load
//! on the small database, against the release server, judged: a five-minute loop for server work.
//! `--bot-check` measures only the bot check's cost, a two-minute loop for choosing its default. The
//! server runs with the attempt budgets raised and the bot check made cheap, so the load measures the
//! endpoints' work rather than their refusals or the proof of work. The load comes from many client
//! addresses (`X-Forwarded-For` through one trusted proxy), as real traffic does: from one address,
//! the raised per-address budgets would let that address pile up failures no real one can (in
//! production its budget stops it), and every request would count all of them.

use std::{
    sync::Arc,
    time::{Duration, Instant},
};

use anyhow::Context;
use base64::Engine;
use serde_json::{json, Value};

use crate::{
    app_server::{build_release_app, free_loopback_address, RunningServer},
    process::run,
    step,
    tools::Toolchain,
    workspace_root,
};

const CONCURRENCY: usize = 16;
/// The password hash of the accounts the benchmark writes straight into the database: well formed,
/// matching no password (their sign-ins are never measured; a recovery replaces it).
const NO_ONES_PASSWORD_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$notarealhashnotarealhashnotarealhash";
/// How many client addresses a wrk run's requests come from (then they repeat).
const ADDRESSES_PER_WRK_RUN: usize = 50_000;

struct Mode {
    quick: bool,
    /// Only the API under load on the small database (`--api`).
    api_only: bool,
    /// Only the bot check's solve times (`--bot-check`).
    bot_check_only: bool,
    /// Requests per API measurement.
    requests: usize,
    /// Times each API measurement runs; the median round is reported.
    rounds: usize,
}

/// `cargo xtask bench`'s flags.
#[derive(clap::Args, Clone, Debug, Default)]
pub struct BenchArgs {
    /// Every measurement briefly, against the debug server: proves the harness works; judges nothing.
    #[arg(long)]
    pub quick: bool,
    /// Only the API under load on the small database (release server, judged): about five minutes.
    #[arg(long, conflicts_with = "bot_check")]
    pub api: bool,
    /// Only the bot check's solve times, in the app and in native code: about two minutes.
    #[arg(long)]
    pub bot_check: bool,
}

impl BenchArgs {
    /// The same flags, as a command line.
    fn flags(&self) -> Vec<&'static str> {
        [(self.quick, "--quick"), (self.api, "--api"), (self.bot_check, "--bot-check")]
            .into_iter()
            .filter_map(|(on, flag)| on.then_some(flag))
            .collect()
    }
}

pub fn run_command(args: &BenchArgs) -> anyhow::Result<()> {
    let (quick, api_only, bot_check_only) = (args.quick, args.api, args.bot_check);
    let mode = Mode {
        quick,
        api_only,
        bot_check_only,
        requests: if quick { 200 } else { 3000 },
        rounds: if quick { 1 } else { 3 },
    };
    let tools = Toolchain::for_bench()?;
    if !quick && cfg!(debug_assertions) {
        // The built-in load generator shares the machine with the server it measures: built for
        // debugging, it took several times the CPU it needs, and the server's figures paid for it.
        step("Building the benchmark itself (release)");
        let status = tools
            .command("cargo")
            .args(["run", "--quiet", "--locked", "--release", "--package", "xtask", "--", "bench"])
            .args(args.flags())
            .status()
            .context("cannot run cargo")?;
        anyhow::ensure!(status.success(), "the benchmark did not pass (see above)");
        return Ok(());
    }
    build_release_app(&tools)?;
    let profile = if quick { "debug" } else { "release" };
    step(&format!("Building the server ({profile})"));
    let mut build = tools.command("cargo");
    build.args(["build", "--locked", "-p", "recupera-server"]);
    if !quick {
        build.arg("--release");
    }
    run(&mut build)?;

    let out = workspace_root().join("target/bench");
    std::fs::create_dir_all(&out)?;
    let db = out.join("bench.db");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let dist = served_with_reference_page(&out)?;
    let db_url = format!("sqlite://{}", db.display());
    let server = RunningServer::start_with_env(
        &workspace_root().join(format!("target/{profile}/recupera-server")),
        free_loopback_address()?,
        &format!("sqlite://{}", db.display()),
        &[
            ("RECUPERA_DIST_DIR", dist.to_str().context("a UTF-8 path")?),
            // The growth measurement waits for the cleanup to remove a backlog.
            ("RECUPERA_CLEANUP_INTERVAL_S", "2"),
            ("RECUPERA_BOT_CHECK_COST", "1"),
            ("RECUPERA_BOT_CHECK_PREFIX", "0"),
            ("RECUPERA_ATTEMPTS_PER_FLOW", "1000000000"),
            ("RECUPERA_ATTEMPTS_PER_IDENTIFIER_DAY", "1000000000"),
            ("RECUPERA_ATTEMPTS_PER_IP_HOUR", "1000000000"),
            // The loads send codes to the demo account's one mailbox, and start recoveries from
            // this machine, far beyond what any person does.
            ("RECUPERA_SENDS_PER_IDENTIFIER_DAY", "1000000000"),
            ("RECUPERA_MESSAGES_PER_RECIPIENT_DAY", "1000000000"),
            ("RECUPERA_MESSAGES_PER_ACCOUNT_DAY", "1000000000"),
            ("RECUPERA_RECOVERIES_PER_IP_HOUR", "1000000000"),
            ("RECUPERA_SIGN_IN_FAILURES_PER_IDENTIFIER", "1000000000"),
            ("RECUPERA_SIGN_IN_FAILURES_PER_IP", "1000000000"),
            // The load's requests name their client in `X-Forwarded-For` (see `client_address`).
            ("RECUPERA_TRUSTED_PROXIES", "127.0.0.1"),
        ],
    )?;
    step(&format!("Measuring ({})", if quick { "quick smoke run: numbers not judged" } else { "full run" }));
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build()?;
    let results = runtime.block_on(measure(&server, &mode, &db_url))?;
    drop(server);

    let report = render(&results, &mode);
    println!("\n{report}");
    let json = json!({ "quick": quick, "profile": profile, "rows": results.iter().map(Row::to_json).collect::<Vec<_>>() });
    std::fs::write(out.join("results.json"), serde_json::to_string_pretty(&json)?)?;
    println!("written to target/bench/results.json");
    let failed = results.iter().filter(|r| r.verdict == Some(false)).count();
    if !quick && failed > 0 {
        anyhow::bail!("{failed} budget(s) not met");
    }
    Ok(())
}

/// One line of the report.
struct Row {
    name: String,
    value: String,
    budget: String,
    /// `None` when not judged.
    verdict: Option<bool>,
    numbers: Value,
}

impl Row {
    fn to_json(&self) -> Value {
        json!({ "name": self.name, "value": self.value, "budget": self.budget, "met": self.verdict, "numbers": self.numbers })
    }
}

fn render(rows: &[Row], mode: &Mode) -> String {
    let mut out = format!("{:<62} {:<72} {:<20} {}\n", "measure", "result", "budget", "verdict");
    for row in rows {
        let verdict = match (mode.quick, row.verdict) {
            (true, _) | (false, None) => "-",
            (false, Some(true)) => "PASS",
            (false, Some(false)) => "FAIL",
        };
        out.push_str(&format!("{:<62} {:<72} {:<20} {verdict}\n", row.name, row.value, row.budget));
    }
    out
}

async fn measure(server: &RunningServer, mode: &Mode, db_url: &str) -> anyhow::Result<Vec<Row>> {
    let base = server.url();
    let client = reqwest::Client::builder().pool_max_idle_per_host(CONCURRENCY).build()?;
    print_memory(server.pid());
    add_known_accounts(db_url, KNOWN_ACCOUNTS).await?;
    if mode.api_only {
        return api_under_load(&client, &base, mode, "").await;
    }
    let bot_check_samples = if mode.quick { 5 } else { 60 };
    if mode.bot_check_only {
        return bot_check_cost(&base, bot_check_samples);
    }
    let mut rows = first_load(&client, &base).await?;
    rows.extend(bot_check_cost(&base, bot_check_samples)?);
    rows.push(time_to_interactive(&base, if mode.quick { 2 } else { 15 })?);
    rows.extend(api_under_load(&client, &base, mode, "").await?);
    print_memory(server.pid());

    // Sign-in hashes (argon2id, 19 MiB, t=2): a few requests tell its cost per request.
    let hashing_requests = if mode.quick { 16 } else { 200 };
    let body = json!({ "identifier": "demo", "password": "not the password, but hashed all the same" });
    let sign_in =
        post_load(&client, &base, vec![("api/v1/session".into(), body, 0, None); hashing_requests], 401)
            .await?;
    print_memory(server.pid());
    let mut row = sign_in.row("sign-in (argon2id verify, 16 clients)", f64::INFINITY, 1);
    row.budget = "reported".into();
    row.verdict = None;
    rows.push(row);
    let (one_at_a_time, at_once) = if mode.quick { (3, 16) } else { (9, 64) };
    let mut flows = verified_flows(&client, &base, db_url, one_at_a_time + at_once).await?;
    let burst = flows.split_off(one_at_a_time);
    rows.push(password_change_time(&client, &base, flows).await?);
    rows.push(peak_memory(&client, &base, server.pid(), burst).await?);

    // Growth: the same API figures with a big, old database, then the cleanup's work on it.
    let (accounts, old_flows) = if mode.quick { (1_000, 10_000) } else { (100_000, 1_000_000) };
    step(&format!("Growing the database: {accounts} accounts, {old_flows} expired flows"));
    let filled = grow_database(db_url, accounts, old_flows).await?;
    println!("    written in {:.1} s", filled.as_secs_f64());
    let grown = format!(" [{}k accounts, {}k old flows]", accounts / 1000, old_flows / 1000);
    rows.extend(api_under_load(&client, &base, mode, &grown).await?);
    print_memory(server.pid());
    rows.push(cleanup_of_old_flows(&client, &base, db_url, old_flows).await?);
    Ok(rows)
}

/// Start-recovery, send, verify and the password check under 16 concurrent clients: each load runs
/// `mode.rounds` times, and the round with the median p99 is reported (the machine is shared and
/// noisy; one round can be unlucky). `suffix` names the database's state.
async fn api_under_load(
    client: &reqwest::Client,
    base: &str,
    mode: &Mode,
    suffix: &str,
) -> anyhow::Result<Vec<Row>> {
    let known = "demo@recupera.test";
    let (mut identify, mut send, mut verify, mut check) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for round in 0..mode.rounds {
        // Known and unknown identifiers alternate; group 0 is known, 1 unknown.
        let challenges = solved_challenges(client, base, mode.requests).await?;
        let requests = challenges
            .into_iter()
            .enumerate()
            .map(|(i, bot_check)| {
                let identifier =
                    if i % 2 == 0 { known.to_owned() } else { format!("nobody{round}-{i}@recupera.test") };
                (
                    "api/v1/recovery".to_owned(),
                    json!({ "identifier": identifier, "bot_check": bot_check, "language": "es" }),
                    i % 2,
                    None,
                )
            })
            .collect();
        identify.push(post_load(client, base, requests, 201).await?);

        // Each flow sends its first code (a known identifier queues a mail in the same request).
        let fresh = new_flows(client, base, mode.requests).await?;
        let requests = fresh
            .iter()
            .enumerate()
            .map(|(i, flow)| {
                (
                    format!("api/v1/recovery/{}/code", flow.id),
                    json!({ "channel": "email" }),
                    i % 2,
                    Some(flow.cookie.clone()),
                )
            })
            .collect();
        send.push(post_load(client, base, requests, 200).await?);

        // A few wrong codes each, as many people's (see `known_identifier`).
        let flows = flows_with_codes(client, base, 300).await?;
        let requests = (0..mode.requests)
            .map(|i| {
                let flow = &flows[i % flows.len()];
                (
                    format!("api/v1/recovery/{}/verify", flow.id),
                    json!({ "code": "0000 0000" }),
                    (i % flows.len()) % 2,
                    Some(flow.cookie.clone()),
                )
            })
            .collect();
        verify.push(post_load(client, base, requests, 422).await?);

        let requests = (0..mode.requests)
            .map(|i| {
                (
                    "api/v1/password/check".to_owned(),
                    json!({ "password": format!("una frase bastante larga {i}") }),
                    0,
                    None,
                )
            })
            .collect();
        check.push(post_load(client, base, requests, 200).await?);
    }
    let rounds = mode.rounds;
    // The same loads from wrk, `rounds` runs of `seconds` each. Requests that cannot repeat (a proof
    // of work, a flow's first code) are prepared for all of them: two and a half times what the
    // built-in load's rate would send.
    let seconds = if mode.quick { 2 } else { 5 };
    let enough = |loads: &[Load]| {
        let rate = loads.iter().map(Load::rate).fold(0.0, f64::max);
        ((rate * f64::from(seconds) * 2.5) as usize).max(200) * rounds
    };
    let requests: Vec<WrkRequest> = solved_challenges(client, base, enough(&identify))
        .await?
        .into_iter()
        .enumerate()
        .map(|(i, bot_check)| {
            let identifier = if i % 2 == 0 { known.to_owned() } else { format!("wrk{i}@recupera.test") };
            (
                "api/v1/recovery".to_owned(),
                json!({ "identifier": identifier, "bot_check": bot_check, "language": "es" }),
                String::new(),
            )
        })
        .collect();
    let wrk_identify =
        wrk_row(base, &format!("start recovery (known/unknown){suffix}"), &requests, seconds, rounds, 201)?;
    let requests: Vec<WrkRequest> = new_flows(client, base, enough(&send))
        .await?
        .into_iter()
        .map(|flow| (format!("api/v1/recovery/{}/code", flow.id), json!({ "channel": "email" }), flow.cookie))
        .collect();
    let wrk_send =
        wrk_row(base, &format!("send a code (known/unknown){suffix}"), &requests, seconds, rounds, 200)?;
    // Many flows, as many people's: one flow's identifier taking every wrong code would count them
    // all against one budget, which no real load does.
    let wrong_codes: Vec<WrkRequest> = flows_with_codes(client, base, 150 * rounds)
        .await?
        .into_iter()
        .map(|flow| {
            (format!("api/v1/recovery/{}/verify", flow.id), json!({ "code": "0000 0000" }), flow.cookie)
        })
        .collect();
    let wrk_verify =
        wrk_row(base, &format!("verify (wrong codes){suffix}"), &wrong_codes, seconds, rounds, 422)?;
    let password = [(
        "api/v1/password/check".to_owned(),
        json!({ "password": "una frase bastante larga y mía" }),
        String::new(),
    )];
    let wrk_check = wrk_row(base, &format!("password check{suffix}"), &password, seconds, rounds, 200)?;
    let identify_gap =
        known_unknown_gap(&format!("start recovery: known vs unknown median gap{suffix}"), &identify);
    let send_gap = known_unknown_gap(&format!("send a code: known vs unknown median gap{suffix}"), &send);
    let verify_gap = known_unknown_gap(&format!("verify: known vs unknown median gap{suffix}"), &verify);
    Ok(vec![
        median_round(identify).row(&format!("start recovery (known/unknown){suffix}"), 20.0, rounds),
        identify_gap,
        median_round(send).row(&format!("send a code (known/unknown){suffix}"), 20.0, rounds),
        send_gap,
        median_round(verify).row(&format!("verify (wrong codes, known/unknown){suffix}"), 20.0, rounds),
        verify_gap,
        median_round(check).row(&format!("password check{suffix}"), 20.0, rounds),
        wrk_identify,
        wrk_send,
        wrk_verify,
        wrk_check,
    ])
}

/// How much longer a known identifier's requests take than an unknown one's (groups 0 and 1 of the
/// loads), at the median: the gap of the round with the median gap. Under 1 ms, timing tells nothing.
fn known_unknown_gap(name: &str, loads: &[Load]) -> Row {
    let medians = |load: &Load| (percentile(&load.by_group(0), 50.0), percentile(&load.by_group(1), 50.0));
    let mut rounds: Vec<(f64, f64)> = loads.iter().map(medians).collect();
    rounds.sort_by(|a, b| (a.0 - a.1).abs().total_cmp(&(b.0 - b.1).abs()));
    let gaps: Vec<f64> = rounds.iter().map(|(known, unknown)| known - unknown).collect();
    let (known, unknown) = rounds[rounds.len() / 2];
    let gap = known - unknown;
    Row {
        name: name.to_owned(),
        value: format!("{:.3} ms (known {known:.2}, unknown {unknown:.2})", gap.abs()),
        budget: "< 1 ms".into(),
        verdict: Some(gap.abs() < 1.0),
        numbers: json!({ "gap_ms": gap, "gaps_by_round_ms": gaps, "known_p50_ms": known, "unknown_p50_ms": unknown }),
    }
}

/// The same kind of load from wrk, an HTTP load tool outside this program: `rounds` runs of 16
/// connections on 2 threads for `seconds`, the run with the median p99 reported (as the built-in load
/// is). A list of several `requests` (path, JSON body) holds one-off requests: each run sends its own
/// share of them. Every answer must be `expected`; any other is an error.
fn wrk_row(
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
struct WrkRun {
    rate: f64,
    p50: f64,
    p99: f64,
    errors: u64,
    report: String,
}

/// One wrk run over `requests`: each of its threads sends its share in turn, and starts over at the
/// end (which a one-request list does at once).
fn wrk_run(
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
fn wrk_latency_ms(report: &str, percent: &str) -> Option<f64> {
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

/// The round whose p99 is the median of the rounds'.
fn median_round(mut rounds: Vec<Load>) -> Load {
    rounds.sort_by(|a, b| a.p99().total_cmp(&b.p99()));
    rounds.swap_remove(rounds.len() / 2)
}

/// Sends `requests` (path under the base URL, JSON body, group) by 16 concurrent clients; a request
/// counts when it is answered with `expected`.
async fn post_load(
    client: &reqwest::Client,
    base: &str,
    requests: Vec<(String, Value, usize, Option<String>)>,
    expected: u16,
) -> anyhow::Result<Load> {
    let requests = Arc::new(requests);
    let (client, base) = (client.clone(), base.to_owned());
    latencies(requests.len(), move |i| {
        let (client, base, requests) = (client.clone(), base.clone(), requests.clone());
        async move {
            let (path, body, group, cookie) = &requests[i];
            let mut request =
                client.post(format!("{base}{path}")).header("x-forwarded-for", client_address(i));
            if let Some(cookie) = cookie {
                request = request.header("cookie", cookie);
            }
            let status = request.json(body).send().await?.status();
            Ok((status.as_u16() == expected, *group))
        }
    })
    .await
}

/// The address of the `i`-th client of a load (`10.0.0.0/8`, 16 million of them): each sends a few
/// requests, as people do, so no address's failure count grows with the length of the run.
fn client_address(i: usize) -> String {
    format!("10.{}.{}.{}", (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff)
}

/// Adds `accounts` accounts and `flows` flows that expired an hour ago (kept a week for support, so
/// the cleanup leaves them) straight into the database file: what a busy year leaves behind.
async fn grow_database(db_url: &str, accounts: u32, flows: u32) -> anyhow::Result<Duration> {
    use sqlx::Connection;
    let started = Instant::now();
    let mut db = sqlx::SqliteConnection::connect(db_url).await?;
    sqlx::query("PRAGMA busy_timeout = 30000").execute(&mut db).await?;
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH)?.as_secs() as i64;
    // In steps of 100 000 rows, each its own transaction: the running server's writes wait for a step
    // (a second or so), never long enough to give up.
    const STEP: u32 = 100_000;
    sqlx::query(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)
         INSERT INTO accounts (username, email, phone, password_hash, language, created_at, password_changed_at)
         SELECT 'grown' || i, 'grown' || i || '@recupera.test', '+3491' || printf('%07d', i),
                ?3, 'es', ?2, ?2
         FROM n",
    )
    .bind(accounts)
    .bind(now - 365 * 24 * 3600)
    .bind(NO_ONES_PASSWORD_HASH)
    .execute(&mut db)
    .await?;
    for first in (1..=flows).step_by(STEP as usize) {
        let last = (first + STEP - 1).min(flows);
        sqlx::query(
            "WITH RECURSIVE n(i) AS (SELECT ?1 UNION ALL SELECT i + 1 FROM n WHERE i < ?2)
             INSERT INTO recovery_flows (id, account_id, identifier_kind, identifier, language, step, sends,
                                         failed_attempts, created_at, expires_at)
             SELECT printf('grown-%08d', i),
                    CASE WHEN i % 2 = 0 THEN (SELECT id FROM accounts WHERE username = 'grown1') + i % ?3 END,
                    'email', 'grown' || i || '@recupera.test', 'es', 'ended', 1, i % 3, ?4 - 3600, ?4 - 3600
             FROM n",
        )
        .bind(first)
        .bind(last)
        .bind(accounts)
        .bind(now)
        .execute(&mut db)
        .await?;
    }
    db.close().await?;
    Ok(started.elapsed())
}

async fn old_flows_left(db: &mut sqlx::SqliteConnection) -> anyhow::Result<i64> {
    let (n,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM recovery_flows WHERE id >= 'grown-' AND id < 'grown.'")
            .fetch_one(db)
            .await?;
    Ok(n)
}

/// A week on (the server's dev clock moves), the old flows are past keeping: the periodic cleanup
/// removes them in batches. Reports how long until the table is back to its live rows.
async fn cleanup_of_old_flows(
    client: &reqwest::Client,
    base: &str,
    db_url: &str,
    old_flows: u32,
) -> anyhow::Result<Row> {
    use sqlx::Connection;
    let mut db = sqlx::SqliteConnection::connect(db_url).await?;
    let before = old_flows_left(&mut db).await?;
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
        left = old_flows_left(&mut db).await?;
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

/// Bytes on the wire for a first visit (every asset, compressed as served) and a repeat visit (what
/// is not cached for good: `index.html`, revalidated).
async fn first_load(client: &reqwest::Client, base: &str) -> anyhow::Result<Vec<Row>> {
    let get = |path: String| {
        let client = client.clone();
        let url = format!("{base}{}", path.trim_start_matches('/'));
        async move {
            let response = client.get(url).header("accept-encoding", "br, gzip").send().await?;
            let immutable = response
                .headers()
                .get("cache-control")
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.contains("immutable"));
            let encoding = response
                .headers()
                .get("content-encoding")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("identity")
                .to_owned();
            let bytes = response.bytes().await?;
            anyhow::Ok((bytes, immutable, encoding))
        }
    };
    let (html, _, html_encoding) = get("/".into()).await?;
    // The html arrives compressed; the asset names are read from the plain file trunk wrote.
    let plain = std::fs::read_to_string(workspace_root().join("dist/index.html"))?;
    let mut assets: Vec<String> = plain
        .split(['"', '\''])
        .filter(|part| {
            part.starts_with('/') && [".js", ".wasm", ".css", ".svg"].iter().any(|x| part.ends_with(x))
        })
        .map(str::to_owned)
        .collect();
    assets.sort();
    assets.dedup();
    let mut total = html.len();
    let mut repeat = html.len();
    let mut parts = vec![format!("html {} ({html_encoding})", html.len())];
    for asset in &assets {
        let (bytes, immutable, encoding) = get(asset.clone()).await?;
        total += bytes.len();
        if !immutable {
            repeat += bytes.len();
        }
        let kind = asset.rsplit('.').next().unwrap_or_default();
        parts.push(format!("{kind} {} ({encoding})", bytes.len()));
    }
    Ok(vec![
        Row {
            name: "first visit: bytes on the wire".into(),
            value: format!("{:.1} KB", total as f64 / 1000.0),
            budget: "< 200 KB".into(),
            verdict: Some(total < 200_000),
            numbers: json!({ "bytes": total, "parts": parts }),
        },
        Row {
            name: "repeat visit: bytes not cached".into(),
            value: format!("{:.1} KB", repeat as f64 / 1000.0),
            budget: "< 5 KB".into(),
            verdict: Some(repeat < 5_000),
            numbers: json!({ "bytes": repeat }),
        },
    ])
}

/// A copy of `dist/` with `bench-reference.html`: the identify screen's content as a static form page,
/// with the app's stylesheet, the yardstick for the app's time to interactive.
fn served_with_reference_page(out: &std::path::Path) -> anyhow::Result<std::path::PathBuf> {
    let dist = out.join("dist");
    let _ = std::fs::remove_dir_all(&dist);
    std::fs::create_dir_all(&dist)?;
    let mut stylesheet = String::new();
    for entry in std::fs::read_dir(workspace_root().join("dist"))? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("main-") && name.ends_with(".css") {
            stylesheet = name.clone();
        }
        std::fs::copy(entry.path(), dist.join(&name))?;
    }
    let page = format!(
        r#"<!doctype html>
<html lang="es"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Paso 1 de 4: ¿Has olvidado la contraseña? — Recupera</title><link rel="stylesheet" href="/{stylesheet}"></head>
<body><header class="site-header"><a class="brand" href="/">Recupera</a></header>
<main id="main" class="page"><section class="panel wizard"><p class="step-caption">Paso 1 de 4</p>
<h1>¿Has olvidado la contraseña?</h1><p class="lead">Escribe el email, el ID de usuario o el móvil de tu cuenta.</p>
<form method="post" action="/recuperar"><div class="field"><label for="recovery-identifier">Email o ID de usuario</label>
<input id="recovery-identifier" name="identifier" type="text" autocomplete="username"></div>
<div class="bot-check"><label class="bot-check-box"><input type="checkbox" id="bot-check"><span>No soy un robot</span></label></div>
<button type="submit" class="button-primary">Enviar</button></form></section></main></body></html>
"#
    );
    std::fs::write(dist.join("bench-reference.html"), page)?;
    Ok(dist)
}

/// Navigation start → the identify field is on the screen (painted) and can take focus, and the bot
/// check holds its challenge, in headless Chromium: median, min and max of `loads` fresh loads, against
/// the static reference page (on the screen: its load time as a person sees it) loaded alternately in
/// the same run.
fn time_to_interactive(base: &str, loads: usize) -> anyhow::Result<Row> {
    let output = std::process::Command::new("node")
        .current_dir(workspace_root())
        .args(["e2e/bench/time_to_interactive.mjs", base, &loads.to_string()])
        .output()
        .context("cannot run node for the time-to-interactive measurement")?;
    anyhow::ensure!(
        output.status.success(),
        "the time-to-interactive measurement failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let measured: Value = serde_json::from_slice(&output.stdout).context("its output is not JSON")?;
    let series = |key: &str| -> Vec<f64> {
        let mut values: Vec<f64> = measured[key]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_f64).collect())
            .unwrap_or_default();
        values.sort_by(f64::total_cmp);
        values
    };
    let (app, reference) = (series("app"), series("reference"));
    anyhow::ensure!(!app.is_empty() && !reference.is_empty(), "no loads were measured");
    let (app_median, reference_median) = (percentile(&app, 50.0), percentile(&reference, 50.0));
    let ratio = app_median / reference_median;
    // The same loads, timed when the field was in the page whether painted yet or not: the static
    // page is then done as soon as its HTML is parsed, before its stylesheet lets it show anything.
    let (app_parsed, reference_parsed) =
        (percentile(&series("app_parsed"), 50.0), percentile(&series("reference_parsed"), 50.0));
    Ok(Row {
        name: format!("time to interactive, identify ({} loads)", app.len()),
        value: format!(
            "{app_median:.0} ms ({:.0}–{:.0}); static page {reference_median:.0} ms ({:.0}–{:.0}): {ratio:.1}× \
             [field in the page, painted or not: {app_parsed:.0} vs {reference_parsed:.0} ms]",
            app[0],
            app[app.len() - 1],
            reference[0],
            reference[reference.len() - 1]
        ),
        budget: "≤ 2 × static page".into(),
        verdict: Some(ratio <= 2.0),
        numbers: json!({ "app_ms": app, "reference_ms": reference, "app_median_ms": app_median,
            "reference_median_ms": reference_median, "ratio": ratio,
            "unpainted": { "app_median_ms": app_parsed, "reference_median_ms": reference_parsed,
                "ratio": app_parsed / reference_parsed } }),
    })
}

/// Bot-check solutions, one per request to come (solved before the clock starts).
async fn solved_challenges(
    client: &reqwest::Client,
    base: &str,
    count: usize,
) -> anyhow::Result<Vec<String>> {
    let mut solved = Vec::with_capacity(count);
    for _ in 0..count {
        let challenge: altcha::Challenge =
            client.get(format!("{base}api/v1/bot-check/challenge")).send().await?.json().await?;
        let solution = altcha::solve_challenge(altcha::SolveChallengeOptions::new(&challenge))
            .map_err(|e| anyhow::anyhow!("{e:?}"))?
            .context("no solution")?;
        let payload = serde_json::to_vec(&altcha::Payload { challenge, solution })?;
        solved.push(base64::engine::general_purpose::STANDARD.encode(payload));
    }
    Ok(solved)
}

/// One load request for wrk: path under the base URL, JSON body, flow cookie (empty for none).
type WrkRequest = (String, Value, String);

/// A started recovery, as its browser holds it: the id, and the flow cookie (`name=value`) every
/// later step needs.
#[derive(Clone)]
struct Flow {
    id: String,
    cookie: String,
}

/// The `name=value` of the cookie an answer sets.
fn cookie_set_by(answer: &reqwest::Response) -> anyhow::Result<String> {
    let header = answer.headers().get("set-cookie").context("no flow cookie in the answer")?;
    Ok(header.to_str()?.split(';').next().unwrap_or_default().to_owned())
}

/// Starts a recovery of `identifier` with a solved `bot_check`.
async fn start_flow(
    client: &reqwest::Client,
    base: &str,
    identifier: &str,
    bot_check: &str,
    language: &str,
) -> anyhow::Result<Flow> {
    let body = json!({ "identifier": identifier, "bot_check": bot_check, "language": language });
    let answer = client.post(format!("{base}api/v1/recovery")).json(&body).send().await?;
    anyhow::ensure!(answer.status().is_success(), "starting a recovery: {}", answer.status());
    let cookie = cookie_set_by(&answer)?;
    let flow: Value = answer.json().await?;
    Ok(Flow { id: flow["flow_id"].as_str().context("no flow id")?.to_owned(), cookie })
}

/// How many accounts the loads' known identifiers are spread over (`known_identifier`).
const KNOWN_ACCOUNTS: usize = 5_000;

/// The next of the known accounts, in turn. The budgets and caps the server counts per identifier
/// and per recipient (raised for the benchmark) then each count a few requests, as a real load of
/// many people's recoveries does; one account taking half of all the load's requests would make each
/// count walk thousands of that one account's rows.
fn known_identifier() -> String {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed) % KNOWN_ACCOUNTS + 1;
    format!("known{n}@recupera.test")
}

/// Adds the `count` accounts `known_identifier` hands out, straight into the database.
async fn add_known_accounts(db_url: &str, count: usize) -> anyhow::Result<()> {
    add_accounts(db_url, "known", count).await
}

/// Adds the accounts `<name>1` … `<name><count>` (email `<name>N@recupera.test`, a phone each),
/// straight into the database, with a password no one knows.
async fn add_accounts(db_url: &str, name: &str, count: usize) -> anyhow::Result<()> {
    use sqlx::Connection;
    let mut db = sqlx::SqliteConnection::connect(db_url).await?;
    sqlx::query("PRAGMA busy_timeout = 30000").execute(&mut db).await?;
    sqlx::query(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)
         INSERT INTO accounts (username, email, phone, password_hash, language, created_at, password_changed_at)
         SELECT ?3 || i, ?3 || i || '@recupera.test', '+34' || ?4 || printf('%07d', i), ?2, 'es', 0, 0
         FROM n",
    )
    .bind(count as i64)
    .bind(NO_ONES_PASSWORD_HASH)
    .bind(name)
    // Each set of accounts its own phone numbers (the column is unique).
    .bind(if name == "known" { "61" } else { "62" })
    .execute(&mut db)
    .await?;
    db.close().await?;
    Ok(())
}

/// `count` new flows, for known (`known_identifier`) and unknown identifiers alternating, not yet sent
/// a code.
async fn new_flows(client: &reqwest::Client, base: &str, count: usize) -> anyhow::Result<Vec<Flow>> {
    let challenges = solved_challenges(client, base, count).await?;
    let mut flows = Vec::with_capacity(count);
    for (i, bot_check) in challenges.into_iter().enumerate() {
        let identifier = if i % 2 == 0 { known_identifier() } else { format!("fresh{i}@recupera.test") };
        flows.push(start_flow(client, base, &identifier, &bot_check, "es").await?);
    }
    Ok(flows)
}

/// Flows waiting for a code sent by SMS, for known accounts and unknown identifiers alternating (even:
/// known).
async fn flows_with_codes(client: &reqwest::Client, base: &str, count: usize) -> anyhow::Result<Vec<Flow>> {
    let challenges = solved_challenges(client, base, count).await?;
    let mut flows = Vec::new();
    for (i, bot_check) in challenges.into_iter().enumerate() {
        let identifier = if i % 2 == 0 { known_identifier() } else { format!("load{i}@recupera.test") };
        let flow = start_flow(client, base, &identifier, &bot_check, "en").await?;
        client
            .post(format!("{base}api/v1/recovery/{}/code", flow.id))
            .header("cookie", &flow.cookie)
            .json(&json!({ "channel": "sms" }))
            .send()
            .await?;
        flows.push(flow);
    }
    Ok(flows)
}

/// Latencies of `count` requests sent by 16 concurrent clients.
struct Load {
    /// (milliseconds, group) per request that answered as expected.
    samples: Vec<(f64, usize)>,
    errors: usize,
    elapsed: Duration,
}

impl Load {
    fn rate(&self) -> f64 {
        self.samples.len() as f64 / self.elapsed.as_secs_f64()
    }

    fn p99(&self) -> f64 {
        percentile(&self.samples.iter().map(|(ms, _)| *ms).collect::<Vec<_>>(), 99.0)
    }

    fn by_group(&self, group: usize) -> Vec<f64> {
        self.samples.iter().filter(|(_, g)| *g == group).map(|(ms, _)| *ms).collect()
    }

    /// The report line; `rounds` > 1 says this was the median of that many rounds.
    fn row(&self, name: &str, p99_budget_ms: f64, rounds: usize) -> Row {
        let all: Vec<f64> = self.samples.iter().map(|(ms, _)| *ms).collect();
        let (p50, p99) = (percentile(&all, 50.0), percentile(&all, 99.0));
        let rate = all.len() as f64 / self.elapsed.as_secs_f64();
        Row {
            name: name.into(),
            value: format!(
                "{rate:.0} req/s, p50 {p50:.2} ms, p99 {p99:.2} ms, {} errors{}",
                self.errors,
                if rounds > 1 { format!(" (median of {rounds} runs)") } else { String::new() }
            ),
            budget: format!("p99 <= {p99_budget_ms} ms"),
            verdict: Some(p99 <= p99_budget_ms && self.errors == 0),
            numbers: json!({ "requests_per_s": rate, "p50_ms": p50, "p99_ms": p99, "errors": self.errors, "count": all.len() }),
        }
    }
}

async fn latencies<F, Fut>(count: usize, request: F) -> anyhow::Result<Load>
where
    F: Fn(usize) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = anyhow::Result<(bool, usize)>> + Send,
{
    let request = Arc::new(request);
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let started = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..CONCURRENCY {
        let (request, next) = (request.clone(), next.clone());
        workers.push(tokio::spawn(async move {
            let mut samples = Vec::new();
            let mut errors = 0;
            loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if i >= count {
                    break;
                }
                let sent = Instant::now();
                match request(i).await {
                    Ok((true, group)) => samples.push((sent.elapsed().as_secs_f64() * 1000.0, group)),
                    _ => errors += 1,
                }
            }
            (samples, errors)
        }));
    }
    let mut load = Load { samples: Vec::new(), errors: 0, elapsed: Duration::ZERO };
    for worker in workers {
        let (samples, errors) = worker.await?;
        load.samples.extend(samples);
        load.errors += errors;
    }
    load.elapsed = started.elapsed();
    Ok(load)
}

fn percentile(values: &[f64], p: f64) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let rank = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank]
}

/// `count` recoveries of accounts of their own (a password change ends every other flow of its
/// account), each taken as a person would up to the new-password step: start, a code by email read
/// from the dev mailbox, verified. Returns the flows' ids.
async fn verified_flows(
    client: &reqwest::Client,
    base: &str,
    db_url: &str,
    count: usize,
) -> anyhow::Result<Vec<Flow>> {
    add_accounts(db_url, "changer", count).await?;

    let challenges = solved_challenges(client, base, count).await?;
    let mut flows = Vec::with_capacity(count);
    for (i, bot_check) in challenges.into_iter().enumerate() {
        let email = format!("changer{}@recupera.test", i + 1);
        let Flow { id, cookie } = start_flow(client, base, &email, &bot_check, "es").await?;
        let sent = client
            .post(format!("{base}api/v1/recovery/{id}/code"))
            .header("cookie", &cookie)
            .json(&json!({ "channel": "email" }))
            .send()
            .await?;
        anyhow::ensure!(sent.status().is_success(), "sending a code: {}", sent.status());
        let code = code_mailed_to(client, base, &email).await?;
        let verified = client
            .post(format!("{base}api/v1/recovery/{id}/verify"))
            .header("cookie", &cookie)
            .json(&json!({ "code": code }))
            .send()
            .await?;
        anyhow::ensure!(verified.status().is_success(), "verifying the code: {}", verified.status());
        // Verifying rotated the flow's secret: only the new cookie may set the password.
        let cookie = cookie_set_by(&verified)?;
        flows.push(Flow { id, cookie });
    }
    Ok(flows)
}

/// The code in the newest message to `email` in the dev mailbox ("1234 5678" in its text).
async fn code_mailed_to(client: &reqwest::Client, base: &str, email: &str) -> anyhow::Result<String> {
    let mailbox: Vec<Value> = client.get(format!("{base}api/v1/dev/mailbox")).send().await?.json().await?;
    let body = mailbox
        .iter()
        .find(|message| message["to"] == email)
        .and_then(|message| message["body"].as_str())
        .with_context(|| format!("no mail to {email}"))?;
    let chars: Vec<char> = body.chars().collect();
    chars
        .windows(9)
        .find(|w| w[4] == ' ' && w[..4].iter().chain(&w[5..]).all(char::is_ascii_digit))
        .map(|w| w.iter().collect())
        .with_context(|| format!("no code in the mail to {email}"))
}

/// Sets a new password on `flow`: its argon2id hash, the policy's checks, and the writes that end the
/// account's sessions and queue its notices. Returns how long the request took, in milliseconds.
async fn change_password(client: &reqwest::Client, base: &str, flow: &Flow, n: usize) -> anyhow::Result<f64> {
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

/// What the default bot-check challenge costs: the app solving it in headless Chromium (what a
/// person waits for, budget ≤ 1.5 s median) and this machine's optimized native code solving the same
/// challenges on one core (what a script pays per recovery it starts).
fn bot_check_cost(base: &str, count: usize) -> anyhow::Result<Vec<Row>> {
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

/// Password changes one at a time: what a person waits for when setting one.
async fn password_change_time(client: &reqwest::Client, base: &str, flows: Vec<Flow>) -> anyhow::Result<Row> {
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
async fn peak_memory(
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
fn print_memory(pid: u32) {
    println!(
        "    server memory: {} MiB (peak {} MiB)",
        memory_kib(pid, "VmRSS:") / 1024,
        memory_kib(pid, "VmHWM:") / 1024
    );
}

/// A `/proc/<pid>/status` memory figure, in KiB (0 when unknown).
fn memory_kib(pid: u32, field: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find_map(|line| line.strip_prefix(field))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}
