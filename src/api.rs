//! The one place the app talks to the server. Every call returns `Result<T, ApiError>`; `decode` is
//! the one function that turns an answer into a value or a typed error.

use gloo_net::http::{Request, Response};
use recupera_api::{
    account::{
        AccountView, AddressKind, ChangePasswordRequest, ConfirmAddressRequest, EndSessionsRequest,
        NewAddressRequest, PendingAddress, ResendAddressCodeRequest, SessionList, SignInRequest,
    },
    config::PublicConfig,
    dev::MailboxMessage,
    password::{PasswordCheckRequest, PasswordCheckResponse},
    recovery::{NewPasswordRequest, RecoveryFlow, SendCodeRequest, StartRecoveryRequest, VerifyCodeRequest},
    sign_up::{ConfirmSignUpRequest, ResendSignUpCodeRequest, SignUpFlow, StartSignUpRequest},
    ErrorBody, ErrorCode, API_PREFIX,
};
use serde::{de::DeserializeOwned, Serialize};
use wasm_bindgen::JsCast;

/// Why a call failed.
#[derive(Clone, Debug, PartialEq)]
pub enum ApiError {
    /// The server refused, with a stable code (and maybe the field and numbers).
    Refused(ErrorBody),
    /// The request did not reach the server, or the answer was not ours (offline, proxy page…).
    /// `cause` is for the console and for developers; the person sees one localized message.
    Network { cause: String },
}

impl ApiError {
    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            ApiError::Refused(body) => Some(body.code),
            ApiError::Network { .. } => None,
        }
    }

    /// A failure that is not the server's refusal: `what` failed because of `cause`. Logged to the
    /// browser console as a warning (the screen shows the localized network message).
    pub fn network(what: &str, cause: impl std::fmt::Debug) -> ApiError {
        let cause = format!("{what}: {cause:?}");
        leptos::logging::warn!("{cause}");
        ApiError::Network { cause }
    }
}

async fn decode<T: DeserializeOwned>(response: Result<Response, gloo_net::Error>) -> Result<T, ApiError> {
    let response = response.map_err(|e| ApiError::network("the request did not reach the server", e))?;
    let status = response.status();
    if response.ok() {
        response.json::<T>().await.map_err(|e| ApiError::network("the answer is not the API's", e))
    } else {
        match response.json::<ErrorBody>().await {
            Ok(body) => Err(ApiError::Refused(body)),
            Err(e) => Err(ApiError::network(&format!("a {status} answer without an error body"), e)),
        }
    }
}

fn url(path: &str) -> String {
    format!("{API_PREFIX}{path}")
}

async fn get<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    decode(Request::get(&url(path)).send().await).await
}

async fn post<B: Serialize, T: DeserializeOwned>(path: &str, body: &B) -> Result<T, ApiError> {
    let request =
        Request::post(&url(path)).json(body).map_err(|e| ApiError::network("cannot write the request", e))?;
    decode(request.send().await).await
}

/// What the server says of itself: its password policy, dev mode, mail languages.
pub async fn config() -> Result<PublicConfig, ApiError> {
    get("/config").await
}

/// The signed-in account, or `None`.
pub async fn current_account() -> Result<Option<AccountView>, ApiError> {
    get("/session").await
}

pub async fn sign_in(request: &SignInRequest) -> Result<AccountView, ApiError> {
    post("/session", request).await
}

/// *Mi cuenta*: a code to a new email or phone; it becomes the account's once the code is typed.
pub async fn add_address(kind: AddressKind, address: String) -> Result<PendingAddress, ApiError> {
    post(&format!("/account/{}", kind.as_str()), &NewAddressRequest { address }).await
}

pub async fn resend_address_code(kind: AddressKind) -> Result<PendingAddress, ApiError> {
    post(&format!("/account/{}/code", kind.as_str()), &ResendAddressCodeRequest {}).await
}

pub async fn confirm_address(kind: AddressKind, code: String) -> Result<AccountView, ApiError> {
    post(&format!("/account/{}/verify", kind.as_str()), &ConfirmAddressRequest { code }).await
}

/// *Mi cuenta*: a new password, with the current one. Every other session ends.
pub async fn change_password(request: &ChangePasswordRequest) -> Result<(), ApiError> {
    let request = Request::post(&url("/account/password"))
        .json(request)
        .map_err(|e| ApiError::network("cannot write the request", e))?;
    let response = request.send().await;
    match response {
        Ok(answer) if answer.status() == 204 => Ok(()),
        // Any other answer is a refusal (or not ours): `decode` says which.
        other => decode::<serde_json::Value>(other).await.map(|_| ()),
    }
}

/// Where the account is signed in.
pub async fn sessions() -> Result<SessionList, ApiError> {
    get("/account/sessions").await
}

/// Ends one other session (`Some(id)`), or every other one.
pub async fn end_sessions(id: Option<&str>) -> Result<SessionList, ApiError> {
    match id {
        Some(id) => post(&format!("/account/sessions/{id}/end"), &EndSessionsRequest {}).await,
        None => post("/account/sessions/end-others", &EndSessionsRequest {}).await,
    }
}

pub async fn sign_out() -> Result<(), ApiError> {
    let request = Request::post(&url("/session/end"))
        .json(&serde_json::json!({}))
        .map_err(|e| ApiError::network("cannot write the request", e))?;
    let response =
        request.send().await.map_err(|e| ApiError::network("the request did not reach the server", e))?;
    if response.ok() {
        Ok(())
    } else {
        Err(ApiError::network("signing out", response.status()))
    }
}

pub async fn start_sign_up(request: &StartSignUpRequest) -> Result<SignUpFlow, ApiError> {
    post("/sign-up", request).await
}

pub async fn sign_up(flow_id: &str) -> Result<SignUpFlow, ApiError> {
    get(&format!("/sign-up/{flow_id}")).await
}

pub async fn resend_sign_up_code(flow_id: &str) -> Result<SignUpFlow, ApiError> {
    post(&format!("/sign-up/{flow_id}/code"), &ResendSignUpCodeRequest {}).await
}

pub async fn confirm_sign_up(flow_id: &str, request: &ConfirmSignUpRequest) -> Result<SignUpFlow, ApiError> {
    post(&format!("/sign-up/{flow_id}/verify"), request).await
}

/// An ALTCHA challenge, kept as the JSON the server sent: it goes back verbatim with the solution, so
/// the server's signature over it still holds.
///
/// The first one may already be on its way: on the identify screen's address, `js/early_challenge.js`
/// asks for it while the app downloads. That answer is taken once; then every call asks the server.
/// A bot-check challenge for `action` (`recovery`, `sign_in`, `sign_up`): a solution opens only that action.
pub async fn bot_check_challenge(action: &str) -> Result<serde_json::Value, ApiError> {
    if action != "recovery" {
        return get(&format!("/bot-check/challenge?action={action}")).await;
    }
    if let Some(early) = take_early_challenge() {
        if let Ok(response) = wasm_bindgen_futures::JsFuture::from(early).await {
            return decode(Ok(Response::from(response.unchecked_into::<web_sys::Response>()))).await;
        }
    }
    get("/bot-check/challenge").await
}

/// The early challenge request's promise, removed from the page so no one uses it twice.
fn take_early_challenge() -> Option<js_sys::Promise> {
    const NAME: &str = "recuperaEarlyChallenge";
    let window = leptos::prelude::window();
    let promise = js_sys::Reflect::get(&window, &NAME.into()).ok()?.dyn_into::<js_sys::Promise>().ok()?;
    let _ = js_sys::Reflect::delete_property(&window, &NAME.into());
    Some(promise)
}

pub async fn start_recovery(request: &StartRecoveryRequest) -> Result<RecoveryFlow, ApiError> {
    post("/recovery", request).await
}

pub async fn recovery(flow_id: &str) -> Result<RecoveryFlow, ApiError> {
    get(&format!("/recovery/{flow_id}")).await
}

pub async fn send_code(flow_id: &str, request: &SendCodeRequest) -> Result<RecoveryFlow, ApiError> {
    post(&format!("/recovery/{flow_id}/code"), request).await
}

pub async fn verify_code(flow_id: &str, request: &VerifyCodeRequest) -> Result<RecoveryFlow, ApiError> {
    post(&format!("/recovery/{flow_id}/verify"), request).await
}

pub async fn set_password(flow_id: &str, request: &NewPasswordRequest) -> Result<RecoveryFlow, ApiError> {
    post(&format!("/recovery/{flow_id}/password"), request).await
}

pub async fn check_password(request: &PasswordCheckRequest) -> Result<PasswordCheckResponse, ApiError> {
    post("/password/check", request).await
}

pub async fn dev_mailbox() -> Result<Vec<MailboxMessage>, ApiError> {
    get("/dev/mailbox").await
}
