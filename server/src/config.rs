//! How an operator configures the server: command-line flags, each also readable from a
//! `RECUPERA_*` environment variable.

use std::{net::SocketAddr, path::PathBuf};

use clap::Args;

#[derive(Clone, Debug, Args)]
pub struct Config {
    /// Address and port to listen on.
    #[arg(long, env = "RECUPERA_BIND", default_value = "127.0.0.1:8080")]
    pub bind: SocketAddr,

    /// Database URL; an SQLite file is created when missing.
    #[arg(long, env = "RECUPERA_DATABASE_URL", default_value = "sqlite://data/recupera.db")]
    pub database_url: String,

    /// The built single-page app (trunk's `dist/`).
    #[arg(long, env = "RECUPERA_DIST_DIR", default_value = "dist")]
    pub dist_dir: PathBuf,

    /// Development mode: dev mailbox, demo account, no `Secure` cookies. Never in production.
    #[arg(long, env = "RECUPERA_DEV", default_value_t = false)]
    pub dev: bool,
}

impl Config {
    /// A configuration for tests: a given database and app folder, dev mode on, an unused address.
    pub fn for_tests(database_url: String, dist_dir: PathBuf) -> Self {
        Config { bind: ([127, 0, 0, 1], 0).into(), database_url, dist_dir, dev: true }
    }
}
