//! Recupera's server: the JSON API under `/api/v1/`, and the built single-page app for every other path.
//!
//! `app(state)` builds the whole router, so tests drive exactly what production serves
//! (`tower::ServiceExt::oneshot`), and `main.rs` only parses the command line and listens.

pub mod address_proofs;
pub mod clock;
pub mod config;
pub mod config_file;
pub mod demo;
pub mod error;
pub mod extract;
pub mod http_server;
pub mod ip_range;
pub mod messages;
pub mod my_account;
pub mod operations;
pub mod outbox;
pub mod passwords;
pub mod recovery;
pub mod routes;
pub mod secrets;
pub mod security_headers;
pub mod sign_up;
pub mod spa;
pub mod storage;
pub mod work_gate;

use std::sync::Arc;

use axum::{middleware, routing::any, Router};
use tower_http::{compression::CompressionLayer, trace::TraceLayer};

pub use config::Config;
pub use error::AppError;
use storage::Db;

/// What every handler may reach.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<Config>,
    pub spa: Arc<spa::SpaShell>,
    pub clock: clock::Clock,
    pub secrets: Arc<secrets::Secrets>,
    pub hasher: passwords::Hasher,
    /// Bot-check solutions being checked (`max_concurrent_bot_checks`).
    pub bot_checks: Arc<work_gate::WorkGate>,
    pub outbox: outbox::Outbox,
}

impl AppState {
    /// Opens the database, loads the keys and the app's `index.html`: everything `app()` needs.
    pub async fn new(config: Config) -> anyhow::Result<AppState> {
        let db = Db::connect_with(&config.database_url, config.database_max_connections).await?;
        let secrets = secrets::Secrets::load(&config, &db).await?;
        let spa = spa::SpaShell::load(&config.dist_dir)?;
        let hasher =
            passwords::Hasher::new(config.policy.max_concurrent_hashes, config.policy.hashes_waiting)?;
        let bot_checks = Arc::new(work_gate::WorkGate::new(
            config.policy.max_concurrent_bot_checks,
            config.policy.bot_checks_waiting,
        ));
        Ok(AppState {
            db,
            config: Arc::new(config),
            spa: Arc::new(spa),
            clock: clock::Clock::default(),
            secrets: Arc::new(secrets),
            hasher,
            bot_checks,
            outbox: outbox::Outbox::default(),
        })
    }
}

/// The whole HTTP surface: the API, then the app's files, with the headers every answer carries.
pub fn app(state: AppState) -> Router {
    let spa_routes = spa::router(&state.config.dist_dir, state.spa.clone());
    // Under a flood the API sheds load instead of stalling: past the concurrency limit, or past its
    // time, a request is answered 503 with `Retry-After` at once. The app's files are outside it.
    let shedding = tower::ServiceBuilder::new()
        .layer(axum::error_handling::HandleErrorLayer::new(|_: tower::BoxError| async {
            AppError::refused(error::busy())
        }))
        .load_shed()
        .layer(tower::limit::GlobalConcurrencyLimitLayer::new(state.config.max_concurrent_requests))
        .timeout(std::time::Duration::from_secs(state.config.request_timeout_s));
    Router::new()
        .nest(recupera_api::API_PREFIX, routes::api_router().layer(shedding))
        // Any other `/api/…` path (another version, a trailing slash) is an API miss too: JSON, not HTML.
        .route("/api", any(|| async { AppError::not_found() }))
        .route("/api/{*rest}", any(|| async { AppError::not_found() }))
        .merge(spa_routes)
        // JSON bodies are small; anything larger is refused before it is read.
        .layer(tower_http::limit::RequestBodyLimitLayer::new(16 * 1024))
        .layer(middleware::from_fn_with_state(
            security_headers::policy(&state.spa, state.config.dev),
            security_headers::add_headers,
        ))
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}
