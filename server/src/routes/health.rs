//! `GET /api/v1/health`: for load balancers and operators.

use axum::{extract::State, http::StatusCode, Json};
use recupera_api::{ComponentStatus, HealthResponse};

use crate::AppState;

#[utoipa::path(get, path = "/api/v1/health", tag = "operations",
    responses((status = 200, body = HealthResponse), (status = 503, body = HealthResponse)))]
pub async fn health(State(state): State<AppState>) -> (StatusCode, Json<HealthResponse>) {
    let database = match state.db.ping().await {
        Ok(()) => ComponentStatus::Ok,
        Err(err) => {
            tracing::warn!(error = ?err, "health check: database unavailable");
            ComponentStatus::Unavailable
        }
    };
    let status = database;
    let http_status = match status {
        ComponentStatus::Ok => StatusCode::OK,
        ComponentStatus::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
    };
    let body = HealthResponse { status, database, version: env!("CARGO_PKG_VERSION").to_owned() };
    (http_status, Json(body))
}
