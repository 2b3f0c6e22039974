//! `cargo xtask test`'s API contract stage: schemathesis (from PyPI, in a scratch virtual environment
//! under `target/`) runs every check, the stateful phase included, against a dev-mode server, driven
//! by the document at `/api/v1/openapi.json`. Its hooks and settings are in `e2e/api_contract/`: they
//! solve the bot check, keep each flow's cookie as a browser would, and take real codes from the dev
//! mailbox, so generated calls reach every operation's own rules. Any failure, server error or
//! warning named in its settings fails the stage.

use std::process::Command;

use anyhow::Context;

use crate::{
    app_server::start_debug_server_with,
    process::{output_of, run, Tally},
    step,
    tools::{apt_install, Toolchain},
    workspace_root,
};

const SCHEMATHESIS: &str = "4.32.5";

pub fn run_stage(tools: &Toolchain) -> anyhow::Result<Tally> {
    step(&format!("API contract (schemathesis {SCHEMATHESIS}, every check, against a dev-mode server)"));
    let schemathesis = ensure_schemathesis()?;
    let artifacts = workspace_root().join("target/api-contract");
    // The bot check almost free (the hooks solve it), and budgets no generated run can exhaust: the
    // run must reach each operation's own rules, not stop at the shared ones (proven elsewhere).
    let server = start_debug_server_with(
        tools,
        &artifacts,
        "contract.db",
        &[
            ("RECUPERA_BOT_CHECK_COST", "1"),
            ("RECUPERA_BOT_CHECK_PREFIX", "0"),
            ("RECUPERA_SENDS_PER_IDENTIFIER_DAY", "1000000"),
            ("RECUPERA_MESSAGES_PER_RECIPIENT_DAY", "1000000"),
            ("RECUPERA_MESSAGES_PER_ACCOUNT_DAY", "1000000"),
            ("RECUPERA_ATTEMPTS_PER_IDENTIFIER_DAY", "1000000"),
            ("RECUPERA_SIGN_UPS_PER_IP_HOUR", "1000000"),
            // A sign-up mails its first code at the start, and so does a new address in Mi cuenta: a
            // second one waits this long (doubling), so the hooks can reach a resend that is served
            // (the cool-down itself: the server's tests).
            ("RECUPERA_RESEND_COOLDOWN_S", "1"),
        ],
    )?;
    let folder = workspace_root().join("e2e/api_contract");
    let url = server.url();
    let status = Command::new(&schemathesis)
        .current_dir(&folder)
        // Forty seconds of fuzzing and stateful scenarios after the coverage phase: enough, measured
        // over many runs, to reach every operation's own rules each time.
        .args(["run", &format!("{url}api/v1/openapi.json"), "--checks", "all", "--max-time", "40"])
        .args(["--max-failures", "50"])
        .env("SCHEMATHESIS_HOOKS", "hooks")
        .env("PYTHONPATH", &folder)
        .env("RECUPERA_URL", url.trim_end_matches('/'))
        .status()
        .context("cannot run schemathesis")?;
    drop(server);
    Ok(if status.success() { Tally { passed: 1, failed: 0 } } else { Tally { passed: 0, failed: 1 } })
}

/// `target/schemathesis/bin/schemathesis`, installed there when missing or another version.
fn ensure_schemathesis() -> anyhow::Result<std::path::PathBuf> {
    let venv = workspace_root().join("target/schemathesis");
    let bin = venv.join("bin/schemathesis");
    let installed = output_of(Command::new(&bin).arg("--version")).unwrap_or_default();
    if installed.ends_with(SCHEMATHESIS) {
        println!("    schemathesis {SCHEMATHESIS}: present");
        return Ok(bin);
    }
    if output_of(Command::new("python3").args(["-c", "import ensurepip, venv"])).is_none() {
        apt_install(&["python3-venv"], "the API contract test's virtual environment")?;
    }
    println!("    schemathesis {SCHEMATHESIS}: installing from PyPI into target/schemathesis");
    let _ = std::fs::remove_dir_all(&venv);
    run(Command::new("python3").arg("-m").arg("venv").arg(&venv))?;
    run(Command::new(venv.join("bin/pip")).args([
        "install",
        "-q",
        &format!("schemathesis=={SCHEMATHESIS}"),
    ]))?;
    Ok(bin)
}
