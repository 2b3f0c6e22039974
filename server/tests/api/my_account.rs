//! *Mi cuenta*, signed in: a new password (`POST /account/password`) and the sessions
//! (`GET /account/sessions`, `POST /account/sessions/{id}/end`, `POST /account/sessions/end-others`).

use axum::{
    body::Body,
    http::{header, Request, StatusCode},
};
use serde_json::json;

use crate::support::{ana, body_json, post_with_cookie, set_cookie, TestApp, DEMO_PASSWORD};

const FIREFOX_ON_LINUX: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
const CHROME_ON_ANDROID: &str =
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

/// Signs Ana in from a browser that says it is `user_agent`: its session cookie.
async fn signed_in_from(app: &TestApp, user_agent: &str, password: &str) -> String {
    let request = Request::post("/api/v1/session")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::USER_AGENT, user_agent)
        .body(Body::from(json!({ "identifier": "ana", "password": password }).to_string()))
        .unwrap();
    let response = app.send(request).await;
    assert_eq!(response.status(), StatusCode::OK);
    set_cookie(&response).unwrap()
}

async fn call(
    app: &TestApp,
    cookie: &str,
    path: &str,
    body: serde_json::Value,
) -> (StatusCode, serde_json::Value) {
    let response = app.send(post_with_cookie(&format!("/api/v1/account/{path}"), Some(cookie), &body)).await;
    let status = response.status();
    let bytes = crate::support::body_bytes(response).await;
    (status, serde_json::from_slice(&bytes).unwrap_or(serde_json::Value::Null))
}

async fn sessions_of(app: &TestApp, cookie: &str) -> (StatusCode, serde_json::Value) {
    let request =
        Request::get("/api/v1/account/sessions").header(header::COOKIE, cookie).body(Body::empty()).unwrap();
    let response = app.send(request).await;
    (response.status(), body_json(response).await)
}

const NEW_PASSWORD: &str = "una contraseña nueva de verdad 2026";

#[tokio::test]
async fn a_new_password_needs_the_current_one_ends_every_other_session_and_tells_the_owner() {
    let app = ana::app().await;
    let here = signed_in_from(&app, FIREFOX_ON_LINUX, DEMO_PASSWORD).await;
    let elsewhere = signed_in_from(&app, CHROME_ON_ANDROID, DEMO_PASSWORD).await;

    let change = |current: &'static str, new: &'static str| {
        call(&app, &here, "password", json!({ "current_password": current, "new_password": new }))
    };
    let (status, body) = change("no es la contraseña de ana", NEW_PASSWORD).await;
    assert_eq!(
        (status, body["code"].as_str(), body["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("current_password_invalid"), Some("current_password"))
    );
    let (status, body) = change(DEMO_PASSWORD, "ana 600000002 y más").await;
    assert_eq!(
        (status, body["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("new_password")),
        "{body}"
    );
    assert_eq!(change(DEMO_PASSWORD, NEW_PASSWORD).await.0, StatusCode::NO_CONTENT);

    // This browser stays signed in; the other is out; only the new password signs in.
    assert_eq!(app.session_view(&here).await["username"], "ana");
    assert_eq!(app.session_view(&elsewhere).await, serde_json::Value::Null);
    assert_eq!(app.sign_in_with("ana", DEMO_PASSWORD, None).await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(app.sign_in_with("ana", NEW_PASSWORD, None).await.0, StatusCode::OK);
    let mailbox = app.mailbox().await;
    assert!(mailbox
        .iter()
        .any(|m| m["to"] == ana::EMAIL && m["subject"] == "Se ha cambiado tu contraseña de Recupera"));
    assert!(mailbox.iter().any(|m| m["to"] == ana::PHONE && m["channel"] == "sms"));
}

#[tokio::test]
async fn twenty_changes_at_once_judge_at_most_five_current_passwords_an_hour() {
    let app = ana::app().await;
    let here = signed_in_from(&app, FIREFOX_ON_LINUX, DEMO_PASSWORD).await;
    let body = json!({ "current_password": "una contraseña que no es", "new_password": NEW_PASSWORD });
    let requests =
        (0..20).map(|_| post_with_cookie("/api/v1/account/password", Some(&here), &body)).collect();
    let answers = app.all_at_once(requests).await;
    let judged = answers.iter().filter(|(_, b)| b["code"] == "current_password_invalid").count();
    let held = answers.iter().filter(|(_, b)| b["code"] == "too_many_requests").count();
    assert_eq!((judged, held), (5, 15), "{answers:?}");
    // The right one waits too, for the hour to pass.
    let right = json!({ "current_password": DEMO_PASSWORD, "new_password": NEW_PASSWORD });
    let (status, body) = call(&app, &here, "password", right.clone()).await;
    assert_eq!((status, body["code"].as_str()), (StatusCode::TOO_MANY_REQUESTS, Some("too_many_requests")));
    app.state.clock.advance(3600);
    assert_eq!(call(&app, &here, "password", right).await.0, StatusCode::NO_CONTENT);
}

#[tokio::test]
async fn the_sessions_say_browser_system_and_this_device_and_one_ended_here_is_out_there() {
    let app = ana::app().await;
    app.create_account("bruno", "bruno@correo.test", None, DEMO_PASSWORD).await;
    let here = signed_in_from(&app, FIREFOX_ON_LINUX, DEMO_PASSWORD).await;
    let phone = signed_in_from(&app, CHROME_ON_ANDROID, DEMO_PASSWORD).await;
    app.state.clock.advance(5 * 60);

    let (status, list) = sessions_of(&app, &here).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    let sessions = list["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 2, "{list}");
    let mine: Vec<_> = sessions.iter().filter(|s| s["this_device"] == true).collect();
    assert_eq!(mine.len(), 1, "{list}");
    assert_eq!((mine[0]["browser"].as_str(), mine[0]["system"].as_str()), (Some("Firefox"), Some("Linux")));
    let other = sessions.iter().find(|s| s["this_device"] == false).unwrap();
    assert_eq!((other["browser"].as_str(), other["system"].as_str()), (Some("Chrome"), Some("Android")));
    assert_eq!(other["last_used_s_ago"], 300);
    // No cookie in sight: an id is not a session.
    assert!(!list.to_string().contains(phone.split('=').nth(1).unwrap()));

    // Bruno cannot end Ana's session with its id; nor can Ana end her own this way.
    let bruno = app.sign_in_cookie("bruno", DEMO_PASSWORD).await;
    let id = other["id"].as_str().unwrap();
    let (status, body) = call(&app, &bruno, &format!("sessions/{id}/end"), json!({})).await;
    assert_eq!((status, body["code"].as_str()), (StatusCode::NOT_FOUND, Some("session_not_found")));
    let own = mine[0]["id"].as_str().unwrap();
    assert_eq!(call(&app, &here, &format!("sessions/{own}/end"), json!({})).await.0, StatusCode::NOT_FOUND);

    let (status, list) = call(&app, &here, &format!("sessions/{id}/end"), json!({})).await;
    assert_eq!((status, list["sessions"].as_array().map(Vec::len)), (StatusCode::OK, Some(1)), "{list}");
    assert_eq!(app.session_view(&phone).await, serde_json::Value::Null, "the ended session still works");
    assert_eq!(call(&app, &here, &format!("sessions/{id}/end"), json!({})).await.0, StatusCode::NOT_FOUND);
    assert_eq!(app.session_view(&bruno).await["username"], "bruno");
}

#[tokio::test]
async fn ending_every_other_session_keeps_this_one_only() {
    let app = ana::app().await;
    let here = signed_in_from(&app, FIREFOX_ON_LINUX, DEMO_PASSWORD).await;
    let others = [
        signed_in_from(&app, CHROME_ON_ANDROID, DEMO_PASSWORD).await,
        app.sign_in_cookie("ana", DEMO_PASSWORD).await,
    ];
    let (status, list) = call(&app, &here, "sessions/end-others", json!({})).await;
    assert_eq!((status, list["sessions"].as_array().map(Vec::len)), (StatusCode::OK, Some(1)), "{list}");
    assert_eq!(list["sessions"][0]["this_device"], true);
    for other in others {
        assert_eq!(app.session_view(&other).await, serde_json::Value::Null);
    }
    assert_eq!(app.session_view(&here).await["username"], "ana");
}

#[tokio::test]
async fn mi_cuenta_is_for_signed_in_browsers_only() {
    let app = ana::app().await;
    for (path, body) in [
        ("password", json!({ "current_password": DEMO_PASSWORD, "new_password": NEW_PASSWORD })),
        ("sessions/end-others", json!({})),
    ] {
        let response = app.send(post_with_cookie(&format!("/api/v1/account/{path}"), None, &body)).await;
        assert_eq!(
            (response.status(), body_json(response).await["code"].clone()),
            (StatusCode::UNAUTHORIZED, json!("not_signed_in"))
        );
    }
    let (status, body) = sessions_of(&app, "recupera_session=inventada").await;
    assert_eq!((status, body["code"].as_str()), (StatusCode::UNAUTHORIZED, Some("not_signed_in")));
}
