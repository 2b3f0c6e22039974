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
mod process;
mod screenshots;
mod serve;
mod test;
mod tools;

use std::{path::PathBuf, process::ExitCode};

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  serve [--port N]   build the release app and serve it with a dev mailbox and demo account
                     on http://127.0.0.1:8080/ (SQLite file under ./data/)
  test               run every test: host, in-browser (headless Chromium), end-to-end
  bench [--quick]    measure bytes on the wire, API latency and throughput, hashing, memory;
        [--api]      judge the budgets (--quick: a short smoke run, not judged;
                     --api: only the API under load, in five minutes)
  l10n               check locales/: complete, consistent, commented, every message used
  screenshots        every screen, desktop and phone, in every language (en-XA too), as PNG
                     files under target/screenshots/<lang>/ for translators
  setup              install the tools `serve` and `test` need, then stop
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve::run_command(&args[1..]),
        Some("test") => test::run_command(),
        Some("l10n") => l10n::run_command(),
        Some("bench") => bench::run_command(&args[1..]),
        Some("screenshots") => screenshots::run_command(),
        Some("setup") => tools::Toolchain::for_tests().map(|_| ()),
        Some("help" | "--help" | "-h") | None => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some(other) => Err(anyhow::anyhow!("unknown command {other:?}\n\n{USAGE}")),
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
