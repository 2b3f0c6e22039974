//! Sign-in (sign-up is `crate::sign_up`): `POST /session`, `POST /session/end`, `GET /session`.

use serde::{Deserialize, Serialize};

/// `POST /api/v1/session`: sign in with a user name, email or phone, and the password.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignInRequest {
    pub identifier: String,
    pub password: String,
    /// A solved "I am not a robot" check (for the `sign_in` action), once the server asks for one
    /// (`bot_check_required`): after a few wrong passwords for the account, or many from the network.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bot_check: Option<String>,
}

/// What a signed-in person sees of their account (*Mi cuenta*).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountView {
    pub username: String,
    pub email: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    pub language: String,
}
