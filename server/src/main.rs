//! `recupera-server`: one binary for operators.

use anyhow::Context;
use clap::{Parser, Subcommand};
use recupera_server::{app, demo, outbox, storage::Db, AppState, Config};
use tracing_subscriber::EnvFilter;

#[derive(Parser)]
#[command(version, about = "Recupera: account recovery done right")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the API and the app.
    Serve(Config),
    /// Bring the database schema up to date, then exit.
    Migrate {
        #[arg(long, env = "RECUPERA_DATABASE_URL", default_value = "sqlite://data/recupera.db")]
        database_url: String,
    },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_env("RECUPERA_LOG").unwrap_or_else(|_| EnvFilter::new("info")))
        .init();
    match Cli::parse().command {
        Command::Serve(config) => serve(config).await,
        Command::Migrate { database_url } => {
            Db::connect(&database_url).await?;
            tracing::info!(%database_url, "database is up to date");
            Ok(())
        }
    }
}

async fn serve(config: Config) -> anyhow::Result<()> {
    let bind = config.bind;
    let state = AppState::new(config).await?;
    if state.config.dev {
        demo::ensure_demo_account(&state).await?;
    }
    let transports = outbox::Transports::from_config(&state.config.delivery, state.config.dev)?;
    outbox::spawn_worker(state.clone(), transports);
    let listener =
        tokio::net::TcpListener::bind(bind).await.with_context(|| format!("cannot listen on {bind}"))?;
    let address = listener.local_addr()?;
    tracing::info!(dev = state.config.dev, database = %state.config.database_url, "Recupera is listening on http://{address}/");
    let service = app(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, service).with_graceful_shutdown(shutdown_signal()).await?;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let terminate = async {
        if let Ok(mut signal) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            signal.recv().await;
        }
    };
    tokio::select! { _ = ctrl_c => {}, _ = terminate => {} }
    tracing::info!("shutting down");
}
