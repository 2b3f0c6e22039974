//! Building the release app and running the real server, for `serve` and for the end-to-end tests.

use std::{
    io::{Read, Write},
    net::{SocketAddr, TcpListener, TcpStream},
    path::Path,
    process::{Child, Command},
    time::{Duration, Instant},
};

use anyhow::{bail, Context};

use crate::{process::run, step, tools::Toolchain, workspace_root};

/// `trunk build --release` into `dist/`: wasm-opt'ed, hashed file names, exactly what users get.
pub fn build_release_app(tools: &Toolchain) -> anyhow::Result<()> {
    step("Building the app (release, wasm-opt -Oz) into dist/");
    // trunk runs offline (it would otherwise look for updates and tool downloads on the internet),
    // so the crates must be here first.
    run(tools.command("cargo").args(["fetch", "--locked"]))?;
    run(tools.command("trunk").args(["build", "--release", "--offline"]))?;
    precompress(&workspace_root().join("dist"))
}

/// Writes `.br` (quality 11) and `.gz` (level 9) beside each text or wasm file of `dist/`, once, at
/// build time: the server sends them as they are, smaller than it could compress on the fly.
pub fn precompress(dist: &Path) -> anyhow::Result<()> {
    use std::io::Write;
    for entry in std::fs::read_dir(dist)? {
        let path = entry?.path();
        let compressible = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| matches!(e, "wasm" | "js" | "css" | "html" | "svg"));
        if !compressible {
            continue;
        }
        let bytes = std::fs::read(&path)?;
        let mut brotli = Vec::new();
        let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
        brotli::BrotliCompress(&mut bytes.as_slice(), &mut brotli, &params)?;
        std::fs::write(with_suffix(&path, "br"), &brotli)?;
        let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gzip.write_all(&bytes)?;
        std::fs::write(with_suffix(&path, "gz"), gzip.finish()?)?;
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        println!(
            "    {name}: {} bytes, {} brotli, gzip {}",
            bytes.len(),
            brotli.len(),
            std::fs::metadata(with_suffix(&path, "gz"))?.len()
        );
    }
    Ok(())
}

fn with_suffix(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    name.into()
}

/// Builds the debug server and starts it in dev mode on a free loopback port, with a fresh `folder`
/// (emptied first) holding its database `database_file`.
pub fn start_debug_server_in(
    tools: &Toolchain,
    folder: &Path,
    database_file: &str,
) -> anyhow::Result<RunningServer> {
    start_debug_server_with(tools, folder, database_file, &[])
}

/// Like `start_debug_server_in`, with more `RECUPERA_*` settings (later ones win).
pub fn start_debug_server_with(
    tools: &Toolchain,
    folder: &Path,
    database_file: &str,
    more_env: &[(&str, &str)],
) -> anyhow::Result<RunningServer> {
    run(tools.command("cargo").args(["build", "--locked", "-p", "recupera-server"]))?;
    let _ = std::fs::remove_dir_all(folder);
    std::fs::create_dir_all(folder)?;
    let database_url = format!("sqlite://{}", folder.join(database_file).display());
    RunningServer::start_with_env(
        &workspace_root().join("target/debug/recupera-server"),
        free_loopback_address()?,
        &database_url,
        // Every browser of the end-to-end run and the screenshot walk is one client address (this
        // machine), starting many recoveries and sign-ups an hour, and many of them for one mailbox: as no person
        // does. The caps themselves are proven by the server's tests. The bot check is made cheaper
        // than its default (whose solve time `cargo xtask bench` measures in the same app): its
        // waits are random, and dozens of them in one run would only add minutes and a long tail.
        &[
            &[
                ("RECUPERA_BOT_CHECK_COST", "500"),
                ("RECUPERA_RECOVERIES_PER_IP_HOUR", "100000"),
                ("RECUPERA_SIGN_UPS_PER_IP_HOUR", "100000"),
                ("RECUPERA_ATTEMPTS_PER_IP_HOUR", "100000"),
                ("RECUPERA_SIGN_IN_FAILURES_PER_IP", "100000"),
            ],
            more_env,
        ]
        .concat(),
    )
}

/// A running `recupera-server`; stopped when dropped.
pub struct RunningServer {
    child: Child,
    pub address: SocketAddr,
}

impl RunningServer {
    /// Starts `binary serve` in dev mode on `address` with the database at `database_url`, and waits
    /// until its health endpoint answers.
    pub fn start(binary: &Path, address: SocketAddr, database_url: &str) -> anyhow::Result<RunningServer> {
        Self::start_with_env(binary, address, database_url, &[])
    }

    /// Like `start`, with extra `RECUPERA_*` settings (the benchmark raises the budgets).
    pub fn start_with_env(
        binary: &Path,
        address: SocketAddr,
        database_url: &str,
        env: &[(&str, &str)],
    ) -> anyhow::Result<RunningServer> {
        let child = Command::new(binary)
            .current_dir(workspace_root())
            .args(["serve", "--dev"])
            .args(["--bind", &address.to_string(), "--database-url", database_url])
            // The app trunk built; a caller may serve another folder (the benchmark adds a page).
            .env("RECUPERA_DIST_DIR", "dist")
            .envs(env.iter().copied())
            .env("RECUPERA_LOG", "warn")
            .spawn()
            .with_context(|| format!("cannot start {}", binary.display()))?;
        let mut server = RunningServer { child, address };
        server.wait_until_healthy(Duration::from_secs(30))?;
        Ok(server)
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn url(&self) -> String {
        format!("http://{}/", self.address)
    }

    fn wait_until_healthy(&mut self, limit: Duration) -> anyhow::Result<()> {
        let started = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait()? {
                bail!("the server stopped at start ({status}); its log is above");
            }
            if health_ok(self.address) {
                return Ok(());
            }
            if started.elapsed() > limit {
                bail!("the server did not answer {}api/v1/health within {limit:?}", self.url());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Waits for the server to end by itself (Ctrl+C reaches it directly).
    pub fn wait(mut self) -> anyhow::Result<()> {
        self.child.wait()?;
        Ok(())
    }
}

impl Drop for RunningServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One plain HTTP/1.1 request to the health endpoint: true on a 200.
fn health_ok(address: SocketAddr) -> bool {
    let Ok(mut stream) = TcpStream::connect_timeout(&address, Duration::from_millis(500)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    let request = format!("GET /api/v1/health HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n");
    if stream.write_all(request.as_bytes()).is_err() {
        return false;
    }
    let mut head = [0u8; 12];
    stream.read_exact(&mut head).is_ok() && head.starts_with(b"HTTP/1.1 200")
}

/// A loopback address with a port nobody is using right now.
pub fn free_loopback_address() -> anyhow::Result<SocketAddr> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    Ok(listener.local_addr()?)
}
