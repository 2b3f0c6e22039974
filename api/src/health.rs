//! `GET /api/v1/health`: whether the server and its database answer.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ComponentStatus {
    Ok,
    Unavailable,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HealthResponse {
    /// `ok` only when every component below is `ok`.
    pub status: ComponentStatus,
    pub database: ComponentStatus,
    /// The server's crate version, for operators.
    pub version: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn health_response_round_trips_with_snake_case_statuses() {
        let health = HealthResponse {
            status: ComponentStatus::Unavailable,
            database: ComponentStatus::Unavailable,
            version: "0.1.0".into(),
        };
        let json = serde_json::to_string(&health).unwrap();
        assert_eq!(json, r#"{"status":"unavailable","database":"unavailable","version":"0.1.0"}"#);
        assert_eq!(serde_json::from_str::<HealthResponse>(&json).unwrap(), health);
    }
}
