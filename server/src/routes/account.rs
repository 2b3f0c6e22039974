//! *Mi cuenta*'s addresses, for the signed-in person: `POST /account/{kind}` sends a code to a new
//! email or phone, `POST /account/{kind}/code` another, `POST /account/{kind}/verify` proves it. The
//! rules are `crate::address_proofs`'.

use axum::{
    extract::{Path, State},
    http::HeaderMap,
    Json,
};
use recupera_api::{
    account::{
        AccountView, AddressKind, ConfirmAddressRequest, NewAddressRequest, PendingAddress,
        ResendAddressCodeRequest,
    },
    ErrorCode,
};

use crate::{
    address_proofs,
    extract::{ApiJson, Caller},
    routes::session::{account_view, signed_in_account},
    AppError, AppState,
};

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
    let account = signed_in_account(&state, &headers).await?;
    Ok(Json(account_view(&state, &account).await?))
}
