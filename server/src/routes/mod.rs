//! The JSON API, one module per area. Mounted under `recupera_api::API_PREFIX`.

mod health;

use axum::{http::StatusCode, routing::get, Router};
use recupera_api::ErrorCode;

use crate::{AppError, AppState};

pub fn api_router() -> Router<AppState> {
    Router::new()
        .route("/health", get(health::health))
        // Unknown API paths answer JSON, never the app's HTML: a client must be able to tell.
        .fallback(|| async { AppError::not_found() })
        .method_not_allowed_fallback(|| async {
            AppError::client(StatusCode::METHOD_NOT_ALLOWED, ErrorCode::MethodNotAllowed)
        })
}
