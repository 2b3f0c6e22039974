//! `cargo xtask serve`: the product on http://127.0.0.1:8080/, in dev mode, from a fresh machine.

use std::net::SocketAddr;

use crate::{
    app_server::{build_release_app, RunningServer},
    process::run,
    step,
    tools::Toolchain,
    workspace_root,
};

pub fn run_command(port: u16) -> anyhow::Result<()> {
    let tools = Toolchain::for_serve()?;
    build_release_app(&tools)?;
    step("Building the server (release)");
    run(tools.command("cargo").args(["build", "--release", "--locked", "-p", "recupera-server"]))?;

    step("Starting the server (dev mode, SQLite file data/recupera.db)");
    let binary = workspace_root().join("target/release/recupera-server");
    let address = SocketAddr::from(([127, 0, 0, 1], port));
    let server = RunningServer::start(&binary, address, "sqlite://data/recupera.db")?;
    let url = server.url();
    println!(
        "\n    Recupera is running: {url}\n\
         \x20   Demo account: user demo, email demo@recupera.test, phone +34600000001,\n\
         \x20                 password Contraseña-Olvidada-2026\n\
         \x20   Test mailbox (codes sent by mail and SMS land here): {url}dev/buzon\n\
         \x20   Press Ctrl+C to stop it.\n"
    );
    server.wait()
}
