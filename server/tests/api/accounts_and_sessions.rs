//! Creating accounts, signing in and out, and what bad input gets back.

use crate::support::{body_json, TestApp, DEMO_PASSWORD};
use axum::{
    body::Body,
    http::{header, Request, StatusCode},
};
use serde_json::json;

#[tokio::test]
async fn sign_in_works_with_user_name_email_or_phone_and_sets_a_strict_cookie() {
    let app = TestApp::new().await;
    app.sign_up("ana", "Ana@Correo.test", Some("+34 600 000 002"), DEMO_PASSWORD).await;
    for identifier in ["ana", "ANA", "ana@correo.test", "+34600000002", "0034 600 000 002"] {
        let response =
            app.post("/api/v1/session", json!({ "identifier": identifier, "password": DEMO_PASSWORD })).await;
        assert_eq!(response.status(), StatusCode::OK, "{identifier}");
        let cookie = response.headers()[header::SET_COOKIE].to_str().unwrap().to_owned();
        assert!(cookie.starts_with("recupera_session="), "{cookie}");
        for attribute in ["HttpOnly", "SameSite=Strict", "Path=/"] {
            assert!(cookie.contains(attribute), "{cookie}");
        }
        let body = body_json(response).await;
        assert_eq!(
            body,
            json!({ "username": "ana", "email": "Ana@Correo.test", "phone": "+34600000002", "language": "es" })
        );
    }
}

#[tokio::test]
async fn cookies_are_secure_outside_dev_mode() {
    let app = TestApp::production().await;
    app.sign_up("ana", "ana@correo.test", None, DEMO_PASSWORD).await;
    let response =
        app.post("/api/v1/session", json!({ "identifier": "ana", "password": DEMO_PASSWORD })).await;
    assert!(response.headers()[header::SET_COOKIE].to_str().unwrap().contains("; Secure"));
}

#[tokio::test]
async fn wrong_credentials_never_say_which_part_was_wrong() {
    let app = TestApp::new().await;
    app.sign_up("ana", "ana@correo.test", None, DEMO_PASSWORD).await;
    for (identifier, password) in
        [("ana", "wrong password here"), ("nadie", DEMO_PASSWORD), ("@@", DEMO_PASSWORD)]
    {
        let response =
            app.post("/api/v1/session", json!({ "identifier": identifier, "password": password })).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(body_json(response).await, json!({ "code": "invalid_credentials" }));
    }
}

#[tokio::test]
async fn sign_out_ends_the_session() {
    let app = TestApp::new().await;
    app.sign_up("ana", "ana@correo.test", None, DEMO_PASSWORD).await;
    let response =
        app.post("/api/v1/session", json!({ "identifier": "ana", "password": DEMO_PASSWORD })).await;
    let cookie =
        response.headers()[header::SET_COOKIE].to_str().unwrap().split(';').next().unwrap().to_owned();
    let with_cookie = |request: axum::http::request::Builder| request.header(header::COOKIE, cookie.clone());
    let me = with_cookie(Request::get("/api/v1/session")).body(Body::empty()).unwrap();
    assert_eq!(app.send(me).await.status(), StatusCode::OK);
    let end = with_cookie(Request::post("/api/v1/session/end"))
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from("{}"))
        .unwrap();
    let response = app.send(end).await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert!(response.headers()[header::SET_COOKIE].to_str().unwrap().contains("Max-Age=0"));
    let me = with_cookie(Request::get("/api/v1/session")).body(Body::empty()).unwrap();
    let response = app.send(me).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(body_json(response).await, json!(null), "nobody is signed in");
}

#[tokio::test]
async fn sign_up_with_a_taken_email_answers_the_same_and_tells_the_owner() {
    let app = TestApp::new().await;
    app.sign_up("ana", "ana@correo.test", Some("+34600000002"), DEMO_PASSWORD).await;
    // Same answer as a new account (sign_up asserts 202 and `{}`) …
    app.sign_up("otra", "ANA@correo.test", None, DEMO_PASSWORD).await;
    app.sign_up("otra2", "otra2@correo.test", Some("+34600000002"), DEMO_PASSWORD).await;
    // … no account was created with those addresses …
    let response =
        app.post("/api/v1/session", json!({ "identifier": "otra", "password": DEMO_PASSWORD })).await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    // … and the owner is told, twice, in their language.
    let messages = app.mailbox().await;
    assert_eq!(messages.len(), 2, "{messages:?}");
    for message in messages {
        assert_eq!(message["to"], "ana@correo.test");
        assert_eq!(message["subject"], "Alguien ha intentado registrarse en Recupera con tu dirección");
    }
}

#[tokio::test]
async fn sign_up_says_when_a_user_name_is_taken_or_a_field_is_invalid() {
    let app = TestApp::new().await;
    app.sign_up("ana", "ana@correo.test", None, DEMO_PASSWORD).await;
    let cases = [
        (
            json!({ "username": "Ana", "email": "b@c.es", "password": DEMO_PASSWORD, "language": "es" }),
            json!({ "code": "username_taken", "field": "username" }),
        ),
        (
            json!({ "username": "a", "email": "b@c.es", "password": DEMO_PASSWORD, "language": "es" }),
            json!({ "code": "username_invalid", "field": "username" }),
        ),
        (
            json!({ "username": "bea", "email": "b@c", "password": DEMO_PASSWORD, "language": "es" }),
            json!({ "code": "email_invalid", "field": "email" }),
        ),
        (
            json!({ "username": "bea", "email": "b@c.es", "phone": "600", "password": DEMO_PASSWORD, "language": "es" }),
            json!({ "code": "phone_invalid", "field": "phone" }),
        ),
        (
            json!({ "username": "bea", "email": "b@c.es", "password": "short", "language": "es" }),
            json!({ "code": "password_too_short", "field": "password", "min_length": 15 }),
        ),
        (
            json!({ "username": "bea", "email": "b@c.es", "password": "bea-bea-bea-bea-bea-2026", "language": "es" }),
            json!({ "code": "password_contains_identity", "field": "password" }),
        ),
    ];
    for (request, expected) in cases {
        let response = app.post("/api/v1/accounts", request.clone()).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{request}");
        assert_eq!(body_json(response).await, expected, "{request}");
    }
}

#[tokio::test]
async fn the_password_check_reports_each_rule_and_a_score() {
    let app = TestApp::new().await;
    let response = app.post("/api/v1/password/check", json!({ "password": "passwordpassword" })).await;
    let body = body_json(response).await;
    assert_eq!(body["acceptable"], false);
    assert_eq!(body["rules"][0], json!({ "rule": "min_length", "met": true }));
    assert_eq!(body["rules"][3], json!({ "rule": "not_common", "met": false }));
    let response = app
        .post("/api/v1/password/check", json!({ "password": DEMO_PASSWORD, "username": "olvidada" }))
        .await;
    let body = body_json(response).await;
    assert_eq!(body["rules"][2], json!({ "rule": "no_identity", "met": false }));
    let response =
        app.post("/api/v1/password/check", json!({ "password": "Él vio siete cebras ñoñas en Cádiz" })).await;
    let body = body_json(response).await;
    assert_eq!(body["acceptable"], true);
    assert!(body["score"].as_u64().unwrap() >= 3, "{body}");
}

#[tokio::test]
async fn bad_input_gets_a_4xx_and_a_code_never_a_500() {
    let app = TestApp::new().await;
    let raw = |body: &'static str, content_type: Option<&'static str>| {
        let mut request = Request::post("/api/v1/session");
        if let Some(content_type) = content_type {
            request = request.header(header::CONTENT_TYPE, content_type);
        }
        app.send(request.body(Body::from(body)).unwrap())
    };
    let cases = [
        (raw("{not json", Some("application/json")).await, StatusCode::BAD_REQUEST, "malformed_request"),
        (
            raw(r#"{"identifier": 5, "password": []}"#, Some("application/json")).await,
            StatusCode::BAD_REQUEST,
            "malformed_request",
        ),
        (
            raw(r#"{"identifier": "ana"}"#, Some("application/json")).await,
            StatusCode::BAD_REQUEST,
            "malformed_request",
        ),
        (
            raw(r#"{"identifier": "ana", "password": "x"}"#, None).await,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
        ),
        (
            raw(r#"identifier=ana&password=x"#, Some("application/x-www-form-urlencoded")).await,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
        ),
    ];
    for (response, status, code) in cases {
        assert_eq!(response.status(), status, "{code}");
        assert_eq!(body_json(response).await, json!({ "code": code }));
    }
    let huge = format!(r#"{{"identifier": "{}", "password": "x"}}"#, "a".repeat(100_000));
    let request = Request::post("/api/v1/session")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(huge))
        .unwrap();
    let response = app.send(request).await;
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(body_json(response).await, json!({ "code": "payload_too_large" }));
}

#[tokio::test]
async fn the_dev_mailbox_does_not_exist_outside_dev_mode() {
    let app = TestApp::production().await;
    let response = app.get("/api/v1/dev/mailbox").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn in_dev_mode_the_clock_moves_forward_on_request_and_never_back() {
    let app = TestApp::new().await;
    let before = app.state.clock.now();
    let response = app.post("/api/v1/dev/clock", json!({ "seconds": 960 })).await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    let moved = app.state.clock.now() - before;
    assert!((960..=962).contains(&moved), "{moved}");
    for refused in [json!({ "seconds": 0 }), json!({ "seconds": 31 * 24 * 3600 + 1 })] {
        let response = app.post("/api/v1/dev/clock", refused.clone()).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{refused}");
        let body = crate::support::body_json(response).await;
        assert_eq!(body, json!({ "code": "malformed_request", "field": "seconds" }), "{refused}");
    }
    // Back in time is not even a number the endpoint reads.
    let response = app.post("/api/v1/dev/clock", json!({ "seconds": -60 })).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(app.state.clock.now() - before < 970, "refused requests do not move the clock");
}

#[tokio::test]
async fn the_dev_clock_does_not_exist_outside_dev_mode() {
    let app = TestApp::production().await;
    let before = app.state.clock.now();
    let response = app.post("/api/v1/dev/clock", json!({ "seconds": 960 })).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert!(app.state.clock.now() - before < 5);
}

#[tokio::test]
async fn production_refuses_to_start_without_its_keys() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("index.html"), crate::support::INDEX_HTML).unwrap();
    let url = format!("sqlite://{}", dir.path().join("db.sqlite").display());
    let mut config = recupera_server::Config::for_tests(url, dir.path().to_path_buf());
    config.dev = false;
    let error = recupera_server::AppState::new(config).await.err().expect("must refuse");
    assert!(format!("{error:#}").contains("RECUPERA_CODE_KEY"), "{error:#}");
}

#[tokio::test]
async fn password_guessing_is_throttled_per_identifier_alike_for_known_and_unknown_ones() {
    let app = TestApp::with_config(|c| c.policy.sign_in_failures_per_identifier = 3).await;
    app.sign_up("ana", "ana@correo.test", None, DEMO_PASSWORD).await;
    for identifier in ["ana", "nadie"] {
        for _ in 0..3 {
            let response = app
                .post("/api/v1/session", json!({ "identifier": identifier, "password": "wrong guess 123" }))
                .await;
            assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        }
        // The fourth try waits, even with the right password: a guesser learns nothing.
        let response =
            app.post("/api/v1/session", json!({ "identifier": identifier, "password": DEMO_PASSWORD })).await;
        assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS, "{identifier}");
        assert_eq!(body_json(response).await, json!({ "code": "too_many_requests", "retry_after_s": 900 }));
    }
    // After the window, the right password works again.
    app.state.clock.advance(15 * 60);
    let response =
        app.post("/api/v1/session", json!({ "identifier": "ANA", "password": DEMO_PASSWORD })).await;
    assert_eq!(response.status(), StatusCode::OK);
}
