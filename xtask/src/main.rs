//! `cargo xtask <command>`: everything a newcomer needs, from a fresh Debian machine.
//!
//! - `serve`: install the build tools, build the release app, start the server in dev mode.
//! - `test`: install what the tests need, run every test, print `N passed, N failed`.
//! - `l10n`: the translators' check of `locales/` (also part of `test`).
//! - `setup`: only the installs of `test` (which include those of `serve`).

mod api_contract;
mod app_server;
mod bench;
mod l10n;
mod nginx;
mod postgres;
mod process;
mod screenshots;
mod serve;
mod test;
mod tools;

use std::{path::PathBuf, process::ExitCode};

use clap::{Parser, Subcommand};

/// Set-up, serve and test commands for Recupera.
#[derive(Parser)]
#[command(name = "cargo xtask", about = "Recupera's commands, from a fresh Debian machine")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the release app and serve it in dev mode on http://127.0.0.1:8080/, with a test mailbox
    /// and a demo account (SQLite file under ./data/).
    Serve {
        /// The loopback port to serve on.
        #[arg(long, default_value_t = 8080)]
        port: u16,
    },
    /// Run every test: translators' check, host, in-browser (headless Chromium), end-to-end, the API
    /// contract, the benchmark harness's smoke run.
    Test,
    /// Measure bytes on the wire, the bot check's cost, API latency and throughput, hashing and memory,
    /// and judge the budgets (BENCHMARKS.md).
    Bench(bench::BenchArgs),
    /// Check locales/: complete, consistent, commented, every message used.
    L10n,
    /// Every screen, desktop and phone, in every language (en-XA too), as PNG files under
    /// target/screenshots/<lang>/ for translators.
    Screenshots,
    /// Install the tools `serve` and `test` need, then stop.
    Setup,
}

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Serve { port } => serve::run_command(port),
        Command::Test => test::run_command(),
        Command::L10n => l10n::run_command(),
        Command::Bench(args) => bench::run_command(&args),
        Command::Screenshots => screenshots::run_command(),
        Command::Setup => tools::Toolchain::for_tests().map(|_| ()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("\nxtask: {err:#}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root, whatever folder cargo was started from.
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the workspace").to_path_buf()
}

/// Prints a step heading, so a long run shows where it is.
pub fn step(text: &str) {
    println!("\n==> {text}");
}
