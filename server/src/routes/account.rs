//! *Mi cuenta*, for the signed-in person. Addresses: `POST /account/{kind}` sends a code to a new
//! email or phone, `POST /account/{kind}/code` another, `POST /account/{kind}/verify` proves it
//! (rules: `crate::address_proofs`). `POST /account/password` changes the password;
//! `GET /account/sessions` lists where the account is signed in, `POST /account/sessions/{id}/end`
//! and `POST /account/sessions/end-others` end sessions (rules: `crate::my_account`).

use axum::{
    extract::{Path, State},
    http::{HeaderMap, StatusCode},
    Json,
};
use recupera_api::{
    account::{
        AccountView, AddressKind, ChangePasswordRequest, ConfirmAddressRequest, EndSessionsRequest,
        NewAddressRequest, PendingAddress, ResendAddressCodeRequest, SessionList,
    },
    ErrorCode,
};

use crate::{
    address_proofs,
    extract::{session_token, ApiJson, Caller},
    my_account,
    routes::session::{account_view, signed_in_account, token_hash},
    storage::accounts::Account,
    AppError, AppState,
};

/// The signed-in account, and the hash of this browser's session.
async fn signed_in(state: &AppState, headers: &HeaderMap) -> Result<(Account, Vec<u8>), AppError> {
    let account = signed_in_account(state, headers).await?;
    let token = session_token(headers, state.config.dev).unwrap_or_default();
    Ok((account, token_hash(&token)))
}

/// The kind in the path; any other is no endpoint.
fn kind_of(path: &str) -> Result<AddressKind, AppError> {
    AddressKind::parse(path).ok_or_else(|| AppError::code(ErrorCode::NotFound))
}

fn pending_view(
    state: &AppState,
    row: &crate::storage::address_proofs::AddressProofRow,
) -> Result<PendingAddress, AppError> {
    let now = state.clock.now();
    address_proofs::view(row, state.config.policy.attempts_per_flow, now)
        .ok_or_else(|| AppError::code(ErrorCode::NothingToConfirm))
}

#[utoipa::path(post, path = "/api/v1/account/{kind}", tag = "accounts", request_body = NewAddressRequest,
    params(("kind" = AddressKind, Path, description = "`email` or `phone`")),
    responses((status = 200, body = PendingAddress,
        description = "A code went to the new address (or, past its daily cap, was held back); the account's address changes only once it is typed")))]
pub async fn add_address(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    Path(kind): Path<String>,
    ApiJson(request): ApiJson<NewAddressRequest>,
) -> Result<Json<PendingAddress>, AppError> {
    let kind = kind_of(&kind)?;
    let account = signed_in_account(&state, &headers).await?;
    let row = address_proofs::send_code(&state, &caller, &account, kind, Some(&request.address)).await?;
    Ok(Json(pending_view(&state, &row)?))
}

#[utoipa::path(post, path = "/api/v1/account/{kind}/code", tag = "accounts", request_body = ResendAddressCodeRequest,
    params(("kind" = AddressKind, Path, description = "`email` or `phone`")),
    responses((status = 200, body = PendingAddress, description = "A new code went to the address waiting; the old one no longer works")))]
pub async fn resend_address_code(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    Path(kind): Path<String>,
    ApiJson(ResendAddressCodeRequest {}): ApiJson<ResendAddressCodeRequest>,
) -> Result<Json<PendingAddress>, AppError> {
    let kind = kind_of(&kind)?;
    let account = signed_in_account(&state, &headers).await?;
    let row = address_proofs::send_code(&state, &caller, &account, kind, None).await?;
    Ok(Json(pending_view(&state, &row)?))
}

#[utoipa::path(post, path = "/api/v1/account/{kind}/verify", tag = "accounts", request_body = ConfirmAddressRequest,
    params(("kind" = AddressKind, Path, description = "`email` or `phone`")),
    responses((status = 200, body = AccountView, description = "The address is proven: it is now the account's")))]
pub async fn confirm_address(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    Path(kind): Path<String>,
    ApiJson(request): ApiJson<ConfirmAddressRequest>,
) -> Result<Json<AccountView>, AppError> {
    let kind = kind_of(&kind)?;
    let account = signed_in_account(&state, &headers).await?;
    address_proofs::confirm(&state, &caller, &account, kind, &request.code).await?;
    // The account as the change left it (its session was checked above).
    let changed =
        state.db.account(account.id).await?.ok_or_else(|| AppError::code(ErrorCode::NotSignedIn))?;
    Ok(Json(account_view(&state, &changed).await?))
}

#[utoipa::path(post, path = "/api/v1/account/password", tag = "accounts", request_body = ChangePasswordRequest,
    responses((status = 204, description = "Changed: every other session ended, and the owner was told")))]
pub async fn change_password(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    ApiJson(request): ApiJson<ChangePasswordRequest>,
) -> Result<StatusCode, AppError> {
    let (account, session) = signed_in(&state, &headers).await?;
    let passwords = (request.current_password.as_str(), request.new_password.as_str());
    my_account::change_password(&state, &caller, &account, &session, passwords).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/api/v1/account/sessions", tag = "accounts",
    responses((status = 200, body = SessionList, description = "Where the account is signed in, this browser marked")))]
pub async fn list_sessions(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Json<SessionList>, AppError> {
    let (account, session) = signed_in(&state, &headers).await?;
    Ok(Json(my_account::sessions(&state, &account, &session).await?))
}

#[utoipa::path(post, path = "/api/v1/account/sessions/{session_id}/end", tag = "accounts", request_body = EndSessionsRequest,
    params(("session_id" = String, Path, description = "A session's `id`, from the list")),
    responses((status = 200, body = SessionList, description = "Ended; the list as it is now")))]
pub async fn end_session(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    Path(session_id): Path<String>,
    ApiJson(EndSessionsRequest {}): ApiJson<EndSessionsRequest>,
) -> Result<Json<SessionList>, AppError> {
    let (account, session) = signed_in(&state, &headers).await?;
    Ok(Json(my_account::end_sessions(&state, &caller, &account, &session, Some(&session_id)).await?))
}

#[utoipa::path(post, path = "/api/v1/account/sessions/end-others", tag = "accounts", request_body = EndSessionsRequest,
    responses((status = 200, body = SessionList, description = "Every other session ended; this one stays")))]
pub async fn end_other_sessions(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    ApiJson(EndSessionsRequest {}): ApiJson<EndSessionsRequest>,
) -> Result<Json<SessionList>, AppError> {
    let (account, session) = signed_in(&state, &headers).await?;
    Ok(Json(my_account::end_sessions(&state, &caller, &account, &session, None).await?))
}
