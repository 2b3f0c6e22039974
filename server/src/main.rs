//! `recupera-server`: one binary for operators.

use anyhow::Context;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use recupera_server::{app, config_file, demo, operations, outbox, passwords, storage::Db, AppState, Config};
use tracing_subscriber::EnvFilter;

#[derive(Parser)]
#[command(version, about = "Recupera: account recovery done right")]
struct Cli {
    /// A TOML file of settings: each key is an environment variable's name without `RECUPERA_`, in
    /// lower case (`database_url = "sqlite://…"`). The environment and flags win over the file.
    #[arg(long, global = true, env = "RECUPERA_CONFIG")]
    config: Option<std::path::PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the API and the app.
    Serve(Box<Config>),
    /// Bring the database schema up to date, then exit.
    Migrate {
        #[arg(long, env = "RECUPERA_DATABASE_URL", default_value = "sqlite://data/recupera.db")]
        database_url: String,
    },
    /// Manage accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Messages whose delivery was given up.
    Outbox {
        #[command(subcommand)]
        command: OutboxCommand,
    },
}

#[derive(Subcommand)]
enum OutboxCommand {
    /// List the messages given up (newest first): id, when, channel, recipient, template, attempts, why.
    Failed {
        #[arg(long, env = "RECUPERA_DATABASE_URL", default_value = "sqlite://data/recupera.db")]
        database_url: String,
    },
    /// Put a given-up message back in the queue (once whatever refused it is fixed).
    Retry {
        /// The message's id, as `outbox failed` lists it.
        id: i64,
        #[arg(long, env = "RECUPERA_DATABASE_URL", default_value = "sqlite://data/recupera.db")]
        database_url: String,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create an account. The password comes from RECUPERA_NEW_PASSWORD or standard input.
    Add {
        #[arg(long)]
        username: String,
        #[arg(long)]
        email: String,
        #[arg(long)]
        phone: Option<String>,
        /// Language of the account's mail and SMS.
        #[arg(long, default_value = "es")]
        language: String,
        #[arg(long, env = "RECUPERA_DATABASE_URL", default_value = "sqlite://data/recupera.db")]
        database_url: String,
        #[arg(long, env = "RECUPERA_PASSWORD_MIN_LENGTH", default_value_t = 15)]
        password_min_length: u32,
    },
}

fn main() {
    // One clear line for the operator, not a backtrace.
    let fail = |err: anyhow::Error| -> ! {
        eprintln!("recupera-server: {err:#}");
        std::process::exit(1);
    };
    // The settings file's values are the flags' defaults: a flag, then the environment, win over it.
    let command = config_file::with_file_defaults(Cli::command()).unwrap_or_else(|err| fail(err));
    let cli = Cli::from_arg_matches(&command.get_matches()).unwrap_or_else(|err| err.exit());
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_env("RECUPERA_LOG").unwrap_or_else(|_| EnvFilter::new("info")))
        .init();
    let runtime =
        tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap_or_else(|e| fail(e.into()));
    if let Err(err) = runtime.block_on(run(cli.command)) {
        fail(err);
    }
}

async fn run(command: Command) -> anyhow::Result<()> {
    match command {
        Command::Serve(config) => serve(*config).await,
        Command::Outbox { command } => outbox_command(command).await,
        Command::Migrate { database_url } => {
            recupera_server::storage::migrate(&database_url).await?;
            let database_url = recupera_server::storage::database_url::redacted(&database_url);
            tracing::info!(%database_url, "database is up to date");
            Ok(())
        }
        Command::User {
            command: UserCommand::Add { username, email, phone, language, database_url, password_min_length },
        } => {
            let db = Db::connect(&database_url).await?;
            let password = operations::read_new_password()?;
            let policy = recupera_api::password::PasswordPolicy::with_min_length(password_min_length);
            let user = operations::NewUser {
                username: &username,
                email: &email,
                phone: phone.as_deref(),
                language: &language,
                password: &password,
            };
            let now = recupera_server::clock::Clock::default().now();
            let id = operations::add_user(&db, &passwords::Hasher::new(1, 1)?, &policy, user, now).await?;
            println!("account {id} created: {username}");
            Ok(())
        }
    }
}

async fn outbox_command(command: OutboxCommand) -> anyhow::Result<()> {
    let now = recupera_server::clock::Clock::default().now();
    match command {
        OutboxCommand::Failed { database_url } => {
            let db = Db::connect(&database_url).await?;
            let failed = db.failed_messages(1000).await?;
            if failed.is_empty() {
                println!("no message was given up");
            }
            for m in failed {
                println!(
                    "{}\t{}\t{}\t{}\t{}\t{} attempts\t{}",
                    m.id, m.failed_at, m.channel, m.recipient, m.template, m.attempts, m.last_error
                );
            }
            Ok(())
        }
        OutboxCommand::Retry { id, database_url } => {
            let db = Db::connect(&database_url).await?;
            anyhow::ensure!(db.retry_message(id, now).await?, "no given-up message has the id {id}");
            println!("message {id} is queued again; a running server sends it within a second");
            Ok(())
        }
    }
}

async fn serve(config: Config) -> anyhow::Result<()> {
    config.refuse_unsafe_dev_mode()?;
    if let Err(problems) = recupera_server::messages::check_every_language() {
        anyhow::bail!("the mail and SMS texts of locales/ are broken:\n{}", problems.join("\n"));
    }
    let bind = config.bind;
    let state = AppState::new(config).await?;
    if state.config.dev {
        demo::ensure_demo_account(&state).await?;
    }
    let transports = outbox::Transports::from_config(&state.config.delivery, state.config.dev)?;
    outbox::spawn_worker(state.clone(), transports);
    operations::spawn_cleanup(state.clone());
    if state.db.dialect() == recupera_server::storage::Dialect::Sqlite {
        operations::spawn_checkpoints(state.clone());
    }
    let listener =
        tokio::net::TcpListener::bind(bind).await.with_context(|| format!("cannot listen on {bind}"))?;
    let address = listener.local_addr()?;
    let database = recupera_server::storage::database_url::redacted(&state.config.database_url);
    tracing::info!(dev = state.config.dev, %database, "Recupera is listening on http://{address}/");
    let limits = recupera_server::http_server::ConnectionLimits::from_config(&state.config);
    recupera_server::http_server::serve(listener, app(state), limits, shutdown_signal()).await?;
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
