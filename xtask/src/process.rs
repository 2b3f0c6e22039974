//! Running programs: with their output shown as it comes, and (for test runners) counted.

use std::{
    io::{BufRead, BufReader},
    path::Path,
    process::{Command, Stdio},
};

use anyhow::{bail, Context};

/// Runs `command`, showing its output; fails when it fails.
pub fn run(command: &mut Command) -> anyhow::Result<()> {
    let status = command.status().with_context(|| format!("cannot start {}", describe(command)))?;
    if !status.success() {
        bail!("{} failed ({status})", describe(command));
    }
    Ok(())
}

/// Runs `command` and returns its trimmed standard output, or `None` when it cannot start or fails.
pub fn output_of(command: &mut Command) -> Option<String> {
    let output = command.stderr(Stdio::null()).output().ok()?;
    output.status.success().then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

/// Whether `program` can be started from PATH.
pub fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .map(|paths| std::env::split_paths(&paths).any(|dir| is_executable(&dir.join(program))))
        .unwrap_or(false)
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata().map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0).unwrap_or(false)
}

/// Test counts, summed over runners.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub passed: u32,
    pub failed: u32,
}

impl std::ops::AddAssign for Tally {
    fn add_assign(&mut self, other: Tally) {
        self.passed += other.passed;
        self.failed += other.failed;
    }
}

/// Runs a `cargo test` (or any libtest runner), showing its output and summing its `test result:` lines.
/// A runner that exits non-zero without reporting a failed test (a compile error) counts one failure.
pub fn run_counting_libtest(command: &mut Command) -> anyhow::Result<Tally> {
    let mut child = command
        .stdout(Stdio::piped())
        .spawn()
        .with_context(|| format!("cannot start {}", describe(command)))?;
    let mut tally = Tally::default();
    let stdout = child.stdout.take().expect("piped");
    for line in BufReader::new(stdout).lines() {
        let line = line?;
        println!("{line}");
        if let Some(counts) = parse_libtest_result(&line) {
            tally += counts;
        }
    }
    let status = child.wait()?;
    if !status.success() && tally.failed == 0 {
        eprintln!("{} failed ({status}) before reporting a failed test", describe(command));
        tally.failed += 1;
    }
    Ok(tally)
}

/// `test result: ok. 12 passed; 0 failed; 0 ignored; …` → 12 passed, 0 failed.
fn parse_libtest_result(line: &str) -> Option<Tally> {
    let rest = line.trim().strip_prefix("test result: ")?;
    let number_before = |word: &str| -> Option<u32> {
        rest.split(';')
            .find_map(|part| part.trim().strip_suffix(word)?.trim().rsplit(' ').next()?.parse().ok())
    };
    Some(Tally { passed: number_before("passed")?, failed: number_before("failed")? })
}

pub fn describe(command: &Command) -> String {
    let mut text = command.get_program().to_string_lossy().into_owned();
    for arg in command.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn libtest_result_lines_are_counted() {
        let line =
            "test result: ok. 12 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.01s";
        assert_eq!(parse_libtest_result(line), Some(Tally { passed: 12, failed: 0 }));
        let line = "test result: FAILED. 8 passed; 1 failed; 0 ignored; 0 filtered out; finished in 0.18s";
        assert_eq!(parse_libtest_result(line), Some(Tally { passed: 8, failed: 1 }));
        assert_eq!(parse_libtest_result("running 4 tests"), None);
    }
}
