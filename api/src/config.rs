//! `GET /api/v1/config`: what the server tells its app (and any client) about itself, read once at
//! start, so the app's rules never disagree with the server's answers.

use serde::{Deserialize, Serialize};

use crate::password::PasswordPolicy;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicConfig {
    /// The lengths a new password must have (operators may raise the minimum).
    pub password_policy: PasswordPolicy,
    /// Dev mode: the dev mailbox and the dev clock answer. Never on in production.
    pub dev_mode: bool,
    /// The languages mail and SMS are written in (BCP 47 tags, sorted).
    pub languages: Vec<String>,
}

impl PublicConfig {
    /// What a client assumes until the server has answered: the recommended policy, no dev mode.
    pub fn assumed() -> PublicConfig {
        PublicConfig {
            password_policy: PasswordPolicy::recommended(),
            dev_mode: false,
            languages: Vec::new(),
        }
    }
}
