//! What each operation may refuse with: one table that the API document is written from
//! (`openapi::document`) and that every answer is checked against (`check`), so the two cannot drift.
//! A handler that starts answering a code its operation does not list fails every test that meets it
//! (debug builds panic; release builds log an error).

use axum::{
    extract::{MatchedPath, Request},
    http::Method,
    middleware::Next,
    response::Response,
};
use recupera_api::ErrorCode::{self, *};

/// One API operation: its method, its path as the document writes it, and the refusals of its own.
pub struct Operation {
    pub method: Method,
    pub path: &'static str,
    /// Its `operationId` in the document, for links.
    pub id: &'static str,
    /// Whether it takes a JSON body (and so may answer `malformed_request`, `unsupported_media_type`
    /// and `payload_too_large`).
    pub json_body: bool,
    /// Only served in dev mode (404 `not_found` otherwise, and absent from production's document).
    pub dev_only: bool,
    pub refusals: Vec<ErrorCode>,
    /// Every code it may answer, its own and the shared ones, each once, in `ErrorCode::ALL`'s order:
    /// computed once, as every refused answer is checked against it.
    pub all_refusals: Vec<ErrorCode>,
    /// The operations its success answer (a recovery flow) leads to, by `operationId`: written as
    /// OpenAPI links, so a client can walk a whole recovery from the `flow_id` it is given.
    pub leads_to: &'static [&'static str],
}

/// Refused by every operation: a failure of ours, and load shedding (`service_busy`).
const EVERY_OPERATION: &[ErrorCode] = &[Internal, ServiceBusy];
const JSON_BODY: &[ErrorCode] = &[MalformedRequest, UnsupportedMediaType, PayloadTooLarge];
/// Every step of a flow: unknown (or another browser's), or ended, and why.
const FLOW_STEP: &[ErrorCode] = &[
    FlowNotFound,
    FlowExpired,
    FlowCompleted,
    FlowAttemptsExhausted,
    FlowSuperseded,
    AccountAttemptsExhausted,
];
/// A sign-up that ended because someone confirmed first with its user name or email.
const SIGN_UP_ENDED: &[ErrorCode] = &[UsernameTaken, EmailTaken];
/// *Mi cuenta*'s address operations: signed in, with a kind that exists.
const ADDRESS: &[ErrorCode] = &[NotFound, NotSignedIn];
const PASSWORD_POLICY: &[ErrorCode] =
    &[PasswordTooShort, PasswordTooLong, PasswordCommon, PasswordContainsIdentity];

/// One row of the table: `path` under the API prefix, its own refusals given as lists.
fn operation(
    method: Method,
    path: &str,
    id: &'static str,
    json_body: bool,
    refusals: &[&[ErrorCode]],
) -> Operation {
    let refusals = refusals.concat();
    let shared = [
        EVERY_OPERATION,
        if json_body { JSON_BODY } else { &[] },
        if is_flow_step(path) { FLOW_STEP } else { &[] },
    ];
    let mut all_refusals: Vec<ErrorCode> = shared.into_iter().flatten().chain(&refusals).copied().collect();
    all_refusals.sort_by_key(|code| ErrorCode::ALL.iter().position(|c| c == code));
    all_refusals.dedup();
    Operation {
        method,
        path: Box::leak(format!("{}{path}", recupera_api::API_PREFIX).into_boxed_str()),
        id,
        json_body,
        dev_only: path.starts_with("/dev/"),
        refusals,
        all_refusals,
        leads_to: &[],
    }
}

fn is_flow_step(path: &str) -> bool {
    path.contains("{flow_id}")
}

pub fn operations() -> &'static [Operation] {
    static OPERATIONS: std::sync::OnceLock<Vec<Operation>> = std::sync::OnceLock::new();
    OPERATIONS.get_or_init(|| {
        let (get, post) = (Method::GET, Method::POST);
        vec![
            operation(get.clone(), "/health", "health", false, &[]),
            operation(get.clone(), "/config", "config", false, &[]),
            Operation {
                leads_to: &["read_sign_up", "resend_sign_up_code", "confirm_sign_up"],
                ..operation(
                    post.clone(),
                    "/sign-up",
                    "start_sign_up",
                    true,
                    &[
                        &[UsernameInvalid, EmailInvalid, PhoneInvalid, UsernameTaken],
                        PASSWORD_POLICY,
                        &[BotCheckInvalid, BotCheckExpired, TooManySignUps],
                    ],
                )
            },
            operation(get.clone(), "/sign-up/{flow_id}", "read_sign_up", false, &[SIGN_UP_ENDED]),
            Operation {
                leads_to: &["read_sign_up", "confirm_sign_up"],
                ..operation(
                    post.clone(),
                    "/sign-up/{flow_id}/code",
                    "resend_sign_up_code",
                    true,
                    &[SIGN_UP_ENDED, &[FlowWrongStep, ResendTooSoon]],
                )
            },
            Operation {
                leads_to: &["read_sign_up"],
                ..operation(
                    post.clone(),
                    "/sign-up/{flow_id}/verify",
                    "confirm_sign_up",
                    true,
                    &[
                        SIGN_UP_ENDED,
                        &[FlowWrongStep, CodeMalformed, CodeInvalid, CodeExpired, IpAttemptsExhausted],
                    ],
                )
            },
            operation(
                post.clone(),
                "/session",
                "sign_in",
                true,
                &[&[
                    InvalidCredentials,
                    TooManyRequests,
                    BotCheckRequired,
                    BotCheckInvalid,
                    BotCheckExpired,
                    SignInPaused,
                ]],
            ),
            operation(get.clone(), "/session", "current_session", false, &[]),
            operation(post.clone(), "/session/end", "sign_out", true, &[]),
            // *Mi cuenta*: the password, the sessions.
            operation(
                post.clone(),
                "/account/password",
                "change_password",
                true,
                &[&[NotSignedIn, CurrentPasswordInvalid, TooManyRequests], PASSWORD_POLICY],
            ),
            operation(get.clone(), "/account/sessions", "list_sessions", false, &[&[NotSignedIn]]),
            operation(
                post.clone(),
                "/account/sessions/end-others",
                "end_other_sessions",
                true,
                &[&[NotSignedIn]],
            ),
            operation(
                post.clone(),
                "/account/sessions/{session_id}/end",
                "end_session",
                true,
                &[&[NotSignedIn, SessionNotFound]],
            ),
            // *Mi cuenta*'s addresses: `{kind}` is `email` or `phone` (any other is `not_found`).
            Operation {
                leads_to: &["resend_address_code", "confirm_address"],
                ..operation(
                    post.clone(),
                    "/account/{kind}",
                    "add_address",
                    true,
                    &[
                        ADDRESS,
                        &[EmailInvalid, PhoneInvalid, AddressUnchanged, ResendTooSoon, SendLimitReached],
                    ],
                )
            },
            Operation {
                leads_to: &["confirm_address"],
                ..operation(
                    post.clone(),
                    "/account/{kind}/code",
                    "resend_address_code",
                    true,
                    &[ADDRESS, &[NothingToConfirm, ResendTooSoon, SendLimitReached]],
                )
            },
            operation(
                post.clone(),
                "/account/{kind}/verify",
                "confirm_address",
                true,
                &[
                    ADDRESS,
                    &[NothingToConfirm, AddressAttemptsExhausted, CodeMalformed, CodeInvalid, CodeExpired],
                    &[AccountAttemptsExhausted, IpAttemptsExhausted, EmailTaken, PhoneTaken],
                ],
            ),
            operation(
                get.clone(),
                "/bot-check/challenge",
                "bot_check_challenge",
                false,
                &[&[MalformedRequest]],
            ),
            operation(post.clone(), "/password/check", "check_password", true, &[]),
            Operation {
                leads_to: &["read_recovery", "send_code", "verify_code", "set_password"],
                ..operation(
                    post.clone(),
                    "/recovery",
                    "start_recovery",
                    true,
                    &[&[IdentifierInvalid, BotCheckInvalid, BotCheckExpired, TooManyRecoveries]],
                )
            },
            operation(get.clone(), "/recovery/{flow_id}", "read_recovery", false, &[]),
            Operation {
                leads_to: &["read_recovery", "send_code", "verify_code"],
                ..operation(
                    post.clone(),
                    "/recovery/{flow_id}/code",
                    "send_code",
                    true,
                    &[&[FlowWrongStep, ResendTooSoon, SendLimitReached]],
                )
            },
            Operation {
                leads_to: &["read_recovery", "set_password"],
                ..operation(
                    post.clone(),
                    "/recovery/{flow_id}/verify",
                    "verify_code",
                    true,
                    &[&[FlowWrongStep, CodeMalformed, CodeInvalid, CodeExpired, IpAttemptsExhausted]],
                )
            },
            operation(
                post.clone(),
                "/recovery/{flow_id}/password",
                "set_password",
                true,
                &[&[FlowWrongStep, PasswordWindowExpired, PasswordMismatch], PASSWORD_POLICY],
            ),
            operation(get, "/dev/mailbox", "dev_mailbox", false, &[&[NotFound]]),
            operation(post, "/dev/clock", "dev_advance_clock", true, &[&[NotFound]]),
        ]
    })
}

impl Operation {
    /// A step of a recovery flow: it needs the flow's cookie, and may find the flow unknown or ended.
    pub fn is_flow_step(&self) -> bool {
        is_flow_step(self.path)
    }

    pub fn find(method: &Method, path: &str) -> Option<&'static Operation> {
        operations().iter().find(|op| op.method == method && op.path == path)
    }
}

/// Checks each API answer's code against its operation's list (`route_layer`: only matched routes).
pub async fn check(request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let path = request.extensions().get::<MatchedPath>().cloned();
    let response = next.run(request).await;
    let (Some(path), Some(code)) = (path, response.extensions().get::<ErrorCode>().copied()) else {
        return response;
    };
    let path = path.as_str();
    let listed = Operation::find(&method, path).is_some_and(|op| op.all_refusals.contains(&code));
    if !listed {
        tracing::error!(%method, %path, code = code.as_str(), "an answer's code is not in its operation's list");
        debug_assert!(
            listed,
            "{method} {path} answered {}, which routes/refusals.rs does not list",
            code.as_str()
        );
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_operation_is_listed_once_and_its_own_codes_are_not_shared_ones() {
        let mut seen = std::collections::HashSet::new();
        for op in operations() {
            assert!(seen.insert((op.method.clone(), op.path)), "{} {} is listed twice", op.method, op.path);
            for code in &op.refusals {
                assert!(
                    !EVERY_OPERATION.contains(code),
                    "{} lists {code:?}, which every operation has",
                    op.path
                );
            }
        }
    }
}
