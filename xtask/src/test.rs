//! `cargo xtask test`: every test, as CI runs it, ending with one line `N passed, N failed`.
//!
//! 0. the translators' check of `locales/` (`cargo xtask l10n`), counted as one test, and clippy
//!    on every crate and target (and the app's wasm build) with warnings as errors, one test;
//! 1. the app's and the server's language tests in a copy of the project with a scratch Polish
//!    locale (`l10n::scratch_language`: nothing outside `locales/` changes for a new language), and
//!    host tests of every crate (`cargo test --workspace`), with a scratch PostgreSQL cluster for the
//!    server's PostgreSQL tests (`postgres`), then every server test again on that cluster
//!    (`RECUPERA_TEST_BACKEND=postgres`);
//! 2. the app's in-browser tests (wasm-bindgen-test in headless Chromium, through wasm-pack);
//! 3. the release build of the app, then end-to-end tests (Playwright driving Debian's Chromium)
//!    against the real server serving that build, with a fresh SQLite file;
//! 4. the API contract: schemathesis with every check against a dev-mode server (`api_contract`),
//!    counted as one test;
//! 5. a smoke run of the benchmark harness (`cargo xtask bench --quick`), counted as one test.
//!
//! A step that fails does not stop the others: the summary shows everything that is wrong.

use std::process::Command;

use anyhow::Context;

use crate::{
    app_server::{build_release_app, start_debug_server_in},
    process::{describe, run_counting_libtest, Tally},
    step,
    tools::Toolchain,
    workspace_root,
};

pub fn run_command() -> anyhow::Result<()> {
    let tools = Toolchain::for_tests()?;
    let mut tally = Tally::default();

    step("Translations: cargo xtask l10n");
    match crate::l10n::run_command() {
        Ok(()) => tally.passed += 1,
        Err(err) => {
            eprintln!("{err:#}");
            tally.failed += 1;
        }
    }

    step("Lints: cargo clippy --workspace --all-targets -- -D warnings (host, and the app for the browser)");
    let lints = [
        &["clippy", "--workspace", "--all-targets", "--locked", "--", "-D", "warnings"][..],
        &[
            "clippy",
            "--target",
            "wasm32-unknown-unknown",
            "-p",
            "recupera",
            "--all-targets",
            "--locked",
            "--",
            "-D",
            "warnings",
        ],
    ];
    let mut clean = true;
    for args in lints {
        let mut clippy = tools.command("cargo");
        clippy.args(args);
        match clippy.status() {
            Ok(status) if status.success() => {}
            Ok(status) => {
                eprintln!("{} found problems ({status}): see above", describe(&clippy));
                clean = false;
            }
            Err(err) => {
                eprintln!("cannot run {}: {err}", describe(&clippy));
                clean = false;
            }
        }
    }
    if clean {
        tally.passed += 1;
    } else {
        tally.failed += 1;
    }

    step("A language joins by copying a folder: a scratch `locales/pl` from `en/`, in a copy of the project");
    match crate::l10n::scratch_language::run_step(&tools) {
        Ok(counts) => tally += counts,
        Err(err) => {
            eprintln!("the scratch language could not be tried: {err:#}");
            tally.failed += 1;
        }
    }

    step("Host tests of every crate (the server's PostgreSQL ones on a scratch cluster)");
    let postgres = match crate::postgres::ScratchPostgres::start() {
        Ok(cluster) => Some(cluster),
        Err(err) => {
            eprintln!("no scratch PostgreSQL: {err:#}");
            tally.failed += 1;
            None
        }
    };
    let mut host_tests = tools.command("cargo");
    host_tests.args(["test", "--workspace", "--locked", "--no-fail-fast"]);
    if let Some(cluster) = &postgres {
        host_tests.env("RECUPERA_TEST_POSTGRES_URL", cluster.url());
    }
    tally += run_counting_libtest(&mut host_tests)?;

    step("The server's tests again, every one on PostgreSQL (a database of its own each, on the scratch cluster)");
    match &postgres {
        Some(cluster) => {
            let mut on_postgres = tools.command("cargo");
            on_postgres
                .args(["test", "--package", "recupera-server", "--test", "api", "--locked", "--no-fail-fast"])
                .env("RECUPERA_TEST_POSTGRES_URL", cluster.url())
                .env("RECUPERA_TEST_BACKEND", "postgres");
            tally += run_counting_libtest(&mut on_postgres)?;
        }
        None => eprintln!("skipped: no scratch PostgreSQL (counted as failed above)"),
    }
    drop(postgres);

    step("In-browser tests of the app (wasm-pack test --headless --chrome)");
    // Through wasm-pack, the command Rust/WASM developers habitually run, so it is proven to work here.
    tally += run_counting_libtest(
        tools
            .command("wasm-pack")
            .args(["test", "--headless", "--chrome", "--", "--locked"])
            .env("CHROMEDRIVER", which("chromedriver")),
    )?;

    match build_release_app(&tools).and_then(|()| end_to_end(&tools)) {
        Ok(counts) => tally += counts,
        Err(err) => {
            eprintln!("\nend-to-end tests could not run: {err:#}");
            tally.failed += 1;
        }
    }

    match crate::api_contract::run_stage(&tools) {
        Ok(counts) => tally += counts,
        Err(err) => {
            eprintln!("\nthe API contract test could not run: {err:#}");
            tally.failed += 1;
        }
    }

    step("Benchmark harness, smoke run: cargo xtask bench --quick");
    match crate::bench::run_command(&crate::bench::BenchArgs { quick: true, ..Default::default() }) {
        Ok(()) => tally.passed += 1,
        Err(err) => {
            eprintln!("the benchmark harness failed: {err:#}");
            tally.failed += 1;
        }
    }

    // The last line of the run, alone: what CI and people read.
    println!("\n{} passed, {} failed", tally.passed, tally.failed);
    if tally.failed > 0 {
        std::process::exit(1);
    }
    Ok(())
}

/// Starts the server on a free port with a fresh database and runs the Playwright suite against it.
fn end_to_end(tools: &Toolchain) -> anyhow::Result<Tally> {
    step("End-to-end tests (Playwright, Chromium, release build, real server)");
    let artifacts = workspace_root().join("target/e2e");
    let server = start_debug_server_in(tools, &artifacts, "e2e.db")?;
    let report = artifacts.join("results.json");
    let mut playwright = tools.command("npx");
    playwright
        .args(["playwright", "test", "--config", "e2e/playwright.config.ts"])
        .env("RECUPERA_URL", server.url())
        .env("PLAYWRIGHT_JSON_OUTPUT_NAME", &report);
    let status = playwright.status().with_context(|| format!("cannot start {}", describe(&playwright)))?;
    drop(server);

    let mut tally = playwright_counts(&report).unwrap_or_default();
    if !status.success() && tally.failed == 0 {
        eprintln!("Playwright failed ({status}) before reporting a failed test");
        tally.failed += 1;
    }
    Ok(tally)
}

/// Passed and failed tests from Playwright's JSON report (`stats.expected`, `stats.unexpected`).
fn playwright_counts(report: &std::path::Path) -> Option<Tally> {
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(report).ok()?).ok()?;
    let stats = json.get("stats")?;
    let count = |key: &str| stats.get(key).and_then(|v| v.as_u64()).unwrap_or(0) as u32;
    Some(Tally { passed: count("expected") + count("flaky"), failed: count("unexpected") })
}

fn which(program: &str) -> String {
    crate::process::output_of(Command::new("which").arg(program)).unwrap_or_else(|| program.to_owned())
}
