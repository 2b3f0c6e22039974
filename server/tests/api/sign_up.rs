//! Sign-up: nothing is created until the email's code is typed, every answer is the same whether
//! an address is taken or not, and each budget holds under parallel requests.

use axum::{
    body::Body,
    http::{header, Request, StatusCode},
};
use serde_json::{json, Value};

use crate::support::{body_json, TestApp, DEMO_PASSWORD};

const PASSWORD: &str = "una contraseña nueva y larga";

/// The sign-up's id from a started one's body.
fn id_of(flow: &Value) -> String {
    flow["flow_id"].as_str().expect("a sign-up").to_owned()
}

/// Accounts that exist, by user name.
async fn usernames(app: &TestApp) -> Vec<String> {
    let mut db = app.database().await;
    sqlx::query_scalar("SELECT username FROM accounts ORDER BY username").fetch_all(&mut db).await.unwrap()
}

/// The body without what differs between any two sign-ups: the id and the address typed.
fn without_id_and_email(mut body: Value) -> Value {
    let object = body.as_object_mut().unwrap();
    object.remove("flow_id");
    object.remove("email");
    body
}

/// `POST /sign-up` requests for `count` different user names with one email, each with its own
/// solved bot check, ready to fire at once.
async fn sign_up_requests(app: &TestApp, count: usize, email: &str) -> Vec<Request<Body>> {
    let mut requests = Vec::new();
    for n in 0..count {
        let body = json!({
            "username": format!("persona{n}"), "email": email, "password": PASSWORD, "language": "es",
            "bot_check": app.solved_bot_check_for("sign_up").await,
        });
        let request = Request::post("/api/v1/sign-up")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_string()))
            .unwrap();
        requests.push(request);
    }
    requests
}

#[tokio::test]
async fn an_account_exists_only_once_the_code_mailed_to_its_email_is_typed() {
    let app = TestApp::new().await;
    let (status, flow) = app.start_sign_up("lucia", "Lucia@Correo.test", None, PASSWORD).await;
    assert_eq!(status, StatusCode::CREATED, "{flow}");
    assert_eq!(
        (flow["step"].as_str(), flow["email"].as_str()),
        (Some("enter_code"), Some("Lucia@Correo.test"))
    );
    assert_eq!(flow["attempts_left"], 5);
    let mail = app.mailbox().await;
    assert_eq!(mail.len(), 1);
    assert_eq!(mail[0]["subject"], "Confirma tu email en Recupera", "in the form's language");

    let code = app.latest_code_for("Lucia@Correo.test").await;

    // Pending, it is nobody: no sign-in, and recovering it is recovering an unknown address.
    assert!(usernames(&app).await.is_empty());
    for identifier in ["lucia", "Lucia@Correo.test"] {
        let (status, body) = app.sign_in_with(identifier, PASSWORD, None).await;
        assert_eq!((status, body["code"].as_str()), (StatusCode::UNAUTHORIZED, Some("invalid_credentials")));
    }
    let (_, recovery) = app.start_recovery("Lucia@Correo.test").await;
    app.flow_action(recovery["flow_id"].as_str().unwrap(), "code", json!({ "channel": "email" })).await;
    assert_eq!(app.mailbox().await[0]["subject"], "Account recovery at Recupera", "the no-account notice");

    let (status, done) = app.sign_up_action(&id_of(&flow), "verify", json!({ "code": code })).await;
    assert_eq!((status, done["step"].as_str()), (StatusCode::OK, Some("done")), "{done}");
    assert_eq!(usernames(&app).await, ["lucia"]);
    assert_eq!(app.sign_in_with("lucia", PASSWORD, None).await.0, StatusCode::OK);

    // The code is used up: typed again, it creates nothing and the sign-up stays done.
    let (status, body) = app.sign_up_action(&id_of(&flow), "verify", json!({ "code": code })).await;
    assert_eq!((status, body["code"].as_str()), (StatusCode::CONFLICT, Some("flow_wrong_step")));
}

#[tokio::test]
async fn the_same_user_name_with_a_taken_and_with_a_free_email_gets_identical_answers() {
    let app = TestApp::new().await;
    app.create_account("bea", "bea@correo.test", None, DEMO_PASSWORD).await;

    let (taken_status, taken) = app.start_sign_up("nuevo", "bea@correo.test", None, PASSWORD).await;
    let (free_status, free) = app.start_sign_up("nuevo", "libre@correo.test", None, PASSWORD).await;
    assert_eq!((taken_status, free_status), (StatusCode::CREATED, StatusCode::CREATED));
    assert_eq!(without_id_and_email(taken.clone()), without_id_and_email(free.clone()));
    assert!(app.flow_cookie(&id_of(&taken)).is_some() && app.flow_cookie(&id_of(&free)).is_some());

    // The owner is told (in the account's language), and no code exists for the taken address.
    let mail = app.mailbox().await;
    let to_owner: Vec<_> = mail.iter().filter(|m| m["to"] == "bea@correo.test").collect();
    assert_eq!(to_owner.len(), 1, "{mail:?}");
    assert_eq!(to_owner[0]["subject"], "Alguien ha intentado registrarse en Recupera con tu dirección");
    assert!(crate::support::code_in(to_owner[0]["body"].as_str().unwrap()).is_none());
    // Typing a code answers as a wrong code would in the free one.
    let wrong = json!({ "code": "12345678" });
    let (status, taken_answer) = app.sign_up_action(&id_of(&taken), "verify", wrong.clone()).await;
    let (_, free_answer) = app.sign_up_action(&id_of(&free), "verify", wrong).await;
    assert_eq!((status, &taken_answer), (StatusCode::UNPROCESSABLE_ENTITY, &free_answer));
    assert_eq!(usernames(&app).await, ["bea"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_sign_ups_at_once_with_a_taken_email_mail_its_owner_once_and_create_nothing() {
    let app = TestApp::with_config(|c| c.policy.sign_ups_per_ip_hour = 100).await;
    app.create_account("bea", "bea@correo.test", None, DEMO_PASSWORD).await;
    let requests = sign_up_requests(&app, 20, "bea@correo.test").await;
    let answers = app.all_at_once(requests).await;
    assert!(answers.iter().all(|(status, _)| *status == StatusCode::CREATED), "{answers:?}");
    let mail = app.mailbox().await;
    assert_eq!(mail.iter().filter(|m| m["to"] == "bea@correo.test").count(), 1, "{mail:?}");
    assert_eq!(usernames(&app).await, ["bea"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_wrong_codes_at_once_count_five_and_the_right_code_is_refused_after() {
    let app = TestApp::new().await;
    let (_, flow) = app.start_sign_up("lucia", "lucia@correo.test", None, PASSWORD).await;
    let flow_id = id_of(&flow);
    let cookie = app.flow_cookie(&flow_id).unwrap();
    let requests = (0..20)
        .map(|_| {
            Request::post(format!("/api/v1/sign-up/{flow_id}/verify"))
                .header(header::CONTENT_TYPE, "application/json")
                .header(header::COOKIE, &cookie)
                .body(Body::from(json!({ "code": "00000000" }).to_string()))
                .unwrap()
        })
        .collect();
    let answers = app.all_at_once(requests).await;
    let judged = answers.iter().filter(|(_, body)| body["code"] == "code_invalid").count();
    assert_eq!(judged, 5, "{answers:?}");
    assert!(answers
        .iter()
        .all(|(_, b)| b["code"] == "code_invalid" || b["code"] == "flow_attempts_exhausted"));

    let code = app.latest_code_for("lucia@correo.test").await;
    let (status, body) = app.sign_up_action(&flow_id, "verify", json!({ "code": code })).await;
    assert_eq!((status, body["code"].as_str()), (StatusCode::GONE, Some("flow_attempts_exhausted")));
    assert!(usernames(&app).await.is_empty());
}

#[tokio::test]
async fn a_sign_up_belongs_to_the_browser_that_started_it() {
    let app = TestApp::new().await;
    let (_, flow) = app.start_sign_up("lucia", "lucia@correo.test", None, PASSWORD).await;
    let (_, other) = app.start_sign_up("otra", "otra@correo.test", None, PASSWORD).await;
    let flow_id = id_of(&flow);
    let code = app.latest_code_for("lucia@correo.test").await;
    let someone_elses = app.flow_cookie(&id_of(&other)).unwrap();
    for cookie in [None, Some(someone_elses.as_str()), Some("recupera_sign_up=forged")] {
        for (action, body) in [("verify", json!({ "code": code })), ("code", json!({}))] {
            let (status, answer) = app.sign_up_action_from(cookie, &flow_id, action, body).await;
            assert_eq!((status, answer["code"].as_str()), (StatusCode::NOT_FOUND, Some("flow_not_found")));
        }
        let mut read = Request::get(format!("/api/v1/sign-up/{flow_id}"));
        if let Some(cookie) = cookie {
            read = read.header(header::COOKIE, cookie);
        }
        let response = app.send(read.body(Body::empty()).unwrap()).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
    }
    assert!(usernames(&app).await.is_empty(), "the right code from the wrong browser created nothing");
    // Its own browser can still read it, and finish it.
    let response = app
        .send(
            Request::get(format!("/api/v1/sign-up/{flow_id}"))
                .header(header::COOKIE, app.flow_cookie(&flow_id).unwrap())
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(body_json(response).await["step"], "enter_code");
    let (status, _) = app.sign_up_action(&flow_id, "verify", json!({ "code": code })).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_user_name_goes_to_whoever_confirms_first_and_the_other_is_told_at_confirmation() {
    let app = TestApp::new().await;
    let (_, first) = app.start_sign_up("lucia", "lucia@correo.test", None, PASSWORD).await;
    let (_, second) = app.start_sign_up("lucia", "otra@correo.test", None, PASSWORD).await;
    let confirm = |flow: &Value, code: String| {
        let flow_id = id_of(flow);
        Request::post(format!("/api/v1/sign-up/{flow_id}/verify"))
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::COOKIE, app.flow_cookie(&flow_id).unwrap())
            .body(Body::from(json!({ "code": code }).to_string()))
            .unwrap()
    };
    let requests = vec![
        confirm(&first, app.latest_code_for("lucia@correo.test").await),
        confirm(&second, app.latest_code_for("otra@correo.test").await),
    ];
    let answers = app.all_at_once(requests).await;
    let statuses: Vec<_> = answers.iter().map(|(status, _)| *status).collect();
    assert!(
        statuses.contains(&StatusCode::OK) && statuses.contains(&StatusCode::UNPROCESSABLE_ENTITY),
        "{answers:?}"
    );
    let refused = &answers.iter().find(|(status, _)| *status != StatusCode::OK).unwrap().1;
    assert_eq!(refused, &json!({ "code": "username_taken", "field": "username" }));
    assert_eq!(usernames(&app).await, ["lucia"]);

    // Now the name is an account's: a new sign-up with it is told at once.
    let (status, body) = app.start_sign_up("Lucia", "tercera@correo.test", None, PASSWORD).await;
    assert_eq!(
        (status, body),
        (StatusCode::UNPROCESSABLE_ENTITY, json!({ "code": "username_taken", "field": "username" }))
    );
}

#[tokio::test]
async fn an_email_proven_by_two_sign_ups_goes_to_the_first_to_confirm() {
    let app = TestApp::new().await;
    let (_, first) = app.start_sign_up("lucia", "lucia@correo.test", None, PASSWORD).await;
    let first_code = app.latest_code_for("lucia@correo.test").await;
    app.state.clock.advance(1);
    let (_, second) = app.start_sign_up("luci", "lucia@correo.test", None, PASSWORD).await;
    let second_code = app.latest_code_for("lucia@correo.test").await;
    assert_ne!(first_code, second_code);
    let (status, _) = app.sign_up_action(&id_of(&first), "verify", json!({ "code": first_code })).await;
    assert_eq!(status, StatusCode::OK);
    // The second browser proved it holds the address too: it may be told the address is taken.
    let (status, body) = app.sign_up_action(&id_of(&second), "verify", json!({ "code": second_code })).await;
    assert_eq!(
        (status, body),
        (StatusCode::UNPROCESSABLE_ENTITY, json!({ "code": "email_taken", "field": "email" }))
    );
    assert_eq!(usernames(&app).await, ["lucia"]);
}

#[tokio::test]
async fn a_pending_sign_up_ends_after_a_day_and_cleanup_removes_it() {
    let app = TestApp::new().await;
    let (_, flow) = app.start_sign_up("lucia", "lucia@correo.test", None, PASSWORD).await;
    let flow_id = id_of(&flow);
    assert_eq!(flow["expires_in_s"], 24 * 3600);
    app.state.clock.advance(24 * 3600);
    let (status, body) = app.sign_up_action(&flow_id, "code", json!({})).await;
    assert_eq!((status, body["code"].as_str()), (StatusCode::GONE, Some("flow_expired")));
    let removed =
        app.state.db.clean_up(app.state.clock.now()).await.unwrap().expect("no other replica cleans up");
    assert_eq!(removed.sign_ups, 1);
    let (status, body) = app.sign_up_action(&flow_id, "code", json!({})).await;
    assert_eq!((status, body["code"].as_str()), (StatusCode::NOT_FOUND, Some("flow_not_found")));
    // The user name and the address were never held: a new sign-up with both goes through.
    let (status, _) = app.start_sign_up("lucia", "lucia@correo.test", None, PASSWORD).await;
    assert_eq!(status, StatusCode::CREATED);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sign_ups_from_one_network_are_capped_per_hour_even_when_sent_at_once() {
    let app = TestApp::with_config(|c| c.policy.sign_ups_per_ip_hour = 3).await;
    let mut requests = Vec::new();
    for n in 0..8 {
        requests.extend(sign_up_requests(&app, 1, &format!("persona{n}@correo.test")).await);
    }
    let answers = app.all_at_once(requests).await;
    let started = answers.iter().filter(|(status, _)| *status == StatusCode::CREATED).count();
    assert_eq!(started, 3, "{answers:?}");
    let refused = answers.iter().find(|(status, _)| *status == StatusCode::TOO_MANY_REQUESTS).unwrap();
    assert_eq!(refused.1["code"], "too_many_sign_ups");
    assert!(refused.1["retry_after_s"].as_u64().unwrap() > 0, "{refused:?}");
    assert_eq!(app.mailbox().await.len(), 3);
}

#[tokio::test]
async fn a_new_code_comes_after_the_cool_down_and_the_old_one_dies() {
    let app = TestApp::new().await;
    let (_, flow) = app.start_sign_up("lucia", "lucia@correo.test", None, PASSWORD).await;
    let flow_id = id_of(&flow);
    let old = app.latest_code_for("lucia@correo.test").await;
    let (status, body) = app.sign_up_action(&flow_id, "code", json!({})).await;
    assert_eq!((status, body["code"].as_str()), (StatusCode::TOO_MANY_REQUESTS, Some("resend_too_soon")));
    app.state.clock.advance(flow["resend_after_s"].as_i64().unwrap());
    let (status, resent) = app.sign_up_action(&flow_id, "code", json!({})).await;
    assert_eq!(status, StatusCode::OK, "{resent}");
    assert!(resent["resend_after_s"].as_i64() > flow["resend_after_s"].as_i64(), "the cool-down doubles");
    let new = app.latest_code_for("lucia@correo.test").await;
    assert_ne!(old, new);
    let (status, body) = app.sign_up_action(&flow_id, "verify", json!({ "code": old })).await;
    assert_eq!((status, body["code"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("code_invalid")));
    let (status, _) = app.sign_up_action(&flow_id, "verify", json!({ "code": new })).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn a_sign_up_needs_a_solved_bot_check_used_once() {
    let app = TestApp::new().await;
    let form = |bot_check: &str| {
        json!({ "username": "lucia", "email": "lucia@correo.test", "password": PASSWORD, "language": "es",
                "bot_check": bot_check })
    };
    let response = app.post("/api/v1/sign-up", form("")).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body_json(response).await, json!({ "code": "bot_check_invalid", "field": "bot_check" }));
    // A solution for another form does not open this one.
    let for_recovery = app.solved_bot_check().await;
    assert_eq!(
        app.post("/api/v1/sign-up", form(&for_recovery)).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let solved = app.solved_bot_check_for("sign_up").await;
    assert_eq!(app.post("/api/v1/sign-up", form(&solved)).await.status(), StatusCode::CREATED);
    let replayed = app.post("/api/v1/sign-up", form(&solved)).await;
    assert_eq!(replayed.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(app.mailbox().await.len() == 1, "the replay mailed nothing");
}

#[tokio::test]
async fn a_sign_up_form_with_a_bad_field_says_which_before_anything_else() {
    let app = TestApp::new().await;
    let cases = [
        (
            json!({ "username": "a", "email": "ana@correo.test", "password": PASSWORD }),
            "username_invalid",
            "username",
        ),
        (
            json!({ "username": "ana", "email": "no-es-un-email", "password": PASSWORD }),
            "email_invalid",
            "email",
        ),
        (
            json!({ "username": "ana", "email": "ana@correo.test", "phone": "12", "password": PASSWORD }),
            "phone_invalid",
            "phone",
        ),
        (
            json!({ "username": "ana", "email": "ana@correo.test", "phone": "+34 600 000 002", "password": "ana 600000002 secreta" }),
            "password_contains_identity",
            "password",
        ),
    ];
    for (mut form, code, field) in cases {
        form["language"] = "es".into();
        form["bot_check"] = "".into();
        let response = app.post("/api/v1/sign-up", form.clone()).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{form}");
        assert_eq!(body_json(response).await, json!({ "code": code, "field": field }), "{form}");
    }
    assert!(app.mailbox().await.is_empty());
}

#[tokio::test]
async fn the_account_made_signs_in_by_user_name_or_email_and_keeps_the_forms_language() {
    let app = TestApp::new().await;
    app.sign_up_through_api("lucia", "lucia@correo.test", None, PASSWORD).await;
    for identifier in ["lucia", "LUCIA@correo.test"] {
        assert_eq!(app.sign_in_with(identifier, PASSWORD, None).await.0, StatusCode::OK, "{identifier}");
    }
    // Mail the owner did not ask for (a password changed, a sign-up with this address) comes in it.
    let mut db = app.database().await;
    let language: String =
        sqlx::query_scalar("SELECT language FROM accounts").fetch_one(&mut db).await.unwrap();
    assert_eq!(language, "es");
}
