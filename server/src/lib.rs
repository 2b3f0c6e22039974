//! Recupera's server: the JSON API under `/api/v1/`, and the built single-page app for every other path.
//!
//! `app(state)` builds the whole router, so tests drive exactly what production serves
//! (`tower::ServiceExt::oneshot`), and `main.rs` only parses the command line and listens.

pub mod config;
pub mod error;
pub mod routes;
pub mod security_headers;
pub mod spa;
pub mod storage;

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
}

/// The whole HTTP surface: the API, then the app's files, with the headers every answer carries.
pub fn app(state: AppState) -> Router {
    let spa_routes = spa::router(&state.config.dist_dir, state.spa.clone());
    Router::new()
        .nest(recupera_api::API_PREFIX, routes::api_router())
        // Any other `/api/…` path (another version, a trailing slash) is an API miss too: JSON, not HTML.
        .route("/api", any(|| async { AppError::not_found() }))
        .route("/api/{*rest}", any(|| async { AppError::not_found() }))
        .merge(spa_routes)
        .layer(middleware::from_fn_with_state(
            security_headers::policy_header(&state.spa),
            security_headers::add_headers,
        ))
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}
