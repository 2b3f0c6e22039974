//! One test per rule of the recovery flow, through the real router and a real SQLite file.

use crate::support::{TestApp, DEMO_PASSWORD};
use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::support::ana::{app as app_with_account, EMAIL, NEW_PASSWORD, PHONE};

/// The body without what differs between any two flows: the id, and the seconds left, which differ
/// by one when the two were started on either side of a second (checked to be that close).
fn without_flow_id(mut body: Value) -> Value {
    let object = body.as_object_mut().unwrap();
    object.remove("flow_id");
    if let Some(left) = object.remove("expires_in_s") {
        let left = left.as_i64().unwrap();
        object.insert("expires_in_s_about".into(), Value::from((left + 1) / 60));
    }
    body
}

#[tokio::test]
async fn known_and_unknown_identifiers_answer_identical_bodies_and_statuses() {
    let app = app_with_account().await;
    for (known, unknown) in [(EMAIL, "nadie@correo.test"), ("ana", "nadie"), (PHONE, "+34699999999")] {
        // Each channel on flows of its own, both live: the answers compared are the step's real ones.
        for channel in ["email", "sms"] {
            let (known_status, known_flow) = app.start_recovery(known).await;
            let (unknown_status, unknown_flow) = app.start_recovery(unknown).await;
            assert_eq!(known_status, StatusCode::CREATED, "{known_flow}");
            assert_eq!(known_status, unknown_status);
            assert_eq!(without_flow_id(known_flow.clone()), without_flow_id(unknown_flow.clone()));
            assert_eq!(known_flow["methods"], json!(["email", "sms"]), "the same two methods, as opaque ids");

            let known_id = known_flow["flow_id"].as_str().unwrap();
            let unknown_id = unknown_flow["flow_id"].as_str().unwrap();
            let (s1, b1) = app.flow_action(known_id, "code", json!({ "channel": channel })).await;
            let (s2, b2) = app.flow_action(unknown_id, "code", json!({ "channel": channel })).await;
            assert_eq!(s1, StatusCode::OK, "{known} {channel}: {b1}");
            assert_eq!(b1["step"], "enter_code", "{known} {channel}: {b1}");
            assert_eq!(s1, s2, "{known} {channel}");
            assert_eq!(without_flow_id(b1), without_flow_id(b2), "{known} {channel}");

            let (s1, b1) = app.flow_action(known_id, "verify", json!({ "code": "00000000" })).await;
            let (s2, b2) = app.flow_action(unknown_id, "verify", json!({ "code": "00000000" })).await;
            assert_eq!((s1, &b1["code"]), (StatusCode::UNPROCESSABLE_ENTITY, &json!("code_invalid")), "{b1}");
            assert_eq!(s1, s2, "{known} {channel}");
            assert_eq!(b1, b2, "{known} {channel}");
        }
    }
}

#[tokio::test]
async fn flow_ids_are_unguessable_and_never_reveal_the_identifier() {
    let app = app_with_account().await;
    let (_, flow) = app.start_recovery(EMAIL).await;
    let id = flow["flow_id"].as_str().unwrap();
    assert_eq!(id.len(), 8 + 22, "the second it started in hex, then 128 random bits in URL-safe base64");
    let second = i64::from_str_radix(&id[..8], 16).unwrap();
    assert!((second - app.state.clock.now()).abs() <= 1, "{id}");
    assert!(!flow.to_string().contains("ana"), "{flow}");
}

#[tokio::test]
async fn the_code_arrives_by_email_and_sms_and_accepts_spaces_and_dashes() {
    let app = app_with_account().await;
    let flow_id = app.flow_with_code("ana", "sms").await;
    let code = app.latest_code_for(PHONE).await;
    let pasted = format!("{}-{}", &code[..4], &code[4..]);
    let (status, body) = app.flow_action(&flow_id, "verify", json!({ "code": pasted })).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["step"], "new_password");

    let flow_id = app.flow_with_code(EMAIL, "email").await;
    let code = app.latest_code_for(EMAIL).await;
    let pasted = format!(" {} {} ", &code[..4], &code[4..]);
    let (status, body) = app.flow_action(&flow_id, "verify", json!({ "code": pasted })).await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

#[tokio::test]
async fn a_code_cannot_be_used_twice() {
    let app = app_with_account().await;
    let flow_id = app.flow_with_code(EMAIL, "email").await;
    let code = app.latest_code_for(EMAIL).await;
    let (status, _) = app.flow_action(&flow_id, "verify", json!({ "code": code })).await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = app.flow_action(&flow_id, "verify", json!({ "code": code })).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["code"], "flow_wrong_step");
}

#[tokio::test]
async fn a_resent_code_kills_the_old_one() {
    let app = app_with_account().await;
    let flow_id = app.flow_with_code(EMAIL, "email").await;
    let old_code = app.latest_code_for(EMAIL).await;
    app.state.clock.advance(60);
    let (status, _) = app.flow_action(&flow_id, "code", json!({ "channel": "email" })).await;
    assert_eq!(status, StatusCode::OK);
    let new_code = app.latest_code_for(EMAIL).await;
    assert_ne!(old_code, new_code);

    let (status, body) = app.flow_action(&flow_id, "verify", json!({ "code": old_code })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["code"], "code_invalid");
    let (status, _) = app.flow_action(&flow_id, "verify", json!({ "code": new_code })).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn resend_waits_for_a_cooldown_that_doubles_and_says_how_long() {
    let app = app_with_account().await;
    let flow_id = app.flow_with_code(EMAIL, "email").await;
    let (status, body) = app.flow_action(&flow_id, "code", json!({ "channel": "email" })).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(body, json!({ "code": "resend_too_soon", "retry_after_s": 60 }));

    app.state.clock.advance(60);
    let (status, body) = app.flow_action(&flow_id, "code", json!({ "channel": "sms" })).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["resend_after_s"], 120);
    assert_eq!(body["channel"], "sms");

    app.state.clock.advance(119);
    let (_, body) = app.flow_action(&flow_id, "code", json!({ "channel": "email" })).await;
    assert_eq!(body, json!({ "code": "resend_too_soon", "retry_after_s": 1 }));
    app.state.clock.advance(1);
    let (_, body) = app.flow_action(&flow_id, "code", json!({ "channel": "email" })).await;
    assert_eq!(body["resend_after_s"], 240);
}

#[tokio::test]
async fn wrong_codes_say_how_many_attempts_are_left() {
    let app = app_with_account().await;
    let flow_id = app.flow_with_code(EMAIL, "email").await;
    let code = app.latest_code_for(EMAIL).await;
    let wrong = if code == "00000000" { "11111111" } else { "00000000" };
    for left in [4, 3] {
        let (_, body) = app.flow_action(&flow_id, "verify", json!({ "code": wrong })).await;
        assert_eq!(body, json!({ "code": "code_invalid", "field": "code", "attempts_left": left }));
    }
    let (status, flow) = app.read_flow(&flow_id).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(flow["attempts_left"], 3, "a reload shows the same budget");
}

#[tokio::test]
async fn the_fifth_wrong_code_ends_the_flow_even_the_right_code_and_a_resend_are_refused_then() {
    let app = app_with_account().await;
    let flow_id = app.flow_with_code(EMAIL, "email").await;
    let code = app.latest_code_for(EMAIL).await;
    let wrong = if code == "00000000" { "11111111" } else { "00000000" };
    // A resend between the guesses does not reset the budget.
    for left in [4, 3, 2, 1, 0] {
        let (_, body) = app.flow_action(&flow_id, "verify", json!({ "code": wrong })).await;
        assert_eq!(body, json!({ "code": "code_invalid", "field": "code", "attempts_left": left }));
        if left == 2 {
            app.state.clock.advance(60);
            let (status, _) = app.flow_action(&flow_id, "code", json!({ "channel": "email" })).await;
            assert_eq!(status, StatusCode::OK);
        }
    }
    let code = app.latest_code_for(EMAIL).await;
    let (status, body) = app.flow_action(&flow_id, "verify", json!({ "code": code })).await;
    assert_eq!((status, &body["code"]), (StatusCode::GONE, &json!("flow_attempts_exhausted")));
    app.state.clock.advance(600);
    let (status, body) = app.flow_action(&flow_id, "code", json!({ "channel": "email" })).await;
    assert_eq!(
        (status, &body["code"]),
        (StatusCode::GONE, &json!("flow_attempts_exhausted")),
        "no code for a dead flow"
    );
    let (_, body) = app.read_flow(&flow_id).await;
    assert_eq!(body["code"], "flow_attempts_exhausted", "the flow stays ended, and says why");
}

#[tokio::test]
async fn the_21st_failure_of_the_day_on_an_account_is_refused_across_flows() {
    let app = app_with_account().await;
    for _ in 0..4 {
        let flow_id = app.flow_with_code(EMAIL, "email").await;
        for _ in 0..5 {
            app.flow_action(&flow_id, "verify", json!({ "code": "00000000" })).await;
        }
        app.state.clock.advance(60);
    }
    let flow_id = app.flow_with_code(EMAIL, "email").await;
    let code = app.latest_code_for(EMAIL).await;
    let (status, body) = app.flow_action(&flow_id, "verify", json!({ "code": code })).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(body["code"], "account_attempts_exhausted");

    // A day later the account may try again.
    app.state.clock.advance(24 * 3600);
    let flow_id = app.flow_with_code(EMAIL, "email").await;
    let code = app.latest_code_for(EMAIL).await;
    let (status, _) = app.flow_action(&flow_id, "verify", json!({ "code": code })).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn the_per_ip_budget_stops_guessing_across_accounts() {
    let app = TestApp::with_config(|c| c.policy.attempts_per_ip_hour = 3).await;
    app.create_account("ana", EMAIL, None, DEMO_PASSWORD).await;
    let flow_id = app.flow_with_code(EMAIL, "email").await;
    for _ in 0..3 {
        app.flow_action(&flow_id, "verify", json!({ "code": "00000000" })).await;
    }
    let (status, body) = app.flow_action(&flow_id, "verify", json!({ "code": "00000000" })).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(body["code"], "ip_attempts_exhausted");
    assert_eq!(body["retry_after_s"], 3600);
}

#[tokio::test]
async fn a_code_expires_after_10_minutes() {
    let app = app_with_account().await;
    // A second before is the edge: the wall clock must not tick between the send and the try.
    app.state.clock.freeze();
    let flow_id = app.flow_with_code(EMAIL, "email").await;
    let code = app.latest_code_for(EMAIL).await;
    app.state.clock.advance(10 * 60 - 1);
    let (status, body) = app.flow_action(&flow_id, "verify", json!({ "code": "00000000" })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "still alive a second before: {body}");
    app.state.clock.advance(1);
    let (status, body) = app.flow_action(&flow_id, "verify", json!({ "code": code })).await;
    assert_eq!(status, StatusCode::GONE);
    assert_eq!(body["code"], "code_expired");
}

#[tokio::test]
async fn a_flow_expires_and_unknown_flows_are_not_found() {
    let app = app_with_account().await;
    let (_, flow) = app.start_recovery(EMAIL).await;
    let flow_id = flow["flow_id"].as_str().unwrap();
    app.state.clock.advance(3600);
    let (status, body) = app.flow_action(flow_id, "code", json!({ "channel": "email" })).await;
    assert_eq!(status, StatusCode::GONE);
    assert_eq!(body["code"], "flow_expired");
    let (status, body) = app.flow_action("no-such-flow", "code", json!({ "channel": "email" })).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(body["code"], "flow_not_found");
}

#[tokio::test]
async fn malformed_codes_are_refused_without_spending_an_attempt() {
    let app = app_with_account().await;
    let flow_id = app.flow_with_code(EMAIL, "email").await;
    let (status, body) = app.flow_action(&flow_id, "verify", json!({ "code": "12ab5678" })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body, json!({ "code": "code_malformed", "field": "code" }));
    let (_, flow) = app.read_flow(&flow_id).await;
    assert_eq!(flow["attempts_left"], 5);
}

#[tokio::test]
async fn no_sms_is_ever_queued_for_an_unknown_account() {
    let app = app_with_account().await;
    for identifier in ["nadie@correo.test", "nadie", "+34699999999"] {
        app.flow_with_code(identifier, "sms").await;
    }
    let messages = app.mailbox().await;
    assert!(messages.iter().all(|m| m["channel"] != "sms"), "{messages:?}");
}

#[tokio::test]
async fn an_unknown_email_gets_one_short_notice_and_no_code() {
    let app = app_with_account().await;
    let flow_id = app.flow_with_code("nadie@correo.test", "email").await;
    app.state.clock.advance(60);
    app.flow_action(&flow_id, "code", json!({ "channel": "email" })).await;
    let messages = app.mailbox().await;
    let to_nobody: Vec<_> = messages.iter().filter(|m| m["to"] == "nadie@correo.test").collect();
    assert_eq!(to_nobody.len(), 1, "one notice, not one per resend");
    assert_eq!(to_nobody[0]["subject"], "Account recovery at Recupera");
    assert!(crate::support::code_in(to_nobody[0]["body"].as_str().unwrap()).is_none());
    // Unknown user names and phones have no address to tell.
    app.flow_with_code("nadie", "email").await;
    assert_eq!(app.mailbox().await.len(), messages.len());
}

#[tokio::test]
async fn a_replayed_bot_check_solution_is_refused() {
    let app = app_with_account().await;
    let solution = app.solved_bot_check().await;
    let body = json!({ "identifier": EMAIL, "bot_check": solution, "language": "es" });
    assert_eq!(app.post("/api/v1/recovery", body.clone()).await.status(), StatusCode::CREATED);
    let response = app.post("/api/v1/recovery", body).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        crate::support::body_json(response).await,
        json!({ "code": "bot_check_invalid", "field": "bot_check" })
    );
}

#[tokio::test]
async fn a_forged_or_missing_bot_check_is_refused() {
    let app = app_with_account().await;
    for forged in ["", "bm90IGpzb24=", "eyJjaGFsbGVuZ2UiOnt9fQ=="] {
        let body = json!({ "identifier": EMAIL, "bot_check": forged, "language": "es" });
        let response = app.post("/api/v1/recovery", body).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{forged}");
        assert_eq!(crate::support::body_json(response).await["code"], "bot_check_invalid");
    }
    // A challenge signed with another key.
    let other = TestApp::new().await;
    let foreign = other.solved_bot_check().await;
    let body = json!({ "identifier": EMAIL, "bot_check": foreign, "language": "es" });
    assert_eq!(
        crate::support::body_json(app.post("/api/v1/recovery", body).await).await["code"],
        "bot_check_invalid"
    );
}

#[tokio::test]
async fn an_expired_bot_check_is_refused() {
    let app = TestApp::with_config(|c| c.policy.bot_check_lifetime_s = -1).await;
    let (status, body) = app.start_recovery(EMAIL).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["code"], "bot_check_expired");
}

#[tokio::test]
async fn a_new_password_needs_a_verified_code() {
    let app = app_with_account().await;
    let flow_id = app.flow_with_code(EMAIL, "email").await;
    let (status, body) = app.flow_action(&flow_id, "password", json!({ "password": NEW_PASSWORD })).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["code"], "flow_wrong_step");
}

#[tokio::test]
async fn the_new_password_must_be_set_within_15_minutes_of_the_code() {
    let app = app_with_account().await;
    let flow_id = app.flow_with_code(EMAIL, "email").await;
    let code = app.latest_code_for(EMAIL).await;
    app.flow_action(&flow_id, "verify", json!({ "code": code })).await;
    app.state.clock.advance(15 * 60);
    let (status, body) = app.flow_action(&flow_id, "password", json!({ "password": NEW_PASSWORD })).await;
    assert_eq!(status, StatusCode::GONE);
    assert_eq!(body["code"], "password_window_expired");
}

#[tokio::test]
async fn weak_common_or_personal_new_passwords_are_refused_with_their_code() {
    let app = app_with_account().await;
    let flow_id = app.flow_with_code(EMAIL, "email").await;
    let code = app.latest_code_for(EMAIL).await;
    app.flow_action(&flow_id, "verify", json!({ "code": code })).await;
    let cases = [
        ("corta", json!({ "code": "password_too_short", "field": "password", "min_length": 15 })),
        ("passwordpassword", json!({ "code": "password_common", "field": "password" })),
        ("soy-ana-y-esta-es-mi-clave", json!({ "code": "password_contains_identity", "field": "password" })),
    ];
    for (password, expected) in cases {
        let (status, body) = app.flow_action(&flow_id, "password", json!({ "password": password })).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{password}");
        assert_eq!(body, expected, "{password}");
    }
    // Long (210 characters), multi-byte and emoji: accepted whole, never truncated.
    let long = "Él vio siete cebras ñoñas bajo la lluvia de Cádiz en mayo de 2026 🦀 ".repeat(3);
    assert!(long.chars().count() > 200 && long.chars().count() <= 256);
    let (status, body) = app.flow_action(&flow_id, "password", json!({ "password": long })).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let response = app.post("/api/v1/session", json!({ "identifier": EMAIL, "password": long })).await;
    assert_eq!(response.status(), StatusCode::OK, "the whole long password signs in");
    let truncated: String = long.chars().take(72).collect();
    let response = app.post("/api/v1/session", json!({ "identifier": EMAIL, "password": truncated })).await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "a prefix does not");
}

#[tokio::test]
async fn after_a_reset_sessions_die_the_new_password_signs_in_and_a_notice_goes_out() {
    let app = app_with_account().await;
    let sign_in = |password: &'static str| {
        app.post("/api/v1/session", json!({ "identifier": "ana", "password": password }))
    };
    let response = sign_in(DEMO_PASSWORD).await;
    assert_eq!(response.status(), StatusCode::OK);
    let cookie = response.headers()["set-cookie"].to_str().unwrap().split(';').next().unwrap().to_owned();
    let me = |cookie: String| {
        let request = axum::http::Request::get("/api/v1/session")
            .header("cookie", cookie)
            .body(axum::body::Body::empty())
            .unwrap();
        app.send(request)
    };
    assert_eq!(crate::support::body_json(me(cookie.clone()).await).await["username"], "ana");

    // Another flow opened before the reset dies with it.
    let (_, other_flow) = app.start_recovery("ana").await;
    let flow_id = app.flow_with_code(EMAIL, "email").await;
    let code = app.latest_code_for(EMAIL).await;
    app.flow_action(&flow_id, "verify", json!({ "code": code })).await;
    let (status, body) = app.flow_action(&flow_id, "password", json!({ "password": NEW_PASSWORD })).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["step"], "done");

    assert_eq!(crate::support::body_json(me(cookie).await).await, json!(null), "old sessions end");
    assert_eq!(
        sign_in(DEMO_PASSWORD).await.status(),
        StatusCode::UNAUTHORIZED,
        "the old password no longer works"
    );
    assert_eq!(sign_in(NEW_PASSWORD).await.status(), StatusCode::OK, "the new one does");
    let (status, body) =
        app.flow_action(other_flow["flow_id"].as_str().unwrap(), "code", json!({ "channel": "email" })).await;
    assert_eq!((status, body["code"].clone()), (StatusCode::GONE, json!("flow_superseded")));
    let (status, body) = app.flow_action(&flow_id, "password", json!({ "password": NEW_PASSWORD })).await;
    assert_eq!((status, body["code"].clone()), (StatusCode::GONE, json!("flow_completed")));

    let messages = app.mailbox().await;
    let notices: Vec<_> = messages
        .iter()
        .filter(|m| {
            m["subject"] == "Se ha cambiado tu contraseña de Recupera"
                || (m["channel"] == "sms"
                    && m["body"].as_str().unwrap().contains("se ha cambiado la contraseña de tu cuenta"))
        })
        .collect();
    assert_eq!(notices.len(), 2, "mail and SMS, in the account's language: {messages:?}");
    let body_of =
        |channel: &str| notices.iter().find(|m| m["channel"] == channel).unwrap()["body"].to_string();
    assert!(body_of("email").contains("Si no has sido tú"), "{}", body_of("email"));
    assert!(body_of("sms").contains("Si no lo hiciste, recupérala ya"), "{}", body_of("sms"));
}

#[tokio::test]
async fn every_recovery_event_is_audited() {
    let app = app_with_account().await;
    let flow_id = app.flow_with_code(EMAIL, "email").await;
    app.flow_action(&flow_id, "verify", json!({ "code": "00000000" })).await;
    let code = app.latest_code_for(EMAIL).await;
    app.flow_action(&flow_id, "verify", json!({ "code": code })).await;
    app.flow_action(&flow_id, "password", json!({ "password": NEW_PASSWORD })).await;
    let events = app.state.db.audit_events(&flow_id).await.unwrap();
    assert_eq!(
        events,
        ["recovery_requested", "code_sent", "code_failed", "code_verified", "password_changed"]
    );
}

#[tokio::test]
async fn behind_a_trusted_proxy_the_ip_budget_counts_the_forwarded_client_not_the_proxy() {
    let app = TestApp::with_config(|c| {
        c.policy.attempts_per_ip_hour = 2;
        c.trusted_proxies = vec!["203.0.113.7".parse().unwrap()];
    })
    .await;
    app.create_account("ana", EMAIL, None, DEMO_PASSWORD).await;
    let guess = |client: &'static str, flow_id: String| {
        let request = axum::http::Request::post(format!("/api/v1/recovery/{flow_id}/verify"))
            .header("content-type", "application/json")
            .header("cookie", app.flow_cookie(&flow_id).unwrap())
            // The client wrote a fake first hop; the proxy appended the real address.
            .header("x-forwarded-for", format!("6.6.6.6, {client}"))
            .body(axum::body::Body::from(r#"{"code":"00000000"}"#))
            .unwrap();
        app.send(request)
    };
    let flow_id = app.flow_with_code(EMAIL, "email").await;
    for _ in 0..2 {
        guess("198.51.100.1", flow_id.clone()).await;
    }
    let refused = crate::support::body_json(guess("198.51.100.1", flow_id.clone()).await).await;
    assert_eq!(refused["code"], "ip_attempts_exhausted");
    let other_client = crate::support::body_json(guess("198.51.100.2", flow_id).await).await;
    assert_eq!(other_client["code"], "code_invalid", "another client behind the same proxy is not blocked");
}

#[tokio::test]
async fn the_code_comes_in_the_wizards_language_and_the_change_notice_in_the_accounts() {
    // The account was created in Spanish; the wizard (the helper's `start_recovery`) runs in English.
    let app = TestApp::new().await;
    app.create_account("ana", EMAIL, None, DEMO_PASSWORD).await;
    let (_, flow) = app.start_recovery(EMAIL).await;
    let flow_id = flow["flow_id"].as_str().unwrap();
    app.flow_action(flow_id, "code", json!({ "channel": "email" })).await;
    let mailbox = app.mailbox().await;
    let subject = mailbox[0]["subject"].as_str().unwrap();
    assert_eq!(subject, "Your Recupera verification code", "never the code itself in the subject");

    let code = app.latest_code_for(EMAIL).await;
    app.flow_action(flow_id, "verify", json!({ "code": code })).await;
    let (status, _) = app.flow_action(flow_id, "password", json!({ "password": NEW_PASSWORD })).await;
    assert_eq!(status, StatusCode::OK);
    let mailbox = app.mailbox().await;
    assert_eq!(mailbox[0]["subject"], "Se ha cambiado tu contraseña de Recupera", "the owner's language");
}
