//! `GET /api/v1/openapi.json`: the API described from its Rust types and handlers (utoipa), so clients
//! and tools (schemathesis, code generators) never drift from what the server does. The handlers'
//! annotations give the success answers; every refusal comes from `refusals` (the table each answer
//! is checked against), written here as one response per status with the codes it may carry.
//! Production's document leaves out the dev-mode operations.

use axum::{extract::State, Json};
use serde_json::{json, Value};
use utoipa::OpenApi;

use super::{
    account, bot_check, config, dev_clock, dev_mailbox, health, password_check, recovery,
    refusals::{operations, Operation},
    session, sign_up,
};
use crate::{error::status_for, AppState};
use recupera_api::{dev::MAX_CLOCK_STEP_S, password::PasswordPolicy};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Recupera API",
        description = "Account recovery: every refusal is an ErrorBody with a stable code."
    ),
    paths(
        health::health,
        config::config,
        sign_up::start,
        sign_up::read,
        sign_up::resend,
        sign_up::confirm,
        session::sign_in,
        session::current,
        session::sign_out,
        account::add_address,
        account::resend_address_code,
        account::confirm_address,
        account::change_password,
        account::list_sessions,
        account::end_session,
        account::end_other_sessions,
        bot_check::challenge,
        password_check::check,
        recovery::start,
        recovery::read,
        recovery::send_code,
        recovery::verify,
        recovery::set_password,
        dev_mailbox::mailbox,
        dev_clock::advance,
    ),
    // Every refusal's body (the responses that carry it are added from `refusals`).
    components(schemas(recupera_api::ErrorBody, recupera_api::ErrorCode))
)]
pub struct ApiDoc;

pub async fn document(State(state): State<AppState>) -> Json<Value> {
    Json(described(state.config.dev, state.config.policy.password_min_length))
}

/// The whole document; `dev` keeps the dev-mode operations in it.
pub fn described(dev: bool, password_min_length: u32) -> Value {
    let mut doc = serde_json::to_value(ApiDoc::openapi()).expect("the document is JSON");
    state_the_rules(&mut doc, PasswordPolicy::with_min_length(password_min_length));
    for operation in operations() {
        let method = operation.method.as_str().to_ascii_lowercase();
        if operation.dev_only && !dev {
            if let Some(paths) = doc["paths"].as_object_mut() {
                paths.remove(operation.path);
            }
            continue;
        }
        let entry = &mut doc["paths"][operation.path][&method];
        assert!(entry.is_object(), "{} {} has no utoipa annotation", operation.method, operation.path);
        describe(entry, operation);
    }
    doc
}

/// The rules both sides run (`recupera_api::validation`, the password policy), on the request fields.
fn state_the_rules(doc: &mut Value, policy: PasswordPolicy) {
    use recupera_api::schema_patterns as patterns;
    let password = json!({ "minLength": policy.min_length, "maxLength": policy.max_length,
        "description": "Lengths count Unicode code points, of the password as sent and once \
            Unicode-normalized (NFKC), which is what is hashed: both must be within them. Beyond them the server refuses common, \
            breached and guessable passwords (`password_common`) and ones containing the account's names \
            (`password_contains_identity`): rules no schema can state." });
    let rules = [
        ("StartRecoveryRequest", "identifier", json!({ "pattern": patterns::identifier_pattern() })),
        ("SignInRequest", "identifier", json!({ "pattern": patterns::identifier_pattern() })),
        ("StartSignUpRequest", "username", json!({ "pattern": patterns::username_pattern() })),
        ("StartSignUpRequest", "email", json!({ "pattern": patterns::email_pattern() })),
        ("StartSignUpRequest", "phone", json!({ "pattern": patterns::optional_phone_pattern() })),
        ("StartSignUpRequest", "password", password.clone()),
        ("NewPasswordRequest", "password", password),
        ("VerifyCodeRequest", "code", json!({ "pattern": patterns::code_pattern() })),
        ("ConfirmSignUpRequest", "code", json!({ "pattern": patterns::code_pattern() })),
        ("AdvanceClockRequest", "seconds", json!({ "minimum": 1, "maximum": MAX_CLOCK_STEP_S })),
    ];
    for (schema, field, rule) in rules {
        let property = &mut doc["components"]["schemas"][schema]["properties"][field];
        assert!(property.is_object(), "{schema}.{field} is not in the document");
        for (key, value) in rule.as_object().expect("an object") {
            property[key] = value.clone();
        }
    }
}

/// Puts `text` before the operation's own description.
fn prepend_description(entry: &mut Value, text: &str) {
    let description = entry["description"].as_str().unwrap_or_default();
    entry["description"] = json!(format!("{text} {description}"));
}

fn describe(entry: &mut Value, operation: &Operation) {
    entry["operationId"] = json!(operation.id);
    if operation.is_flow_step() && operation.path.contains("/sign-up/") {
        prepend_description(
            entry,
            "Needs the sign-up cookie its start set (`__Host-recupera_sign_up`; `recupera_sign_up` in dev \
             mode): without it, or with another sign-up's, the answer is `404 flow_not_found`, as for an \
             unknown one.",
        );
    } else if operation.is_flow_step() {
        prepend_description(
            entry,
            "Needs the flow cookie its start set (`__Host-recupera_flow`; `recupera_flow` in dev mode): \
             without it, or with another flow's, the answer is `404 flow_not_found`, as for an unknown \
             flow.",
        );
    }
    if operation.path.contains("/account/") {
        prepend_description(
            entry,
            "Needs the session cookie a sign-in set (`__Host-recupera_session`; `recupera_session` in dev \
             mode): without it the answer is `401 not_signed_in`.",
        );
    }
    if operation.dev_only {
        entry["x-dev-only"] = json!(true);
        prepend_description(entry, "Only in dev mode (404 `not_found` otherwise).");
    }
    if operation.json_body && entry.get("requestBody").is_none() {
        // It reads no field, but a JSON body is what keeps cross-site forms from posting here.
        entry["requestBody"] = json!({ "required": true, "content": { "application/json": {
            "schema": { "description": "Any JSON value: `{}` will do" } } } });
    }
    if operation.id == "bot_check_challenge" {
        let actions: Vec<&str> = bot_check::BotCheckAction::ALL.iter().map(|a| a.as_str()).collect();
        for parameter in entry["parameters"].as_array_mut().into_iter().flatten() {
            if parameter["name"] == "action" {
                parameter["schema"] = json!({ "type": "string", "enum": actions });
            }
        }
    }
    let responses = entry["responses"].as_object_mut().expect("responses");
    if !operation.leads_to.is_empty() {
        let success = responses.iter_mut().find(|(status, _)| status.starts_with('2')).map(|(_, r)| r);
        let success = success.expect("an operation that leads somewhere answers a flow");
        let links: serde_json::Map<String, Value> = operation
            .leads_to
            .iter()
            .map(|id| {
                // A flow's steps take its id; an account address's, its kind.
                let parameters = if operation.path.contains("/account/") {
                    json!({ "kind": "$response.body#/kind" })
                } else {
                    json!({ "flow_id": "$response.body#/flow_id" })
                };
                let link = json!({ "operationId": id, "parameters": parameters });
                ((*id).to_owned(), link)
            })
            .collect();
        success["links"] = Value::Object(links);
    }
    // An annotation's own error answers give way to the table's, unless they carry another body (the
    // health check's 503 says which component is down): both are then documented.
    let is_error_body = |response: &Value| {
        let schema = response.pointer("/content/application~1json/schema").cloned().unwrap_or(Value::Null);
        schema.is_null() || schema["$ref"] == "#/components/schemas/ErrorBody"
    };
    responses.retain(|status, response| !(status.starts_with(['4', '5']) && is_error_body(response)));
    let mut by_status = std::collections::BTreeMap::<u16, Vec<&str>>::new();
    for &code in &operation.all_refusals {
        by_status.entry(status_for(code).as_u16()).or_default().push(code.as_str());
    }
    for (status, codes) in by_status {
        let listed = codes.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", ");
        let mut response = json!({
            "description": format!("Refused: {listed}"),
            "content": { "application/json": { "schema": { "allOf": [
                { "$ref": "#/components/schemas/ErrorBody" },
                { "type": "object", "properties": { "code": { "type": "string", "enum": codes } } },
            ] } } },
        });
        if matches!(status, 429 | 503) {
            response["headers"] = json!({ "Retry-After": {
                "description": "Seconds until the same request may succeed",
                "schema": { "type": "integer", "minimum": 0 },
            } });
        }
        if let Some(own) = responses.get(&status.to_string()) {
            let own_schema = own["content"]["application/json"]["schema"].clone();
            let refusal = response["content"]["application/json"]["schema"].take();
            response["content"]["application/json"]["schema"] = json!({ "oneOf": [own_schema, refusal] });
            response["description"] =
                json!(format!("{}; or refused: {listed}", own["description"].as_str().unwrap_or("")));
        }
        responses.insert(status.to_string(), response);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_operation_in_the_table_is_in_the_document_and_production_has_no_dev_operations() {
        let dev = described(true, 15);
        let production = described(false, 15);
        for operation in operations() {
            let method = operation.method.as_str().to_ascii_lowercase();
            assert!(dev["paths"][operation.path][&method].is_object(), "{}", operation.path);
            assert_eq!(
                production["paths"].get(operation.path).is_none(),
                operation.dev_only,
                "{}",
                operation.path
            );
        }
        let documented: usize =
            dev["paths"].as_object().unwrap().values().map(|item| item.as_object().unwrap().len()).sum();
        assert_eq!(documented, operations().len(), "every documented operation is in the table");
    }
}
