//! A scratch nginx in front of several servers: Debian's `nginx` (installed when missing), run
//! unprivileged-style from a scratch folder with `deploy/nginx.conf` (the operators' example) filled
//! in, on a free loopback port, stopped and removed when dropped.

use std::{net::SocketAddr, path::PathBuf, process::Command};

use anyhow::Context;

use crate::{app_server::free_loopback_address, tools::apt_install, workspace_root};

pub struct ScratchNginx {
    folder: PathBuf,
    pub address: SocketAddr,
}

impl ScratchNginx {
    /// nginx on a free loopback port, spreading requests round robin over `replicas`.
    pub fn start(replicas: &[SocketAddr]) -> anyhow::Result<ScratchNginx> {
        if which_nginx().is_none() {
            apt_install(&["nginx"], "the benchmark of several replicas puts nginx in front of them")?;
        }
        let nginx = which_nginx().context("nginx is installed, but not on the PATH or in /usr/sbin")?;
        let folder = std::env::temp_dir().join(format!("recupera-nginx-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&folder);
        std::fs::create_dir_all(&folder)?;
        let address = free_loopback_address()?;
        let template = std::fs::read_to_string(workspace_root().join("deploy/nginx.conf"))?;
        let servers: Vec<String> =
            replicas.iter().map(|replica| format!("        server {replica};")).collect();
        let config = template
            .replace("{{FOLDER}}", folder.to_str().context("a UTF-8 path")?)
            .replace("{{REPLICAS}}", &servers.join("\n"))
            .replace("{{LISTEN}}", &address.to_string());
        let file = folder.join("nginx.conf");
        std::fs::write(&file, config)?;
        let output = Command::new(&nginx)
            .arg("-c")
            .arg(&file)
            .arg("-p")
            .arg(&folder)
            .output()
            .with_context(|| format!("cannot start {}", nginx.display()))?;
        anyhow::ensure!(
            output.status.success(),
            "nginx did not start: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        println!("    nginx: listening on {address}, round robin over {} replicas", replicas.len());
        Ok(ScratchNginx { folder, address })
    }

    pub fn url(&self) -> String {
        format!("http://{}/", self.address)
    }
}

impl Drop for ScratchNginx {
    fn drop(&mut self) {
        if let Some(nginx) = which_nginx() {
            let file = self.folder.join("nginx.conf");
            let _ = Command::new(nginx)
                .arg("-c")
                .arg(&file)
                .arg("-p")
                .arg(&self.folder)
                .args(["-s", "stop"])
                .output();
        }
        let _ = std::fs::remove_dir_all(&self.folder);
    }
}

fn which_nginx() -> Option<PathBuf> {
    let on_path = std::env::var_os("PATH")
        .into_iter()
        .flat_map(|path| std::env::split_paths(&path).collect::<Vec<_>>())
        .map(|folder| folder.join("nginx"));
    on_path.chain([PathBuf::from("/usr/sbin/nginx")]).find(|candidate| candidate.is_file())
}
