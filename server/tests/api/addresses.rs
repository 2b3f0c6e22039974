//! A new email or phone is proven by a code before anything goes to it (*Mi cuenta*,
//! `POST /account/{kind}`, `…/code`, `…/verify`).

use axum::http::StatusCode;
use serde_json::json;

use crate::support::{ana, body_json, post_with_cookie, TestApp, DEMO_PASSWORD};

const PASSWORD: &str = "una contraseña nueva y larga 2026";

/// `POST /account/{kind}[/action]` from a browser holding `cookie`.
async fn account_action(
    app: &TestApp,
    cookie: Option<&str>,
    path: &str,
    body: serde_json::Value,
) -> (StatusCode, serde_json::Value) {
    let response = app.send(post_with_cookie(&format!("/api/v1/account/{path}"), cookie, &body)).await;
    (response.status(), body_json(response).await)
}

/// The messages to `to`, newest first.
async fn messages_to(app: &TestApp, to: &str) -> Vec<serde_json::Value> {
    app.mailbox().await.into_iter().filter(|m| m["to"] == to).collect()
}

#[tokio::test]
async fn a_phone_typed_at_sign_up_gets_nothing_until_its_sms_code_is_typed() {
    let app = TestApp::new().await;
    app.sign_up_through_api("lucia", "lucia@correo.test", Some("+34 611 000 001"), PASSWORD).await;
    let phone = "+34611000001";
    let cookie = app.sign_in_cookie("lucia", PASSWORD).await;
    let view = app.session_view(&cookie).await;
    assert_eq!(view["phone"], serde_json::Value::Null, "{view}");
    assert_eq!(view["pending_phone"]["address"], phone, "{view}");
    assert_eq!(view["pending_phone"]["code_sent"], false, "{view}");

    // Unproven, the phone names no account and is sent nothing: not by its number, not by the email's
    // recovery choosing SMS.
    let (status, body) = app.sign_in_with(phone, PASSWORD, None).await;
    assert_eq!((status, body["code"].as_str()), (StatusCode::UNAUTHORIZED, Some("invalid_credentials")));
    app.flow_with_code(phone, "sms").await;
    app.flow_with_code("lucia@correo.test", "sms").await;
    assert!(messages_to(&app, phone).await.is_empty(), "an unproven phone got a message");

    // Asked for from Mi cuenta, the code goes to it; typed, the phone is the account's.
    let (status, pending) = account_action(&app, Some(&cookie), "phone/code", json!({})).await;
    assert_eq!(status, StatusCode::OK, "{pending}");
    assert_eq!((pending["code_sent"].as_bool(), pending["attempts_left"].as_u64()), (Some(true), Some(5)));
    let code = app.latest_code_for(phone).await;
    let (status, view) = account_action(&app, Some(&cookie), "phone/verify", json!({ "code": code })).await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert_eq!((view["phone"].as_str(), view.get("pending_phone")), (Some(phone), None), "{view}");
    // The email is told of the new phone; the code is single use.
    let notices = messages_to(&app, "lucia@correo.test").await;
    assert!(notices.iter().any(|m| m["subject"] == "Nuevo teléfono en tu cuenta de Recupera"), "{notices:?}");
    let (status, body) = account_action(&app, Some(&cookie), "phone/verify", json!({ "code": code })).await;
    assert_eq!((status, body["code"].as_str()), (StatusCode::NOT_FOUND, Some("nothing_to_confirm")));

    // Proven, it gets the recovery's SMS and signs in.
    app.flow_with_code(phone, "sms").await;
    assert_eq!(messages_to(&app, phone).await[0]["channel"], "sms");
    assert_eq!(app.sign_in_with(phone, PASSWORD, None).await.0, StatusCode::OK);
}

#[tokio::test]
async fn sending_a_code_says_nothing_of_another_account_and_only_the_code_finds_the_phone_taken() {
    let app = ana::app().await;
    app.create_account("bruno", "bruno@correo.test", None, DEMO_PASSWORD).await;
    let cookie = app.sign_in_cookie("bruno", DEMO_PASSWORD).await;
    // Ana's phone and a free one: the same answer.
    let (taken_status, taken) =
        account_action(&app, Some(&cookie), "phone", json!({ "address": ana::PHONE })).await;
    app.state.clock.advance(3600);
    let (free_status, free) =
        account_action(&app, Some(&cookie), "phone", json!({ "address": "+34622000002" })).await;
    assert_eq!((taken_status, free_status), (StatusCode::OK, StatusCode::OK), "{taken} {free}");
    let shape =
        |v: &serde_json::Value| (v["code_sent"].clone(), v["attempts_left"].clone(), v["kind"].clone());
    assert_eq!(shape(&taken), shape(&free));

    // Bruno holds Ana's phone (he got its code): only then is it said, and nothing changes.
    app.state.clock.advance(3600);
    account_action(&app, Some(&cookie), "phone", json!({ "address": ana::PHONE })).await;
    let code = app.latest_code_for(ana::PHONE).await;
    let (status, body) = account_action(&app, Some(&cookie), "phone/verify", json!({ "code": code })).await;
    assert_eq!(
        (status, body["code"].as_str(), body["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("phone_taken"), Some("phone"))
    );
    assert_eq!(app.session_view(&cookie).await["phone"], serde_json::Value::Null);
    assert_eq!(app.sign_in_with(ana::PHONE, DEMO_PASSWORD, None).await.0, StatusCode::OK);
}

#[tokio::test]
async fn twenty_sends_at_once_to_twenty_numbers_make_one_code() {
    let app = ana::app().await;
    let cookie = app.sign_in_cookie("ana", DEMO_PASSWORD).await;
    let requests = (0..20)
        .map(|i| {
            let body = json!({ "address": format!("+3463300{i:04}") });
            post_with_cookie("/api/v1/account/phone", Some(&cookie), &body)
        })
        .collect();
    let answers = app.all_at_once(requests).await;
    let sent = answers.iter().filter(|(status, _)| *status == StatusCode::OK).count();
    let too_soon = answers.iter().filter(|(_, body)| body["code"] == "resend_too_soon").count();
    assert_eq!((sent, too_soon), (1, 19), "{answers:?}");
    let sms = app.mailbox().await.into_iter().filter(|m| m["channel"] == "sms").count();
    assert_eq!(sms, 1);
}

#[tokio::test]
async fn the_cool_down_doubles_whatever_the_number() {
    let app = TestApp::with_config(|c| c.policy.resend_cooldown_s = 60).await;
    app.create_account("ana", ana::EMAIL, None, DEMO_PASSWORD).await;
    let cookie = app.sign_in_cookie("ana", DEMO_PASSWORD).await;
    let add =
        |number: &'static str| account_action(&app, Some(&cookie), "phone", json!({ "address": number }));
    assert_eq!(add("+34644000001").await.0, StatusCode::OK);
    app.state.clock.advance(59);
    let (status, body) = add("+34644000002").await;
    assert_eq!((status, body["retry_after_s"].as_u64()), (StatusCode::TOO_MANY_REQUESTS, Some(1)), "{body}");
    app.state.clock.advance(1);
    assert_eq!(add("+34644000002").await.0, StatusCode::OK);
    // The third send waits twice as long, for any number.
    app.state.clock.advance(119);
    assert_eq!(add("+34644000003").await.0, StatusCode::TOO_MANY_REQUESTS);
    let (status, _) = account_action(&app, Some(&cookie), "phone/code", json!({})).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    app.state.clock.advance(1);
    assert_eq!(add("+34644000003").await.0, StatusCode::OK);
    // Only the last number's code works: the others died with it.
    let old = app.latest_code_for("+34644000002").await;
    let (status, body) = account_action(&app, Some(&cookie), "phone/verify", json!({ "code": old })).await;
    assert_eq!((status, body["code"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("code_invalid")));
}

#[tokio::test]
async fn twenty_wrong_codes_at_once_count_five_and_the_right_code_is_refused_after() {
    let app = TestApp::with_config(|c| c.policy.attempts_per_identifier_day = 100).await;
    app.create_account("ana", ana::EMAIL, None, DEMO_PASSWORD).await;
    let cookie = app.sign_in_cookie("ana", DEMO_PASSWORD).await;
    account_action(&app, Some(&cookie), "phone", json!({ "address": "+34655000001" })).await;
    let right = app.latest_code_for("+34655000001").await;
    let wrong = if right == "00000000" { "11111111" } else { "00000000" };
    let requests = (0..20)
        .map(|_| post_with_cookie("/api/v1/account/phone/verify", Some(&cookie), &json!({ "code": wrong })))
        .collect();
    let answers = app.all_at_once(requests).await;
    let counted = answers.iter().filter(|(_, body)| body["code"] == "code_invalid").count();
    assert_eq!(counted, 5, "{answers:?}");
    let (status, body) = account_action(&app, Some(&cookie), "phone/verify", json!({ "code": right })).await;
    assert_eq!((status, body["code"].as_str()), (StatusCode::GONE, Some("address_attempts_exhausted")));
    assert_eq!(app.session_view(&cookie).await["phone"], serde_json::Value::Null);
}

#[tokio::test]
async fn only_a_signed_in_browser_changes_its_own_addresses() {
    let app = ana::app().await;
    let (status, body) = account_action(&app, None, "phone", json!({ "address": "+34666000001" })).await;
    assert_eq!((status, body["code"].as_str()), (StatusCode::UNAUTHORIZED, Some("not_signed_in")));
    let cookie = app.sign_in_cookie("ana", DEMO_PASSWORD).await;
    let (status, body) =
        account_action(&app, Some(&cookie), "fax", json!({ "address": "+34666000001" })).await;
    assert_eq!((status, body["code"].as_str()), (StatusCode::NOT_FOUND, Some("not_found")));
    let (status, body) = account_action(&app, Some(&cookie), "phone", json!({ "address": ana::PHONE })).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("address_unchanged"))
    );
    let (status, body) =
        account_action(&app, Some(&cookie), "email", json!({ "address": "no es un email" })).await;
    assert_eq!((status, body["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("email")), "{body}");
    let (status, body) = account_action(&app, Some(&cookie), "email/code", json!({})).await;
    assert_eq!((status, body["code"].as_str()), (StatusCode::NOT_FOUND, Some("nothing_to_confirm")));
}

#[tokio::test]
async fn a_new_email_counts_only_once_its_code_is_typed_and_the_old_one_is_told() {
    let app = ana::app().await;
    let cookie = app.sign_in_cookie("ana", DEMO_PASSWORD).await;
    let recovery = app.flow_with_code(ana::EMAIL, "email").await;
    let (status, pending) =
        account_action(&app, Some(&cookie), "email", json!({ "address": "Ana.Nueva@Correo.test" })).await;
    assert_eq!(
        (status, pending["address"].as_str()),
        (StatusCode::OK, Some("Ana.Nueva@Correo.test")),
        "{pending}"
    );
    // Not yet the account's: it signs nobody in, and the old email still does.
    assert_eq!(
        app.sign_in_with("ana.nueva@correo.test", DEMO_PASSWORD, None).await.0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(app.sign_in_with(ana::EMAIL, DEMO_PASSWORD, None).await.0, StatusCode::OK);

    let code = app.latest_code_for("Ana.Nueva@Correo.test").await;
    let (status, view) = account_action(&app, Some(&cookie), "email/verify", json!({ "code": code })).await;
    assert_eq!((status, view["email"].as_str()), (StatusCode::OK, Some("Ana.Nueva@Correo.test")), "{view}");
    assert_eq!(app.sign_in_with("ana.nueva@correo.test", DEMO_PASSWORD, None).await.0, StatusCode::OK);
    assert_eq!(app.sign_in_with(ana::EMAIL, DEMO_PASSWORD, None).await.0, StatusCode::UNAUTHORIZED);
    let told = messages_to(&app, ana::EMAIL).await;
    assert!(
        told.iter().any(|m| m["subject"] == "Se ha cambiado el email de tu cuenta de Recupera"),
        "{told:?}"
    );
    // The recovery whose code went to the old address is over.
    let (status, body) = app.read_flow(&recovery).await;
    assert_eq!((status, body["code"].as_str()), (StatusCode::GONE, Some("flow_superseded")), "{body}");
}
