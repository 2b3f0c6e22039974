//! A scratch PostgreSQL cluster for the tests: Debian's `postgresql` (installed when missing), a
//! cluster made by `initdb` in a fresh folder, run as the `postgres` user (PostgreSQL refuses to run
//! as root) on a free loopback port, trusting connections from loopback only, stopped and removed
//! when dropped — also when the tests fail.

use std::{
    path::{Path, PathBuf},
    process::Command,
};

use anyhow::Context;

use crate::{
    app_server::free_loopback_address,
    process::{describe, output_of},
    tools::apt_install,
};

pub struct ScratchPostgres {
    bin: PathBuf,
    folder: PathBuf,
    port: u16,
}

impl ScratchPostgres {
    /// A cluster for tests: no fsync, so creating a database per test costs milliseconds.
    pub fn start() -> anyhow::Result<ScratchPostgres> {
        Self::start_with(false)
    }

    /// A cluster for measurements: every commit synced to disk, as a production database does
    /// (SQLite's is too, in the same benchmark).
    pub fn start_durable() -> anyhow::Result<ScratchPostgres> {
        Self::start_with(true)
    }

    fn start_with(durable: bool) -> anyhow::Result<ScratchPostgres> {
        let bin = match server_binaries() {
            Some(bin) => bin,
            None => {
                apt_install(&["postgresql"], "the server's tests run on PostgreSQL too")?;
                server_binaries()
                    .context("postgresql is installed, but /usr/lib/postgresql/*/bin is not there")?
            }
        };
        // Under the system's temporary folder, which the `postgres` user can reach whatever the
        // checkout's folder permissions are.
        let folder = std::env::temp_dir().join(format!("recupera-postgres-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&folder);
        std::fs::create_dir_all(&folder)?;
        if running_as_root() {
            run_quietly(Command::new("chown").arg("postgres").arg(&folder))?;
        }
        let port = free_loopback_address()?.port();
        let cluster = ScratchPostgres { bin, folder, port };
        let data = cluster.folder.join("data");
        // Scratch data: no fsync, so creating a database per test costs milliseconds.
        run_quietly(cluster.as_postgres("initdb").arg("-D").arg(&data).args([
            "-A",
            "trust",
            "-U",
            "postgres",
            "-E",
            "UTF8",
            "--no-sync",
        ]))?;
        let syncs = if durable { "" } else { " -c fsync=off -c synchronous_commit=off" };
        let options = format!(
            "-p {port} -k {} -c listen_addresses=127.0.0.1{syncs} -c max_connections=200",
            cluster.folder.display()
        );
        run_quietly(
            cluster
                .as_postgres("pg_ctl")
                .arg("-D")
                .arg(&data)
                .arg("-l")
                .arg(cluster.folder.join("server.log"))
                .args(["-w", "start", "-o", &options]),
        )?;
        println!("    PostgreSQL {}: listening on 127.0.0.1:{port}", cluster.version());
        Ok(cluster)
    }

    /// The cluster's maintenance database, as the `postgres` superuser.
    pub fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    /// Creates the database `name` on the cluster; its URL.
    pub fn create_database(&self, name: &str) -> anyhow::Result<String> {
        run_quietly(
            self.as_postgres("createdb")
                .args(["-h", "127.0.0.1", "-p", &self.port.to_string()])
                .args(["-U", "postgres", name]),
        )?;
        Ok(format!("postgres://postgres@127.0.0.1:{}/{name}", self.port))
    }

    fn version(&self) -> String {
        output_of(Command::new(self.bin.join("postgres")).arg("--version"))
            .and_then(|text| text.split_whitespace().last().map(str::to_owned))
            .unwrap_or_default()
    }

    /// `program` of PostgreSQL's binaries, run as the `postgres` user when this is root.
    fn as_postgres(&self, program: &str) -> Command {
        let program = self.bin.join(program);
        if running_as_root() {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(program);
            command
        } else {
            Command::new(program)
        }
    }
}

impl Drop for ScratchPostgres {
    fn drop(&mut self) {
        let data = self.folder.join("data");
        let _ =
            self.as_postgres("pg_ctl").arg("-D").arg(&data).args(["-m", "immediate", "-w", "stop"]).output();
        let _ = std::fs::remove_dir_all(&self.folder);
    }
}

/// Installs Debian's `postgresql` when no PostgreSQL is installed (`cargo xtask setup`).
pub fn ensure_installed() -> anyhow::Result<()> {
    if server_binaries().is_some() {
        println!("    postgresql: present");
        return Ok(());
    }
    apt_install(&["postgresql"], "the server's tests run on PostgreSQL too")
}

/// Debian's newest installed PostgreSQL (`/usr/lib/postgresql/15/bin`).
fn server_binaries() -> Option<PathBuf> {
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir(Path::new("/usr/lib/postgresql"))
        .ok()?
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            let version = path.file_name()?.to_str()?.parse().ok()?;
            path.join("bin/initdb").exists().then(|| (version, path.join("bin")))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin)
}

fn running_as_root() -> bool {
    output_of(Command::new("id").arg("-u")).as_deref() == Some("0")
}

/// Runs `command`, showing its output only when it fails.
fn run_quietly(command: &mut Command) -> anyhow::Result<()> {
    let output = command.output().with_context(|| format!("cannot start {}", describe(command)))?;
    anyhow::ensure!(
        output.status.success(),
        "{} failed ({}):\n{}{}",
        describe(command),
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    Ok(())
}
