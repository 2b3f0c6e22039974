//! Sign-in (sign-up is `crate::sign_up`): `POST /session`, `POST /session/end`, `GET /session`; and
//! *Mi cuenta*'s addresses: `POST /account/{email|phone}` sends a code to a new address,
//! `POST /account/{kind}/code` sends another, `POST /account/{kind}/verify` proves it. Until its code
//! is typed a new address gets nothing (no recovery code, no notice) and names no account.

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
    /// A new email waiting for the code sent to it; the account's email is still `email`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending_email: Option<PendingAddress>,
    /// A phone waiting for its SMS code (typed at sign-up, or later): nothing goes to it until then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending_phone: Option<PendingAddress>,
}

/// An account's email or its phone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AddressKind {
    Email,
    Phone,
}

impl AddressKind {
    /// As in the API's paths and the database.
    pub fn as_str(self) -> &'static str {
        match self {
            AddressKind::Email => "email",
            AddressKind::Phone => "phone",
        }
    }

    pub fn parse(text: &str) -> Option<AddressKind> {
        match text {
            "email" => Some(AddressKind::Email),
            "phone" => Some(AddressKind::Phone),
            _ => None,
        }
    }
}

/// A new address waiting for its code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PendingAddress {
    pub kind: AddressKind,
    /// The email as validated, the phone in international form.
    pub address: String,
    /// Whether a code went to it (a phone typed at sign-up waits for a first one to be asked for).
    pub code_sent: bool,
    /// Seconds until another code may be asked for; 0 when it may now.
    pub resend_after_s: u32,
    /// Wrong codes it may still take.
    pub attempts_left: u32,
}

/// `POST /api/v1/account/password`: a new password, with the one in use now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChangePasswordRequest {
    pub current_password: String,
    pub new_password: String,
}

/// Where the account is signed in: `GET /api/v1/account/sessions`, and the answer of ending some.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionList {
    /// Last used first.
    pub sessions: Vec<SessionView>,
}

/// One signed-in session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionView {
    /// Names the session to end it; not its cookie, and worth nothing as one.
    pub id: String,
    /// The browser its sign-in came from (`Firefox`, `Chrome` …), when its user agent says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub browser: Option<String>,
    /// The system (`Android`, `Windows` …), when its user agent says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    /// Seconds since it was last used, to the minute.
    pub last_used_s_ago: u32,
    /// This browser's own session.
    pub this_device: bool,
}

/// `POST /api/v1/account/sessions/{id}/end` and `…/end-others`: no field, a JSON body.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EndSessionsRequest {}
crate::empty_json_object!(EndSessionsRequest);

/// `POST /api/v1/account/{kind}`: send a code to this new email or phone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewAddressRequest {
    pub address: String,
}

/// `POST /api/v1/account/{kind}/code`: another code to the address waiting (after the cool-down).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResendAddressCodeRequest {}
crate::empty_json_object!(ResendAddressCodeRequest);

/// `POST /api/v1/account/{kind}/verify`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConfirmAddressRequest {
    /// As typed or pasted: "12345678", "1234 5678" and "1234-5678" are all fine.
    pub code: String,
}
