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
    app.create_account("ana", "Ana@Correo.test", Some("+34 600 000 002"), DEMO_PASSWORD).await;
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
async fn outside_dev_mode_the_session_cookie_is_host_prefixed_and_secure_and_works() {
    let app = TestApp::production().await;
    app.create_account("ana", "ana@correo.test", None, DEMO_PASSWORD).await;
    let response =
        app.post("/api/v1/session", json!({ "identifier": "ana", "password": DEMO_PASSWORD })).await;
    let cookie = response.headers()[header::SET_COOKIE].to_str().unwrap().to_owned();
    // What a browser demands of a `__Host-` cookie: Secure, Path=/, no Domain.
    assert!(cookie.starts_with("__Host-recupera_session="), "{cookie}");
    assert!(
        cookie.contains("; Secure") && cookie.contains("; Path=/") && !cookie.contains("Domain"),
        "{cookie}"
    );
    let pair = cookie.split(';').next().unwrap();
    assert_eq!(session_of(&app, pair).await["username"], "ana");
    // The dev mode's name is not read outside it: a cookie planted without the prefix is nobody.
    let planted = pair.replacen("__Host-", "", 1);
    assert_eq!(session_of(&app, &planted).await, serde_json::Value::Null);
}

/// `GET /session` with `cookie`: the account's view, or null.
async fn session_of(app: &TestApp, cookie: &str) -> serde_json::Value {
    let request = Request::get("/api/v1/session").header(header::COOKIE, cookie).body(Body::empty()).unwrap();
    body_json(app.send(request).await).await
}

/// Signs in (from a browser holding `cookie`, if any); the new session's `name=value`.
async fn signed_in(app: &TestApp, cookie: Option<&str>) -> String {
    let mut request = Request::post("/api/v1/session").header(header::CONTENT_TYPE, "application/json");
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    let body = json!({ "identifier": "ana", "password": DEMO_PASSWORD }).to_string();
    let response = app.send(request.body(Body::from(body)).unwrap()).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.headers()[header::SET_COOKIE].to_str().unwrap().split(';').next().unwrap().to_owned()
}

#[tokio::test]
async fn a_session_unused_for_the_idle_timeout_ends_and_one_in_use_lasts_its_lifetime() {
    let app = TestApp::with_config(|c| {
        c.policy.session_idle_timeout_s = 30 * 60;
        c.policy.session_lifetime_s = 3 * 3600;
    })
    .await;
    app.create_account("ana", "ana@correo.test", None, DEMO_PASSWORD).await;
    let idle = signed_in(&app, None).await;
    let busy = signed_in(&app, None).await;
    // Used every 20 minutes, `busy` stays; `idle`, left alone, is gone after half an hour.
    for _ in 0..8 {
        app.state.clock.advance(20 * 60);
        assert_eq!(session_of(&app, &busy).await["username"], "ana");
    }
    assert_eq!(session_of(&app, &idle).await, serde_json::Value::Null);
    // However busy, a session ends with its lifetime (8 × 20 min = 2 h 40 min so far).
    app.state.clock.advance(20 * 60 + 1);
    assert_eq!(session_of(&app, &busy).await, serde_json::Value::Null);
}

#[tokio::test]
async fn signing_in_again_replaces_this_browsers_session_and_leaves_other_browsers_alone() {
    let app = TestApp::new().await;
    app.create_account("ana", "ana@correo.test", None, DEMO_PASSWORD).await;
    let first = signed_in(&app, None).await;
    let other_browser = signed_in(&app, None).await;
    let second = signed_in(&app, Some(&first)).await;
    assert_ne!(first, second);
    assert_eq!(session_of(&app, &first).await, serde_json::Value::Null, "the replaced session ended");
    assert_eq!(session_of(&app, &second).await["username"], "ana");
    assert_eq!(session_of(&app, &other_browser).await["username"], "ana");
}

#[tokio::test]
async fn wrong_credentials_never_say_which_part_was_wrong() {
    let app = TestApp::new().await;
    app.create_account("ana", "ana@correo.test", None, DEMO_PASSWORD).await;
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
    app.create_account("ana", "ana@correo.test", None, DEMO_PASSWORD).await;
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

/// What each try of a run of wrong passwords answers: its status and code (and wait).
async fn answers_to_guesses(
    app: &TestApp,
    identifier: &str,
    tries: usize,
) -> Vec<(StatusCode, serde_json::Value)> {
    let mut answers = Vec::new();
    for i in 0..tries {
        // A solved check whenever one is asked for, as a patient person (or a paid solver) would.
        let mut answer = app.sign_in_with(identifier, &format!("wrong guess {i}"), None).await;
        if answer.1["code"] == "bot_check_required" {
            let bot_check = app.solved_bot_check_for("sign_in").await;
            answers.push(answer.clone());
            answer = app.sign_in_with(identifier, &format!("wrong guess {i}"), Some(&bot_check)).await;
        }
        answers.push(answer);
        app.state.clock.advance(1);
    }
    answers
}

#[tokio::test]
async fn wrong_passwords_count_per_account_across_its_identifiers_and_alike_for_unknown_ones() {
    let app = TestApp::new().await;
    // Waits are whole seconds: the wall clock must not tick between a try and the next.
    app.state.clock.freeze();
    app.create_account("ana", "ana@correo.test", Some("+34 600 000 002"), DEMO_PASSWORD).await;
    let mut runs = Vec::new();
    for identifiers in [["ana", "ana@correo.test", "+34600000002"], ["nadie", "nadie", "nadie"]] {
        let mut answers = Vec::new();
        for identifier in identifiers {
            answers.extend(answers_to_guesses(&app, identifier, 3).await);
        }
        runs.push(answers);
    }
    let codes = |run: &Vec<(StatusCode, serde_json::Value)>| -> Vec<String> {
        run.iter()
            .map(|(status, body)| format!("{status} {}", body["code"].as_str().unwrap_or_default()))
            .collect()
    };
    // Three wrong passwords, then each next one needs the check, whichever identifier was typed …
    assert_eq!(
        codes(&runs[0])[..5],
        [
            "401 Unauthorized invalid_credentials",
            "401 Unauthorized invalid_credentials",
            "401 Unauthorized invalid_credentials",
            "429 Too Many Requests bot_check_required",
            "401 Unauthorized invalid_credentials"
        ]
    );
    // … and from the fifth on, each waits: the sixth came a second after the fifth, as asked.
    assert!(runs[0].iter().any(|(_, body)| body["code"] == "too_many_requests"), "{:?}", codes(&runs[0]));
    // An identifier without an account answers exactly the same, in the same order.
    assert_eq!(codes(&runs[0]), codes(&runs[1]));
}

#[tokio::test]
async fn each_try_after_the_fifth_wrong_password_waits_twice_as_long_up_to_fifteen_minutes() {
    let app = TestApp::new().await;
    // Waits are whole seconds: the wall clock must not tick between a try and the next.
    app.state.clock.freeze();
    app.create_account("ana", "ana@correo.test", None, DEMO_PASSWORD).await;
    // Three wrong passwords: from now on every try needs the check (which a probe without it meets).
    for i in 0..3 {
        assert_eq!(
            app.sign_in_with("ana", &format!("first guesses {i}"), None).await.0,
            StatusCode::UNAUTHORIZED
        );
    }
    let mut waits = Vec::new();
    for i in 0..13 {
        let bot_check = app.solved_bot_check_for("sign_in").await;
        let (status, body) = app.sign_in_with("ana", &format!("wrong guess {i}"), Some(&bot_check)).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{i}: {body}");
        // The next try at once must wait; after the wait, it is judged.
        let (status, body) = app.sign_in_with("ana", "wrong guess again", None).await;
        if body["code"] == "too_many_requests" {
            assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
            let wait = body["retry_after_s"].as_i64().unwrap();
            waits.push(wait);
            app.state.clock.advance(wait);
        } else {
            assert_eq!(body["code"], "bot_check_required", "{i}: {body}");
        }
    }
    assert_eq!(waits, [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900], "{waits:?}");
    // The right password, after the wait and with the check, signs in and ends the run.
    app.state.clock.advance(900);
    let bot_check = app.solved_bot_check_for("sign_in").await;
    assert_eq!(app.sign_in_with("ana", DEMO_PASSWORD, Some(&bot_check)).await.0, StatusCode::OK);
    assert_eq!(app.sign_in_with("ana", "wrong guess", None).await.0, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn at_the_limit_sign_in_pauses_even_for_the_right_password_until_the_account_is_recovered() {
    let app = crate::support::ana::app_with(|c| {
        c.policy.sign_in_failures_limit = 6;
        c.policy.sign_in_failures_before_delay = 1_000;
    })
    .await;
    for i in 0..6 {
        let bot_check = app.solved_bot_check_for("sign_in").await;
        app.sign_in_with("ana", &format!("wrong guess {i}"), Some(&bot_check)).await;
    }
    let bot_check = app.solved_bot_check_for("sign_in").await;
    let (status, body) = app.sign_in_with("ana", crate::support::DEMO_PASSWORD, Some(&bot_check)).await;
    assert_eq!((status, body), (StatusCode::FORBIDDEN, json!({ "code": "sign_in_paused" })));
    // An unknown identifier pauses alike.
    for i in 0..6 {
        let bot_check = app.solved_bot_check_for("sign_in").await;
        app.sign_in_with("nadie", &format!("wrong guess {i}"), Some(&bot_check)).await;
    }
    let bot_check = app.solved_bot_check_for("sign_in").await;
    assert_eq!(app.sign_in_with("nadie", "x", Some(&bot_check)).await.1, json!({ "code": "sign_in_paused" }));

    // Recovering the account (a new password) ends the pause.
    let new_password = crate::support::ana::recover(&app, "Una contraseña nueva y larga 2026").await;
    assert_eq!(app.sign_in_with("ana", &new_password, None).await.0, StatusCode::OK);
}

#[tokio::test]
async fn the_owner_is_told_once_a_day_by_mail_in_their_language_when_their_account_is_under_attack() {
    let app = TestApp::new().await;
    app.create_account("ana", "ana@correo.test", None, DEMO_PASSWORD).await;
    async fn warnings(app: &TestApp) -> usize {
        let subject = "Alguien intenta iniciar sesión en tu cuenta de Recupera";
        app.mailbox().await.into_iter().filter(|m| m["subject"] == subject).count()
    }
    for i in 0..20 {
        app.state.clock.advance(900);
        let bot_check = app.solved_bot_check_for("sign_in").await;
        app.sign_in_with("ana", &format!("wrong guess {i}"), Some(&bot_check)).await;
    }
    assert_eq!(warnings(&app).await, 1, "one mail for a run of twenty");
    app.state.clock.advance(24 * 3600);
    let bot_check = app.solved_bot_check_for("sign_in").await;
    app.sign_in_with("ana", "wrong again", Some(&bot_check)).await;
    assert_eq!(warnings(&app).await, 2, "the next day, another");
}

#[tokio::test]
async fn a_network_many_wrong_passwords_came_from_needs_the_check_but_a_right_password_from_it_signs_in() {
    let app = TestApp::with_config(|c| c.policy.sign_in_failures_per_ip = 5).await;
    app.create_account("ana", "ana@correo.test", None, DEMO_PASSWORD).await;
    // Others guess other accounts from this network (the test client's address).
    for i in 0..5 {
        assert_eq!(
            app.sign_in_with(&format!("nadie{i}"), "wrong guess", None).await.0,
            StatusCode::UNAUTHORIZED
        );
    }
    let (status, body) = app.sign_in_with("ana", DEMO_PASSWORD, None).await;
    assert_eq!(
        (status, body),
        (StatusCode::TOO_MANY_REQUESTS, json!({ "code": "bot_check_required", "field": "bot_check" }))
    );
    let bot_check = app.solved_bot_check_for("sign_in").await;
    assert_eq!(app.sign_in_with("ana", DEMO_PASSWORD, Some(&bot_check)).await.0, StatusCode::OK);
    // A solution serves one try, and one made for a recovery opens no sign-in.
    let (status, body) = app.sign_in_with("ana", DEMO_PASSWORD, Some(&bot_check)).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("bot_check_invalid"))
    );
    let for_recovery = app.solved_bot_check().await;
    let (status, body) = app.sign_in_with("ana", DEMO_PASSWORD, Some(&for_recovery)).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("bot_check_invalid"))
    );
}

#[tokio::test]
async fn the_same_password_typed_on_another_keyboard_signs_in() {
    let app = TestApp::new().await;
    // Set with a composed ñ and é (most keyboards); typed with combining marks (some phones paste
    // them so) and with full-width letters (an East Asian input method).
    app.create_account("ana", "ana@correo.test", None, "Contraseña olvidada en Cádiz").await;
    for typed in ["Contrasen\u{303}a olvidada en Ca\u{301}diz", "Ｃｏｎｔｒａｓｅñａ olvidada en Cádiz"]
    {
        assert_eq!(sign_in_status(&app, "ana", typed).await, StatusCode::OK, "{typed:?}");
    }
    assert_eq!(sign_in_status(&app, "ana", "Contrasena olvidada en Cadiz").await, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_hash_with_older_parameters_is_made_again_at_the_next_sign_in_and_still_signs_in() {
    let app = TestApp::new().await;
    app.create_account("ana", "ana@correo.test", None, DEMO_PASSWORD).await;
    // As a server with weaker argon2 parameters stored it.
    let older = {
        use argon2::{password_hash::SaltString, Algorithm, Argon2, Params, PasswordHasher, Version};
        let salt = SaltString::generate(&mut rand::rngs::OsRng);
        let argon2 = Argon2::new(Algorithm::Argon2id, Version::V0x13, Params::new(4096, 3, 1, None).unwrap());
        argon2.hash_password(DEMO_PASSWORD.as_bytes(), &salt).unwrap().to_string()
    };
    let mut db = app.database().await;
    sqlx::query("UPDATE accounts SET password_hash = $1 WHERE username = 'ana'")
        .bind(&older)
        .execute(&mut db)
        .await
        .unwrap();

    // A wrong password changes nothing.
    assert_eq!(sign_in_status(&app, "ana", "not the password at all").await, StatusCode::UNAUTHORIZED);
    assert_eq!(stored_hash(&app, "ana").await, older);
    assert_eq!(sign_in_status(&app, "ana", DEMO_PASSWORD).await, StatusCode::OK);
    let upgraded = stored_hash(&app, "ana").await;
    assert!(upgraded.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{upgraded}");
    assert_eq!(sign_in_status(&app, "ana", DEMO_PASSWORD).await, StatusCode::OK);
    assert_eq!(stored_hash(&app, "ana").await, upgraded, "made again once, not at every sign-in");
}

#[tokio::test]
async fn a_new_password_may_not_contain_the_accounts_phone_number() {
    let app = TestApp::new().await;
    let body = json!({
        "username": "ana", "email": "ana@correo.test", "phone": "+34 600 000 002",
        "password": "mi numero 600000002 secreto", "language": "es", "bot_check": ""
    });
    let response = app.post("/api/v1/sign-up", body).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = body_json(response).await;
    assert_eq!(
        (body["code"].as_str(), body["field"].as_str()),
        (Some("password_contains_identity"), Some("password"))
    );

    // The strength check the sign-up form asks says so too, with the phone as typed.
    let check = json!({ "password": "mi numero 600000002 secreto", "phone": "+34 600 000 002" });
    let body = body_json(app.post("/api/v1/password/check", check).await).await;
    let rule = body["rules"].as_array().unwrap().iter().find(|r| r["rule"] == "no_identity").unwrap().clone();
    assert_eq!(rule["met"], false, "{body}");
}

/// The password as stored now (its PHC string).
async fn stored_hash(app: &TestApp, username: &str) -> String {
    let mut db = app.database().await;
    sqlx::query_scalar("SELECT password_hash FROM accounts WHERE username = $1")
        .bind(username)
        .fetch_one(&mut db)
        .await
        .unwrap()
}

async fn sign_in_status(app: &TestApp, identifier: &str, password: &str) -> StatusCode {
    app.sign_in_with(identifier, password, None).await.0
}
