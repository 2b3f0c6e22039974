//! Recupera's shared API: what the browser and the server both speak.
//!
//! Everything here is plain data plus pure functions, so it compiles for the host and for wasm32
//! alike: serde request/response types, the stable error codes the server answers (the browser maps
//! each code to a Fluent message id — no English crosses the wire), and the validation both sides run.

/// `Deserialize` for a request with no field: a JSON object (its members ignored), and nothing else.
/// serde's derive would take `[]` too, which the API document says is not the body.
macro_rules! empty_json_object {
    ($name:ident) => {
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Members;
                impl<'de> serde::de::Visitor<'de> for Members {
                    type Value = $name;
                    fn expecting(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
                        f.write_str("a JSON object")
                    }
                    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<$name, A::Error> {
                        while map.next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?.is_some() {}
                        Ok($name {})
                    }
                }
                deserializer.deserialize_map(Members)
            }
        }
    };
}
pub(crate) use empty_json_object;

pub mod account;
pub mod bot_check;
pub mod config;
pub mod decimal_digits;
pub mod dev;
pub mod error;
pub mod health;
pub mod language_match;
pub mod password;
pub mod pseudo_locale;
pub mod recovery;
pub mod schema_patterns;
pub mod sign_up;
pub mod validation;

pub use error::{ErrorBody, ErrorCode};
pub use health::{ComponentStatus, HealthResponse};

/// Every JSON endpoint lives under this prefix; the version is in the path so old clients keep working.
pub const API_PREFIX: &str = "/api/v1";

#[cfg(test)]
mod empty_request_tests {
    #[test]
    fn a_request_without_fields_is_an_object_and_nothing_else() {
        use crate::account::EndSessionsRequest;
        assert!(serde_json::from_str::<EndSessionsRequest>("{}").is_ok());
        assert!(serde_json::from_str::<EndSessionsRequest>(r#"{"any": [1, {"x": null}]}"#).is_ok());
        for not_an_object in ["[]", "null", "0", "\"{}\"", "[{}]"] {
            assert!(serde_json::from_str::<EndSessionsRequest>(not_an_object).is_err(), "{not_an_object}");
        }
    }
}
