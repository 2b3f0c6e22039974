//! Installing what the build and the tests need, each only when missing or at the wrong version.
//!
//! This machine reaches crates.io, Debian's packages and npm, nothing else, so every tool comes from
//! one of those (see ../shared/TOOLCHAIN.md): trunk and wasm-bindgen-cli from crates.io, wasm-opt
//! (binaryen 132) and Playwright from npm, Chromium and ChromeDriver from Debian.

use std::{
    ffi::OsString,
    path::PathBuf,
    process::Command,
    sync::atomic::{AtomicBool, Ordering},
};

use anyhow::{bail, Context};

use crate::{
    process::{on_path, output_of, run},
    step, workspace_root,
};

const TRUNK_VERSION: &str = "0.21.14";
const WASM_PACK_VERSION: &str = "0.15.1";
const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// The tools are in place; `command` starts one with a PATH that finds them first.
pub struct Toolchain {
    path: OsString,
}

impl Toolchain {
    /// What `cargo xtask serve` needs: the wasm target, wasm-bindgen-cli, trunk, and wasm-opt.
    pub fn for_serve() -> anyhow::Result<Toolchain> {
        let toolchain = Toolchain::with_local_bins()?;
        step("Checking the build tools");
        toolchain.ensure_wasm_target()?;
        toolchain.ensure_wasm_bindgen()?;
        toolchain.ensure_trunk()?;
        toolchain.ensure_node_packages()?;
        Ok(toolchain)
    }

    /// What `cargo xtask test` needs: all of the above, plus Chromium, ChromeDriver and wasm-pack.
    pub fn for_tests() -> anyhow::Result<Toolchain> {
        let toolchain = Toolchain::for_serve()?;
        toolchain.ensure_browser()?;
        toolchain.ensure_wasm_pack()?;
        toolchain.ensure_clippy()?;
        crate::postgres::ensure_installed()?;
        Ok(toolchain)
    }

    /// Clippy, which the tests run on every crate (`cargo xtask test`'s lint step).
    fn ensure_clippy(&self) -> anyhow::Result<()> {
        if output_of(self.command("cargo").args(["clippy", "--version"])).is_some() {
            println!("    clippy: present");
            return Ok(());
        }
        println!("    clippy: installing (the tests lint every crate)");
        run(Command::new("rustup").args(["component", "add", "clippy"]))
    }

    /// `npm`'s `node_modules/.bin` (for binaryen's wasm-opt, ahead of Debian's broken 108) and cargo's
    /// bin folder (where `cargo install` puts trunk) come first on PATH.
    fn with_local_bins() -> anyhow::Result<Toolchain> {
        let mut dirs = vec![workspace_root().join("node_modules/.bin"), cargo_bin_dir()];
        if let Some(path) = std::env::var_os("PATH") {
            dirs.extend(std::env::split_paths(&path));
        }
        let path = std::env::join_paths(dirs).context("PATH has a folder name that cannot be joined")?;
        // Children inherit it; `on_path` looks there too.
        std::env::set_var("PATH", &path);
        Ok(Toolchain { path })
    }

    pub fn command(&self, program: &str) -> Command {
        let mut command = Command::new(program);
        command.env("PATH", &self.path).current_dir(workspace_root());
        command
    }

    fn ensure_wasm_target(&self) -> anyhow::Result<()> {
        let installed = output_of(Command::new("rustup").args(["target", "list", "--installed"]));
        match installed {
            Some(list) if list.lines().any(|line| line.trim() == WASM_TARGET) => {
                println!("    {WASM_TARGET}: present");
                Ok(())
            }
            Some(_) => {
                println!("    {WASM_TARGET}: installing (the app compiles to WebAssembly)");
                run(Command::new("rustup").args(["target", "add", WASM_TARGET]))
            }
            None => bail!(
                "rustup is not on PATH. Install Rust with rustup, then run: rustup target add {WASM_TARGET}"
            ),
        }
    }

    fn ensure_wasm_bindgen(&self) -> anyhow::Result<()> {
        let wanted = locked_version("wasm-bindgen")?;
        let found = output_of(Command::new("wasm-bindgen").arg("--version"));
        if found.as_deref() == Some(&format!("wasm-bindgen {wanted}")) {
            println!("    wasm-bindgen {wanted}: present");
            return Ok(());
        }
        println!(
            "    wasm-bindgen-cli {wanted}: installing (must equal Cargo.lock's wasm-bindgen; found {}), ~3 min",
            found.as_deref().unwrap_or("none")
        );
        // Not `--locked`: its lock file names a crate version the registry no longer has.
        cargo_install(&["wasm-bindgen-cli", "--version", &wanted, "--force"])
    }

    fn ensure_trunk(&self) -> anyhow::Result<()> {
        let found = output_of(Command::new("trunk").arg("--version"));
        if found.as_deref().is_some_and(|v| v.starts_with("trunk 0.21.")) {
            println!("    {}: present", found.unwrap_or_default());
            return Ok(());
        }
        println!("    trunk {TRUNK_VERSION}: installing (builds the app; 0.22 needs a newer rustc), ~8 min");
        cargo_install(&["trunk", "--version", TRUNK_VERSION, "--locked", "--force"])
    }

    fn ensure_wasm_pack(&self) -> anyhow::Result<()> {
        let found = output_of(Command::new("wasm-pack").arg("--version"));
        if found.is_some() {
            println!("    {}: present", found.unwrap_or_default());
            return Ok(());
        }
        println!("    wasm-pack {WASM_PACK_VERSION}: installing (runs the in-browser tests), ~4 min");
        cargo_install(&["wasm-pack", "--version", WASM_PACK_VERSION, "--locked"])
    }

    /// binaryen (wasm-opt), Playwright and axe-core, at the versions in package-lock.json.
    fn ensure_node_packages(&self) -> anyhow::Result<()> {
        if !on_path("npm") {
            apt_install(&["nodejs", "npm"], "npm installs wasm-opt and Playwright")?;
        }
        let root = workspace_root();
        let stamp = root.join("node_modules/.package-lock.json");
        let lock = root.join("package-lock.json");
        let fresh = match (modified(&stamp), modified(&lock)) {
            (Some(installed), Some(locked)) => installed >= locked,
            _ => false,
        };
        if fresh && root.join("node_modules/.bin/wasm-opt").exists() {
            println!("    npm packages (binaryen, Playwright, axe-core): present");
            return Ok(());
        }
        println!("    npm packages: installing binaryen (wasm-opt), Playwright, axe-core");
        run(self
            .command("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            // Playwright drives Debian's Chromium; it must not try to download its own.
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"))
    }

    /// What `cargo xtask bench` needs besides the browser: wrk, the HTTP load tool (Debian).
    pub fn for_bench() -> anyhow::Result<Toolchain> {
        let toolchain = Toolchain::for_tests()?;
        if on_path("wrk") {
            println!("    wrk: present");
        } else {
            apt_install(&["wrk"], "the benchmark drives the API with wrk, an HTTP load tool")?;
        }
        Ok(toolchain)
    }

    fn ensure_browser(&self) -> anyhow::Result<()> {
        if on_path("chromium") && on_path("chromedriver") {
            println!("    chromium and chromedriver: present");
            return Ok(());
        }
        apt_install(&["chromium", "chromium-driver"], "the browser tests run in headless Chromium")
    }
}

/// The version of `package` that Cargo.lock pins (its one entry of that name).
fn locked_version(package: &str) -> anyhow::Result<String> {
    let lock: toml::Table = std::fs::read_to_string(workspace_root().join("Cargo.lock"))
        .context("cannot read Cargo.lock")?
        .parse()
        .context("Cargo.lock is not valid TOML")?;
    let packages =
        lock.get("package").and_then(toml::Value::as_array).context("Cargo.lock lists no packages")?;
    packages
        .iter()
        .find(|entry| entry.get("name").and_then(toml::Value::as_str) == Some(package))
        .and_then(|entry| entry.get("version")?.as_str())
        .map(str::to_owned)
        .with_context(|| format!("{package} is not in Cargo.lock"))
}

fn cargo_bin_dir() -> PathBuf {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"));
    cargo_home.join("bin")
}

fn cargo_install(args: &[&str]) -> anyhow::Result<()> {
    run(Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into())).arg("install").args(args))
}

fn modified(path: &std::path::Path) -> Option<std::time::SystemTime> {
    path.metadata().ok()?.modified().ok()
}

static APT_UPDATED: AtomicBool = AtomicBool::new(false);

/// Installs Debian packages, or says exactly what to run when this process cannot.
pub fn apt_install(packages: &[&str], why: &str) -> anyhow::Result<()> {
    let by_hand = format!("sudo apt-get update && sudo apt-get install -y {}", packages.join(" "));
    let is_root = output_of(Command::new("id").arg("-u")).as_deref() == Some("0");
    if !on_path("apt-get") || !is_root {
        bail!(
            "{} missing ({why}); this command cannot install them here. Run:\n    {by_hand}",
            packages.join(", ")
        );
    }
    println!("    {}: installing from Debian ({why})", packages.join(", "));
    if !APT_UPDATED.swap(true, Ordering::SeqCst) {
        run(Command::new("apt-get").args(["update", "-q"]))?;
    }
    run(Command::new("apt-get")
        .args(["install", "-y", "-q", "--no-install-recommends"])
        .args(packages)
        .env("DEBIAN_FRONTEND", "noninteractive"))
    .with_context(|| format!("installing failed; try by hand:\n    {by_hand}"))
}

#[cfg(test)]
mod tests {
    use super::locked_version;

    #[test]
    fn cargo_lock_gives_the_pinned_version_of_a_package_and_names_a_missing_one() {
        let version = locked_version("wasm-bindgen").unwrap();
        assert!(
            version.split('.').count() == 3 && version.split('.').all(|n| n.parse::<u32>().is_ok()),
            "{version}"
        );
        // A name that only prefixes another package's is not that package.
        assert!(locked_version("wasm-bindge").is_err());
        let err = locked_version("no-such-crate").unwrap_err().to_string();
        assert_eq!(err, "no-such-crate is not in Cargo.lock");
    }
}
