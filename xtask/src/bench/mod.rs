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

mod api_load;
mod bot_check_cost;
mod database;
mod flows;
mod page_load;
mod password_change;
mod replicas;
mod wrk;

use anyhow::Context;
use serde_json::{json, Value};

use crate::{
    app_server::{build_release_app, free_loopback_address, RunningServer},
    process::run,
    step,
    tools::Toolchain,
    workspace_root,
};
use api_load::{api_under_load, post_load};
use bot_check_cost::bot_check_cost;
use database::{cleanup_of_old_flows, BenchDatabase};
use flows::{verified_flows, KNOWN_ACCOUNTS};
use page_load::{first_load, served_with_reference_page, time_to_interactive};
use password_change::{password_change_time, peak_memory, print_memory};

/// Concurrent clients of the built-in load.
const CONCURRENCY: usize = 16;

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
    /// The API loads on PostgreSQL (a scratch cluster, durable): one replica, then `--replicas`
    /// behind nginx, side by side.
    #[arg(long, conflicts_with_all = ["api", "bot_check"])]
    pub postgres: bool,
    /// With `--postgres`: how many replicas run behind nginx.
    #[arg(long, default_value_t = 3, requires = "postgres")]
    pub replicas: usize,
}

impl BenchArgs {
    /// The same flags, as a command line.
    fn flags(&self) -> Vec<String> {
        let mut flags: Vec<String> = [
            (self.quick, "--quick"),
            (self.api, "--api"),
            (self.bot_check, "--bot-check"),
            (self.postgres, "--postgres"),
        ]
        .into_iter()
        .filter(|(on, _)| *on)
        .map(|(_, flag)| flag.to_owned())
        .collect();
        if self.postgres {
            flags.extend(["--replicas".to_owned(), self.replicas.to_string()]);
        }
        flags
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
    // The server, and the tool that writes the benchmark's rows through the server's library.
    build.args([
        "build",
        "--locked",
        "-p",
        "recupera-server",
        "--bin",
        "recupera-server",
        "--example",
        "bench_database",
    ]);
    if !quick {
        build.arg("--release");
    }
    run(&mut build)?;

    let out = workspace_root().join("target/bench");
    std::fs::create_dir_all(&out)?;
    if args.postgres {
        let binary = workspace_root().join(format!("target/{profile}/recupera-server"));
        let tool = workspace_root().join(format!("target/{profile}/examples/bench_database"));
        let results = replicas::on_postgres(&binary, &tool, &mode, args.replicas)?;
        return report(&results, &mode, &out, profile, "results-postgres.json");
    }
    let db = out.join("bench.db");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let dist = served_with_reference_page(&out)?;
    let db_url = format!("sqlite://{}", db.display());
    let mut env = vec![("RECUPERA_DIST_DIR", dist.to_str().context("a UTF-8 path")?)];
    env.extend_from_slice(LOAD_SETTINGS);
    let server = RunningServer::start_with_env(
        &workspace_root().join(format!("target/{profile}/recupera-server")),
        free_loopback_address()?,
        &db_url,
        &env,
    )?;
    step(&format!("Measuring ({})", if quick { "quick smoke run: numbers not judged" } else { "full run" }));
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build()?;
    let database = BenchDatabase::new(
        workspace_root().join(format!("target/{profile}/examples/bench_database")),
        db_url,
    );
    let results = runtime.block_on(measure(&server, &mode, &database))?;
    drop(server);
    report(&results, &mode, &out, profile, "results.json")
}

/// Prints the table, writes it as JSON to `target/bench/<file>`, and fails on a budget not met
/// (not in a quick run).
fn report(
    results: &[Row],
    mode: &Mode,
    out: &std::path::Path,
    profile: &str,
    file: &str,
) -> anyhow::Result<()> {
    let quick = mode.quick;
    let report = render(results, mode);
    println!("\n{report}");
    let json = json!({ "quick": quick, "profile": profile, "rows": results.iter().map(Row::to_json).collect::<Vec<_>>() });
    std::fs::write(out.join(file), serde_json::to_string_pretty(&json)?)?;
    println!("written to target/bench/{file}");
    let failed = results.iter().filter(|r| r.verdict == Some(false)).count();
    if !quick && failed > 0 {
        anyhow::bail!("{failed} budget(s) not met");
    }
    Ok(())
}

/// The server's settings under the loads: budgets raised, the bot check cheap, clients named by
/// `X-Forwarded-For` (see the module's comment).
const LOAD_SETTINGS: &[(&str, &str)] = &[
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
    ("RECUPERA_SIGN_IN_FAILURES_BEFORE_BOT_CHECK", "1000000000"),
    ("RECUPERA_SIGN_IN_FAILURES_BEFORE_DELAY", "1000000000"),
    // The sign-in load is one account's wrong passwords, hundreds of them: never paused here.
    ("RECUPERA_SIGN_IN_FAILURES_LIMIT", "1000000000"),
    ("RECUPERA_SIGN_IN_FAILURES_PER_IP", "1000000000"),
    // The load's requests name their client in `X-Forwarded-For` (see `client_address`).
    ("RECUPERA_TRUSTED_PROXIES", "127.0.0.1"),
];

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

async fn measure(server: &RunningServer, mode: &Mode, db: &BenchDatabase) -> anyhow::Result<Vec<Row>> {
    let base = server.url();
    let client = reqwest::Client::builder().pool_max_idle_per_host(CONCURRENCY).build()?;
    print_memory(server.pid());
    db.add_accounts("known", KNOWN_ACCOUNTS)?;
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
    let mut flows = verified_flows(&client, &base, db, one_at_a_time + at_once).await?;
    let burst = flows.split_off(one_at_a_time);
    rows.push(password_change_time(&client, &base, flows).await?);
    rows.push(peak_memory(&client, &base, server.pid(), burst).await?);

    // Growth: the same API figures with a big, old database, then the cleanup's work on it.
    let (accounts, old_flows) = if mode.quick { (1_000, 10_000) } else { (100_000, 1_000_000) };
    step(&format!("Growing the database: {accounts} accounts, {old_flows} expired flows"));
    let filled = db.grow(accounts, old_flows)?;
    println!("    written in {:.1} s", filled.as_secs_f64());
    let grown = format!(" [{}k accounts, {}k old flows]", accounts / 1000, old_flows / 1000);
    rows.extend(api_under_load(&client, &base, mode, &grown).await?);
    print_memory(server.pid());
    rows.push(cleanup_of_old_flows(&client, &base, db, old_flows).await?);
    Ok(rows)
}
