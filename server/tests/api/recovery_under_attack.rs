//! The recovery as an attacker tries it (`shared/THREATS.md`): another browser, requests fired at the
//! same instant, mail pumping, enumeration through budgets, and what is left in the database. Each
//! test is named after the rule it proves, through the real router and a real SQLite file.

use crate::support::{assert_five_judged_then_exhausted, flow_request, Backend, TestApp, DEMO_PASSWORD};
use axum::http::StatusCode;
use serde_json::json;

use crate::support::ana::{
    app as app_with_account, app_with as app_with_account_and, EMAIL, NEW_PASSWORD, PHONE,
};

async fn started(app: &TestApp, identifier: &str) -> String {
    let (status, flow) = app.start_recovery(identifier).await;
    assert_eq!(status, StatusCode::CREATED, "{flow}");
    flow["flow_id"].as_str().unwrap().to_owned()
}

async fn with_code(app: &TestApp, identifier: &str) -> String {
    let flow_id = started(app, identifier).await;
    let (status, body) = app.flow_action(&flow_id, "code", json!({ "channel": "email" })).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    flow_id
}

fn wrong_for(code: &str) -> &'static str {
    if code == "00000000" {
        "11111111"
    } else {
        "00000000"
    }
}

/// A connection of its own to the test server's database, to read (or break) what it stores.
async fn database(app: &TestApp) -> sqlx::AnyConnection {
    app.database().await
}

async fn sign_in_status(app: &TestApp, password: &str) -> StatusCode {
    app.post("/api/v1/session", json!({ "identifier": EMAIL, "password": password })).await.status()
}

#[tokio::test]
async fn a_flow_is_continued_only_by_the_browser_that_started_it_others_get_the_unknown_flow_answer() {
    let app = app_with_account().await;
    let flow_id = with_code(&app, EMAIL).await;
    let another_flow = started(&app, "nadie@correo.test").await;
    let others_cookie = app.flow_cookie(&another_flow).unwrap();
    let unknown = app
        .flow_action_from(None, "0000000000000000000000000000", "code", json!({ "channel": "email" }))
        .await;
    assert_eq!(unknown, (StatusCode::NOT_FOUND, json!({ "code": "flow_not_found" })));

    let code = app.latest_code_for(EMAIL).await;
    for cookie in [None, Some(others_cookie.as_str()), Some("recupera_flow=forged")] {
        for (action, body) in [
            ("code", json!({ "channel": "email" })),
            ("verify", json!({ "code": code })),
            ("password", json!({ "password": NEW_PASSWORD })),
        ] {
            let answer = app.flow_action_from(cookie, &flow_id, action, body).await;
            assert_eq!(answer, unknown, "{action} from {cookie:?}");
        }
    }
    // The browser that started it still can: nothing above used its code or its budget.
    let (_, flow) = app.read_flow(&flow_id).await;
    assert_eq!((flow["step"].as_str(), flow["attempts_left"].as_u64()), (Some("enter_code"), Some(5)));
    let (status, _) = app.flow_action(&flow_id, "verify", json!({ "code": code })).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn verifying_the_code_rotates_the_flow_secret_and_only_the_rotated_one_sets_the_password() {
    let app = app_with_account().await;
    let flow_id = with_code(&app, EMAIL).await;
    let before = app.flow_cookie(&flow_id).unwrap();
    let code = app.latest_code_for(EMAIL).await;
    let (status, _) = app.flow_action(&flow_id, "verify", json!({ "code": code })).await;
    assert_eq!(status, StatusCode::OK);
    let after = app.flow_cookie(&flow_id).unwrap();
    assert_ne!(before, after, "the answer set a new secret");

    // Whoever copied the first cookie (the phisher who started the flow, say) is out.
    let stolen =
        app.flow_action_from(Some(&before), &flow_id, "password", json!({ "password": NEW_PASSWORD })).await;
    assert_eq!(stolen, (StatusCode::NOT_FOUND, json!({ "code": "flow_not_found" })));
    assert_eq!(sign_in_status(&app, DEMO_PASSWORD).await, StatusCode::OK, "the password did not change");
    let (status, body) = app.flow_action(&flow_id, "password", json!({ "password": NEW_PASSWORD })).await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_wrong_codes_at_once_are_judged_at_most_five_times() {
    let app = app_with_account().await;
    let flow_id = with_code(&app, EMAIL).await;
    let code = app.latest_code_for(EMAIL).await;
    let cookie = app.flow_cookie(&flow_id).unwrap();
    let body = json!({ "code": wrong_for(&code) });
    let requests = (0..50).map(|_| flow_request(Some(&cookie), &flow_id, "verify", &body)).collect();
    let answers = app.all_at_once(requests).await;
    assert_five_judged_then_exhausted(&answers);
    let mut db = database(&app).await;
    let counted: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM code_failures").fetch_one(&mut db).await.unwrap();
    assert_eq!(counted, 5, "the budgets across flows counted exactly the judged ones");
    let (status, body) = app.flow_action(&flow_id, "verify", json!({ "code": code })).await;
    assert_eq!((status, &body["code"]), (StatusCode::GONE, &json!("flow_attempts_exhausted")));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_right_code_sent_fifty_times_at_once_verifies_once() {
    let app = app_with_account().await;
    let flow_id = with_code(&app, EMAIL).await;
    let code = app.latest_code_for(EMAIL).await;
    let cookie = app.flow_cookie(&flow_id).unwrap();
    let body = json!({ "code": code });
    let requests = (0..50).map(|_| flow_request(Some(&cookie), &flow_id, "verify", &body)).collect();
    let answers = app.all_at_once(requests).await;
    let verified = answers.iter().filter(|(status, _)| *status == StatusCode::OK).count();
    assert_eq!(verified, 1, "{answers:?}");
    // The others found the flow moved on — or, once the secret rotated, not theirs at all.
    assert!(answers.iter().all(|(status, body)| *status == StatusCode::OK
        || body["code"] == "flow_wrong_step"
        || body["code"] == "flow_not_found"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_sends_at_once_send_one_message_per_resend_window() {
    let app = app_with_account().await;
    let flow_id = started(&app, EMAIL).await;
    let cookie = app.flow_cookie(&flow_id).unwrap();
    let body = json!({ "channel": "email" });
    let requests = (0..50).map(|_| flow_request(Some(&cookie), &flow_id, "code", &body)).collect();
    let answers = app.all_at_once(requests).await;
    let sent = answers.iter().filter(|(status, _)| *status == StatusCode::OK).count();
    assert_eq!(sent, 1, "{answers:?}");
    assert!(answers
        .iter()
        .all(|(status, body)| *status == StatusCode::OK || body["code"] == "resend_too_soon"));
    assert_eq!(app.mailbox().await.len(), 1, "one code in the mailbox");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn ten_flows_for_an_address_with_no_account_five_sends_at_once_each_put_one_notice_in_its_mailbox() {
    let app = TestApp::with_config(|c| c.policy.sends_per_identifier_day = 100).await;
    let nobody = "nadie@correo.test";
    for _ in 0..10 {
        let flow_id = started(&app, nobody).await;
        let cookie = app.flow_cookie(&flow_id).unwrap();
        let body = json!({ "channel": "email" });
        let requests = (0..5).map(|_| flow_request(Some(&cookie), &flow_id, "code", &body)).collect();
        let answers = app.all_at_once(requests).await;
        assert_eq!(answers.iter().filter(|(status, _)| *status == StatusCode::OK).count(), 1, "{answers:?}");
    }
    let to_nobody = app.mailbox().await.into_iter().filter(|m| m["to"] == nobody).count();
    assert_eq!(to_nobody, 1, "at most one no-account notice a day");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_new_passwords_at_once_give_exactly_one_200_and_one_notice() {
    let app = app_with_account().await;
    let flow_id = with_code(&app, EMAIL).await;
    let code = app.latest_code_for(EMAIL).await;
    app.flow_action(&flow_id, "verify", json!({ "code": code })).await;
    let cookie = app.flow_cookie(&flow_id).unwrap();
    let requests = ["la primera contraseña nueva 2026", "la segunda contraseña nueva 2026"]
        .iter()
        .map(|password| flow_request(Some(&cookie), &flow_id, "password", &json!({ "password": password })))
        .collect();
    let answers = app.all_at_once(requests).await;
    let statuses: Vec<StatusCode> = answers.iter().map(|(status, _)| *status).collect();
    assert_eq!(statuses.iter().filter(|s| **s == StatusCode::OK).count(), 1, "{answers:?}");
    let refused = answers.iter().find(|(status, _)| *status != StatusCode::OK).unwrap();
    assert_eq!(refused.1["code"], "flow_completed", "{answers:?}");
    let notices = app
        .mailbox()
        .await
        .into_iter()
        .filter(|m| m["to"] == EMAIL && m["subject"] == "Se ha cambiado tu contraseña de Recupera")
        .count();
    assert_eq!(notices, 1);
}

/// `count` recoveries of `identifier`, started one after another: each flow's id and cookie.
async fn flows_of(app: &TestApp, identifier: &str, count: usize) -> Vec<(String, String)> {
    let mut flows = Vec::new();
    for _ in 0..count {
        let flow_id = started(app, identifier).await;
        let cookie = app.flow_cookie(&flow_id).unwrap();
        flows.push((flow_id, cookie));
    }
    flows
}

/// The same, each sent a code by email: every flow waits for its code.
async fn flows_with_codes_of(app: &TestApp, identifier: &str, count: usize) -> Vec<(String, String)> {
    let flows = flows_of(app, identifier, count).await;
    for (flow_id, _) in &flows {
        let (status, body) = app.flow_action(flow_id, "code", json!({ "channel": "email" })).await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    flows
}

/// How many answers carry the error `code`.
fn answered(answers: &[(StatusCode, serde_json::Value)], code: &str) -> usize {
    answers.iter().filter(|(_, body)| body["code"] == code).count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn recoveries_from_one_network_are_capped_per_hour_even_when_started_at_once() {
    let app = TestApp::with_config(|c| c.policy.recoveries_per_ip_hour = 3).await;
    let mut requests = Vec::new();
    for n in 0..10 {
        let body = json!({
            "identifier": format!("persona{n}@correo.test"), "language": "es",
            "bot_check": app.solved_bot_check().await,
        });
        requests.push(
            axum::http::Request::post("/api/v1/recovery")
                .header("content-type", "application/json")
                .body(axum::body::Body::from(body.to_string()))
                .unwrap(),
        );
    }
    let answers = app.all_at_once(requests).await;
    assert_eq!(answers.iter().filter(|(status, _)| *status == StatusCode::CREATED).count(), 3, "{answers:?}");
    assert_eq!(answered(&answers, "too_many_recoveries"), 7, "{answers:?}");
    let mut db = database(&app).await;
    let stored: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM recovery_flows").fetch_one(&mut db).await.unwrap();
    assert_eq!(stored, 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sends_at_once_from_many_flows_of_one_identifier_are_capped_per_day_and_the_person_is_told() {
    let app = app_with_account_and(|c| c.policy.sends_per_identifier_day = 3).await;
    let flows = flows_of(&app, EMAIL, 10).await;
    let body = json!({ "channel": "email" });
    let requests =
        flows.iter().map(|(flow_id, cookie)| flow_request(Some(cookie), flow_id, "code", &body)).collect();
    let answers = app.all_at_once(requests).await;
    assert_eq!(answers.iter().filter(|(status, _)| *status == StatusCode::OK).count(), 3, "{answers:?}");
    assert_eq!(answered(&answers, "send_limit_reached"), 7, "{answers:?}");
    assert_eq!(app.mailbox().await.len(), 3, "one code per send allowed");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sends_at_once_past_an_addresss_or_an_accounts_daily_messages_are_held_back_silently() {
    // Ten flows by email to one mailbox, capped at two: every send is answered alike, two codes arrive.
    let app = app_with_account_and(|c| {
        c.policy.sends_per_identifier_day = 100;
        c.policy.messages_per_recipient_day = 2;
    })
    .await;
    let flows = flows_of(&app, EMAIL, 10).await;
    let body = json!({ "channel": "email" });
    let requests =
        flows.iter().map(|(flow_id, cookie)| flow_request(Some(cookie), flow_id, "code", &body)).collect();
    let answers = app.all_at_once(requests).await;
    assert!(answers.iter().all(|(status, _)| *status == StatusCode::OK), "{answers:?}");
    assert_eq!(app.mailbox().await.len(), 2);

    // Five by email and five by SMS, the account capped at three: three codes in all.
    let app = app_with_account_and(|c| {
        c.policy.sends_per_identifier_day = 100;
        c.policy.messages_per_account_day = 3;
    })
    .await;
    let flows = flows_of(&app, EMAIL, 10).await;
    let requests = flows
        .iter()
        .enumerate()
        .map(|(i, (flow_id, cookie))| {
            let channel = if i % 2 == 0 { "email" } else { "sms" };
            flow_request(Some(cookie), flow_id, "code", &json!({ "channel": channel }))
        })
        .collect();
    let answers = app.all_at_once(requests).await;
    assert!(answers.iter().all(|(status, _)| *status == StatusCode::OK), "{answers:?}");
    let mut db = database(&app).await;
    let queued: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox").fetch_one(&mut db).await.unwrap();
    assert_eq!(queued, 3, "codes queued for the account, by either channel");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn wrong_codes_at_once_across_flows_of_one_identifier_are_judged_up_to_its_daily_budget() {
    // An address with no account: its flows store no code, so every code typed is wrong.
    let app = TestApp::with_config(|c| {
        c.policy.attempts_per_identifier_day = 6;
        c.policy.sends_per_identifier_day = 100;
    })
    .await;
    let flows = flows_with_codes_of(&app, "nadie@correo.test", 4).await;
    let body = json!({ "code": "0000 0000" });
    let requests = flows
        .iter()
        .flat_map(|(flow_id, cookie)| (0..4).map(|_| flow_request(Some(cookie), flow_id, "verify", &body)))
        .collect();
    let answers = app.all_at_once(requests).await;
    assert_eq!(answered(&answers, "code_invalid"), 6, "{answers:?}");
    assert!(answers.iter().all(|(status, _)| !status.is_server_error()), "{answers:?}");
    let mut db = database(&app).await;
    let counted: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM code_failures").fetch_one(&mut db).await.unwrap();
    assert_eq!(counted, 6, "the identifier's day counted exactly the judged ones");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn wrong_codes_at_once_from_one_network_are_judged_up_to_its_hourly_budget() {
    let app = TestApp::with_config(|c| c.policy.attempts_per_ip_hour = 6).await;
    let mut flows = Vec::new();
    for n in 0..16 {
        flows.extend(flows_with_codes_of(&app, &format!("persona{n}@correo.test"), 1).await);
    }
    let body = json!({ "code": "0000 0000" });
    let requests =
        flows.iter().map(|(flow_id, cookie)| flow_request(Some(cookie), flow_id, "verify", &body)).collect();
    let answers = app.all_at_once(requests).await;
    assert_eq!(answered(&answers, "code_invalid"), 6, "{answers:?}");
    assert_eq!(answered(&answers, "ip_attempts_exhausted"), 10, "{answers:?}");
}

/// New passwords for Ana from as many browsers.
const PASSWORDS: [&str; 6] = [
    "la primera contraseña nueva 2026",
    "la segunda contraseña nueva 2026",
    "la tercera contraseña nueva 2026",
    "la cuarta contraseña nueva 2026",
    "la quinta contraseña nueva 2026",
    "la sexta contraseña nueva 2026",
];

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn new_passwords_at_once_from_several_verified_flows_of_one_account_change_it_once() {
    let app = app_with_account_and(|c| {
        c.policy.sends_per_identifier_day = 100;
        c.policy.messages_per_recipient_day = 100;
        c.policy.messages_per_account_day = 100;
    })
    .await;
    let mut flows = Vec::new();
    for _ in 0..PASSWORDS.len() {
        let flow_id = with_code(&app, EMAIL).await;
        let code = app.latest_code_for(EMAIL).await;
        let (status, body) = app.flow_action(&flow_id, "verify", json!({ "code": code })).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        flows.push(flow_id);
    }
    let passwords = PASSWORDS;
    let requests = flows
        .iter()
        .zip(passwords)
        .map(|(flow_id, password)| {
            let cookie = app.flow_cookie(flow_id).unwrap();
            flow_request(Some(&cookie), flow_id, "password", &json!({ "password": password }))
        })
        .collect();
    let answers = app.all_at_once(requests).await;
    let changed: Vec<&str> = answers
        .iter()
        .zip(passwords)
        .filter(|((status, _), _)| *status == StatusCode::OK)
        .map(|(_, p)| p)
        .collect();
    assert_eq!(changed.len(), 1, "the first change ends the other flow: {answers:?}");
    assert!(answers.iter().all(|(status, _)| !status.is_server_error()), "{answers:?}");
    let other = passwords.into_iter().find(|password| *password != changed[0]).unwrap();
    assert_eq!(sign_in_status(&app, other).await, StatusCode::UNAUTHORIZED, "{other}");
    assert_eq!(sign_in_status(&app, changed[0]).await, StatusCode::OK, "{}", changed[0]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_hundred_wrong_sign_ins_at_once_across_the_accounts_identifiers_are_judged_at_most_up_to_the_bot_check(
) {
    let app = app_with_account().await;
    // The account's three identifiers, in turn: their wrong passwords count together.
    let identifiers = [EMAIL, "ana", "+34600000002"];
    let requests = (0..100)
        .map(|i| {
            axum::http::Request::post("/api/v1/session")
                .header("content-type", "application/json")
                .body(axum::body::Body::from(
                    json!({ "identifier": identifiers[i % 3], "password": format!("no es la contraseña {i}") })
                        .to_string(),
                ))
                .unwrap()
        })
        .collect();
    let answers = app.all_at_once(requests).await;
    let judged = answers.iter().filter(|(status, _)| *status == StatusCode::UNAUTHORIZED).count();
    let before_bot_check = app.state.config.policy.sign_in_failures_before_bot_check as usize;
    assert_eq!(judged, before_bot_check, "{answers:?}");
    assert!(answers.iter().all(|(status, body)| *status == StatusCode::UNAUTHORIZED
        || (*status == StatusCode::TOO_MANY_REQUESTS
            && *body == json!({ "code": "bot_check_required", "field": "bot_check" }))));
    // The owner still gets in: with the check ticked and the right password.
    let bot_check = app.solved_bot_check_for("sign_in").await;
    let (status, body) = app.sign_in_with("ana", DEMO_PASSWORD, Some(&bot_check)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

#[tokio::test]
async fn the_daily_budget_is_keyed_on_the_identifier_and_answers_the_same_known_or_not() {
    let app = crate::support::ana::app_with(|c| c.policy.messages_per_recipient_day = 10).await;
    let mut last = Vec::new();
    for identifier in [EMAIL, "nadie@correo.test"] {
        for _ in 0..4 {
            let flow_id = with_code(&app, identifier).await;
            for _ in 0..5 {
                app.flow_action(&flow_id, "verify", json!({ "code": "00000000" })).await;
            }
        }
        let flow_id = with_code(&app, identifier).await;
        last.push(app.flow_action(&flow_id, "verify", json!({ "code": "00000000" })).await);
    }
    assert_eq!(last[0], (StatusCode::TOO_MANY_REQUESTS, json!({ "code": "account_attempts_exhausted" })));
    assert_eq!(last[0], last[1], "an unknown identifier answers exactly as a known one");
    // The owner's other identifiers are not locked out by guesses against the email.
    let flow_id = with_code(&app, "ana").await;
    let code = app.latest_code_for(EMAIL).await;
    let (status, body) = app.flow_action(&flow_id, "verify", json!({ "code": code })).await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

#[tokio::test]
async fn codes_per_identifier_are_capped_and_the_person_is_told_known_or_not() {
    let app = crate::support::ana::app_with(|c| c.policy.sends_per_identifier_day = 2).await;
    let mut refusals = Vec::new();
    for identifier in [EMAIL, "nadie@correo.test"] {
        for _ in 0..2 {
            with_code(&app, identifier).await;
        }
        let flow_id = started(&app, identifier).await;
        refusals.push(app.flow_action(&flow_id, "code", json!({ "channel": "email" })).await);
    }
    assert_eq!(refusals[0].0, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(refusals[0].1["code"], "send_limit_reached");
    assert_eq!(refusals[0].1["retry_after_s"], 24 * 3600, "in whole hours, counted from the oldest send");
    assert_eq!(refusals[0], refusals[1], "the same answer for an identifier with no account");
}

#[tokio::test]
async fn one_address_receives_at_most_five_codes_a_day_whichever_identifier_asks() {
    let app = app_with_account().await;
    for identifier in [EMAIL, "ana", PHONE] {
        for _ in 0..3 {
            // Every answer is the same "sent": a held-back code reveals nothing either.
            with_code(&app, identifier).await;
        }
    }
    let codes = app.mailbox().await.into_iter().filter(|m| m["to"] == EMAIL).count();
    assert_eq!(codes, 5);
}

#[tokio::test]
async fn recoveries_started_from_one_client_network_are_capped_per_hour() {
    let app = TestApp::with_config(|c| c.policy.recoveries_per_ip_hour = 3).await;
    for _ in 0..3 {
        started(&app, "nadie@correo.test").await;
    }
    app.state.clock.advance(30 * 60);
    let (status, body) = app.start_recovery("otra@correo.test").await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(body, json!({ "code": "too_many_recoveries", "retry_after_s": 30 * 60 }));
    app.state.clock.advance(30 * 60);
    assert_eq!(app.start_recovery("otra@correo.test").await.0, StatusCode::CREATED, "an hour later");
}

#[tokio::test]
async fn the_outbox_never_holds_a_code_in_clear() {
    let app = app_with_account().await;
    let flow_id = with_code(&app, EMAIL).await;
    app.state.clock.advance(60);
    app.flow_action(&flow_id, "code", json!({ "channel": "sms" })).await;
    let codes = [app.latest_code_for(EMAIL).await, app.latest_code_for(PHONE).await];
    let mut db = database(&app).await;
    let rows: Vec<(String, String, String)> =
        sqlx::query_as("SELECT recipient, template, args FROM outbox").fetch_all(&mut db).await.unwrap();
    assert_eq!(rows.len(), 2);
    for (recipient, template, args) in rows {
        assert_eq!(template, "recovery-code");
        for code in &codes {
            for shown in [code.clone(), format!("{} {}", &code[..4], &code[4..])] {
                assert!(!args.contains(&shown), "{recipient}: {args}");
            }
        }
    }
}

#[tokio::test]
async fn a_password_change_its_notices_and_its_audit_row_commit_together_or_not_at_all() {
    let app = app_with_account().await;
    let flow_id = with_code(&app, EMAIL).await;
    let code = app.latest_code_for(EMAIL).await;
    app.flow_action(&flow_id, "verify", json!({ "code": code })).await;

    // The notice cannot be queued (a full disk, say): the whole change is undone.
    let mut db = database(&app).await;
    let (fail, mend): (&[&str], &[&str]) = match app.backend() {
        Backend::Sqlite => (
            &["CREATE TRIGGER notice_fails BEFORE INSERT ON outbox WHEN NEW.template = 'password-changed'
               BEGIN SELECT RAISE(ABORT, 'injected failure'); END"],
            &["DROP TRIGGER notice_fails"],
        ),
        Backend::Postgres => (
            &[
                "CREATE FUNCTION injected_failure() RETURNS trigger LANGUAGE plpgsql
                 AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$",
                "CREATE TRIGGER notice_fails BEFORE INSERT ON outbox FOR EACH ROW
                 WHEN (NEW.template = 'password-changed') EXECUTE FUNCTION injected_failure()",
            ],
            &["DROP TRIGGER notice_fails ON outbox"],
        ),
    };
    for statement in fail {
        sqlx::query(statement).execute(&mut db).await.unwrap();
    }
    let (status, body) = app.flow_action(&flow_id, "password", json!({ "password": NEW_PASSWORD })).await;
    assert_eq!((status, body), (StatusCode::INTERNAL_SERVER_ERROR, json!({ "code": "internal" })));
    assert_eq!(sign_in_status(&app, DEMO_PASSWORD).await, StatusCode::OK, "the old password still signs in");
    assert_eq!(sign_in_status(&app, NEW_PASSWORD).await, StatusCode::UNAUTHORIZED);
    let events = app.state.db.audit_events(&flow_id).await.unwrap();
    assert!(!events.contains(&"password_changed".to_owned()), "{events:?}");
    let (_, flow) = app.read_flow(&flow_id).await;
    assert_eq!(flow["step"], "new_password", "the person may try again");

    for statement in mend {
        sqlx::query(statement).execute(&mut db).await.unwrap();
    }
    let (status, _) = app.flow_action(&flow_id, "password", json!({ "password": NEW_PASSWORD })).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(sign_in_status(&app, NEW_PASSWORD).await, StatusCode::OK);
    let notices = app
        .mailbox()
        .await
        .into_iter()
        .filter(|m| m["to"] == EMAIL && m["subject"] == "Se ha cambiado tu contraseña de Recupera")
        .count();
    assert_eq!(notices, 1, "the retried change queued its notice once");
}

#[tokio::test]
async fn ipv6_clients_of_one_64_share_the_per_network_budget() {
    let app = TestApp::with_config(|c| {
        c.policy.attempts_per_ip_hour = 2;
        c.trusted_proxies = vec!["203.0.113.7".parse().unwrap()];
    })
    .await;
    app.create_account("ana", EMAIL, None, DEMO_PASSWORD).await;
    let flow_id = with_code(&app, EMAIL).await;
    let cookie = app.flow_cookie(&flow_id).unwrap();
    let guess = |client: &str| {
        let mut request = flow_request(Some(&cookie), &flow_id, "verify", &json!({ "code": "00000000" }));
        request.headers_mut().insert("x-forwarded-for", client.parse().unwrap());
        app.send(request)
    };
    for client in ["2001:db8:1:2::1", "2001:db8:1:2::ffff"] {
        assert_eq!(guess(client).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
    let refused = crate::support::body_json(guess("2001:db8:1:2:dead:beef::9").await).await;
    assert_eq!(refused["code"], "ip_attempts_exhausted", "a third address of the same /64");
    let elsewhere = crate::support::body_json(guess("2001:db8:1:3::1").await).await;
    assert_eq!(elsewhere["code"], "code_invalid", "another /64 has its own budget");
}

#[tokio::test]
async fn api_answers_are_never_cached_and_production_insists_on_https() {
    let app = TestApp::production().await;
    let response = app.get("/api/v1/health").await;
    assert_eq!(response.headers()["cache-control"], "no-store");
    assert_eq!(response.headers()["strict-transport-security"], "max-age=31536000; includeSubDomains");
    let (status, flow) = app.start_recovery(EMAIL).await;
    assert_eq!(status, StatusCode::CREATED);
    let cookie = app.flow_cookie(flow["flow_id"].as_str().unwrap()).unwrap();
    assert!(cookie.starts_with("__Host-recupera_flow="), "{cookie}");
    let dev = TestApp::new().await;
    assert!(dev.get("/api/v1/health").await.headers().get("strict-transport-security").is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_full_hashing_queue_answers_503_at_once_and_the_app_still_downloads_during_3000_sign_ins() {
    let app = TestApp::with_config(|c| {
        c.policy.max_concurrent_hashes = 1;
        c.policy.hashes_waiting = 4;
        c.policy.sign_in_failures_before_bot_check = 1_000_000;
        c.policy.sign_in_failures_before_delay = 1_000_000;
        c.policy.sign_in_failures_per_ip = 1_000_000;
        c.max_concurrent_requests = 4096;
    })
    .await;
    let flood: Vec<_> = (0..3000)
        .map(|i| {
            let router = app.router.clone();
            tokio::spawn(async move {
                let request = axum::http::Request::post("/api/v1/session")
                    .header("content-type", "application/json")
                    .body(axum::body::Body::from(
                        json!({ "identifier": format!("nadie{i}"), "password": "una contraseña cualquiera" })
                            .to_string(),
                    ))
                    .unwrap();
                let response = tower::ServiceExt::oneshot(router, request).await.unwrap();
                let retry_after = response.headers().get("retry-after").cloned();
                (response.status(), retry_after, crate::support::body_json(response).await)
            })
        })
        .collect();
    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    let started = std::time::Instant::now();
    let bundle = app.get(&format!("/{}", crate::support::WASM_FILE)).await;
    let took = started.elapsed();
    assert_eq!(bundle.status(), StatusCode::OK);
    assert!(took < std::time::Duration::from_secs(1), "the bundle took {took:?} during the flood");

    let (mut busy, mut judged) = (0, 0);
    for answer in flood {
        let (status, retry_after, body) = answer.await.unwrap();
        match status {
            StatusCode::SERVICE_UNAVAILABLE => {
                assert_eq!(body, json!({ "code": "service_busy", "retry_after_s": 1 }));
                assert_eq!(retry_after.unwrap(), "1");
                busy += 1;
            }
            StatusCode::UNAUTHORIZED => judged += 1,
            other => panic!("{other}: {body}"),
        }
    }
    assert!(busy > 2000, "most of the flood was refused at once: {busy} busy, {judged} judged");
    assert!(judged >= 5, "the queue still served some: {judged}");
    // A refused attempt was never judged, so it does not count against anyone.
    let mut db = database(&app).await;
    let counted: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM sign_in_failures").fetch_one(&mut db).await.unwrap();
    assert_eq!(counted, judged);
}

#[tokio::test]
async fn a_bot_check_past_the_checks_running_and_waiting_is_answered_503_at_once_and_starts_nothing() {
    let app = TestApp::with_config(|c| {
        c.policy.max_concurrent_bot_checks = 0;
        c.policy.bot_checks_waiting = 0;
    })
    .await;
    let bot_check = app.solved_bot_check().await;
    let start = json!({ "identifier": EMAIL, "bot_check": bot_check, "language": "en" });
    let response = app.post("/api/v1/recovery", start).await;
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(response.headers()["retry-after"], "1");
    assert_eq!(
        crate::support::body_json(response).await,
        json!({ "code": "service_busy", "retry_after_s": 1 })
    );
    let mut db = database(&app).await;
    let flows: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM recovery_flows").fetch_one(&mut db).await.unwrap();
    assert_eq!(flows, 0);
}

#[tokio::test]
async fn past_its_concurrency_limit_an_api_request_is_answered_503_at_once_and_the_app_is_not() {
    {
        let app = TestApp::with_config(|c| c.max_concurrent_requests = 0).await;
        let response = app.get("/api/v1/health").await;
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(response.headers()["retry-after"], "1");
        assert_eq!(crate::support::body_json(response).await["code"], "service_busy");
        assert_eq!(app.get("/").await.status(), StatusCode::OK, "the app's files are not limited");
    }
}

#[tokio::test]
async fn a_request_stuck_on_the_database_is_answered_503_when_its_time_is_up() {
    let app = TestApp::with_config(|c| c.request_timeout_s = 1).await;
    let bot_check = app.solved_bot_check().await;
    // Another process holds the database's write lock (a long migration, a stuck backup); on
    // PostgreSQL, a lock on the tables a recovery's start writes.
    let mut db = database(&app).await;
    let hold = match app.backend() {
        Backend::Sqlite => &["BEGIN IMMEDIATE"][..],
        Backend::Postgres => {
            &["BEGIN", "LOCK TABLE recovery_flows, bot_check_used IN ACCESS EXCLUSIVE MODE"][..]
        }
    };
    for statement in hold {
        sqlx::query(statement).execute(&mut db).await.unwrap();
    }
    let started = std::time::Instant::now();
    let body = json!({ "identifier": EMAIL, "bot_check": bot_check, "language": "es" });
    let response = app.post("/api/v1/recovery", body).await;
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(started.elapsed() < std::time::Duration::from_secs(3), "{:?}", started.elapsed());
    sqlx::query("ROLLBACK").execute(&mut db).await.unwrap();
}

/// A challenge signed with this server's key for `action`, solved (or not) as a browser would.
fn challenge_for(app: &TestApp, action: &str, solve_right: bool) -> String {
    use base64::Engine;
    let challenge = altcha::create_challenge(altcha::CreateChallengeOptions {
        algorithm: "PBKDF2/SHA-256".into(),
        cost: 1,
        key_prefix: "0".into(),
        expires_at: Some(app.state.clock.now() + 600),
        hmac_signature_secret: Some(app.state.secrets.bot_check_key.clone()),
        data: Some(std::collections::BTreeMap::from([("action".to_owned(), action.into())])),
        ..Default::default()
    })
    .unwrap();
    let mut solution =
        altcha::solve_challenge(altcha::SolveChallengeOptions::new(&challenge)).unwrap().unwrap();
    if !solve_right {
        solution.derived_key = "0".repeat(solution.derived_key.len());
    }
    let payload = altcha::Payload { challenge, solution };
    base64::engine::general_purpose::STANDARD.encode(serde_json::to_vec(&payload).unwrap())
}

async fn start_with(app: &TestApp, bot_check: &str) -> (StatusCode, serde_json::Value) {
    let body = json!({ "identifier": EMAIL, "bot_check": bot_check, "language": "es" });
    let response = app.post("/api/v1/recovery", body).await;
    (response.status(), crate::support::body_json(response).await)
}

#[tokio::test]
async fn a_bot_check_solved_for_another_action_opens_nothing_here() {
    let app = TestApp::new().await;
    let refused = json!({ "code": "bot_check_invalid", "field": "bot_check" });
    let (status, body) = start_with(&app, &challenge_for(&app, "sign_up", true)).await;
    assert_eq!((status, body), (StatusCode::UNPROCESSABLE_ENTITY, refused));
    let (status, _) = start_with(&app, &challenge_for(&app, "recovery", true)).await;
    assert_eq!(status, StatusCode::CREATED, "the same kind of challenge, made for this action");
}

#[tokio::test]
async fn a_challenge_once_solved_wrong_is_refused_for_good_even_with_its_right_solution() {
    let app = TestApp::new().await;
    let wrong = challenge_for(&app, "recovery", false);
    assert_eq!(start_with(&app, &wrong).await.0, StatusCode::UNPROCESSABLE_ENTITY);
    // The same challenge with its right solution: the signature already failed once.
    use base64::Engine;
    let engine = base64::engine::general_purpose::STANDARD;
    let mut payload: altcha::Payload = serde_json::from_slice(&engine.decode(&wrong).unwrap()).unwrap();
    payload.solution =
        altcha::solve_challenge(altcha::SolveChallengeOptions::new(&payload.challenge)).unwrap().unwrap();
    let right = engine.encode(serde_json::to_vec(&payload).unwrap());
    let (status, body) = start_with(&app, &right).await;
    assert_eq!((status, &body["code"]), (StatusCode::UNPROCESSABLE_ENTITY, &json!("bot_check_invalid")));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_solved_bot_check_sent_twenty_times_at_once_starts_one_recovery() {
    let app = TestApp::new().await;
    let solution = app.solved_bot_check().await;
    let body = json!({ "identifier": EMAIL, "bot_check": solution, "language": "es" }).to_string();
    let requests = (0..20)
        .map(|_| {
            axum::http::Request::post("/api/v1/recovery")
                .header("content-type", "application/json")
                .body(axum::body::Body::from(body.clone()))
                .unwrap()
        })
        .collect();
    let answers = app.all_at_once(requests).await;
    assert_eq!(answers.iter().filter(|(status, _)| *status == StatusCode::CREATED).count(), 1, "{answers:?}");
    assert!(answers
        .iter()
        .all(|(status, body)| *status == StatusCode::CREATED || body["code"] == "bot_check_invalid"));
}

#[tokio::test]
async fn the_password_check_tests_a_password_against_the_account_names_only_for_the_browser_that_verified() {
    let app = app_with_account().await;
    let flow_id = with_code(&app, EMAIL).await;
    let code = app.latest_code_for(EMAIL).await;
    let (status, _) = app.flow_action(&flow_id, "verify", json!({ "code": code })).await;
    assert_eq!(status, StatusCode::OK);
    let check = json!({ "password": "ana tiene una contraseña muy larga", "flow_id": flow_id });
    let names_rule = |body: &serde_json::Value| {
        body["rules"].as_array().unwrap().iter().find(|r| r["rule"] == "no_identity").unwrap()["met"].clone()
    };
    let verified_browser = app
        .send(
            axum::http::Request::post("/api/v1/password/check")
                .header("content-type", "application/json")
                .header("cookie", app.flow_cookie(&flow_id).unwrap())
                .body(axum::body::Body::from(check.to_string()))
                .unwrap(),
        )
        .await;
    let verified_browser = crate::support::body_json(verified_browser).await;
    assert_eq!(names_rule(&verified_browser), json!(false), "it contains the user name: {verified_browser}");
    // Whoever only knows the flow id (the stranger who started it) learns nothing about the names.
    let stranger = crate::support::body_json(app.post("/api/v1/password/check", check).await).await;
    assert_eq!(names_rule(&stranger), json!(true), "{stranger}");
}

/// What the server logs goes to a buffer the test reads.
#[derive(Clone, Default)]
struct LogBuffer(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for LogBuffer {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn the_log_of_a_whole_recovery_names_its_flow_and_account_and_holds_no_secret() {
    // The subscriber of the whole test binary (from now on), not one for this thread: a thread's own
    // subscriber missed events now and then while other tests, on other threads, met the same call
    // sites. Other tests' lines land in the buffer too; this one reads its own flow's.
    static LOG: std::sync::OnceLock<LogBuffer> = std::sync::OnceLock::new();
    let log = LOG
        .get_or_init(|| {
            let log = LogBuffer::default();
            let writer = log.clone();
            let subscriber = tracing_subscriber::fmt()
                .with_max_level(tracing::Level::DEBUG)
                .with_ansi(false)
                // Each span's fields are written when it closes, whether an event happened in it or not.
                .with_span_events(tracing_subscriber::fmt::format::FmtSpan::CLOSE)
                .with_writer(move || writer.clone())
                .finish();
            tracing::subscriber::set_global_default(subscriber).expect("no other test sets one");
            log
        })
        .clone();

    let app = app_with_account().await;
    let flow_id = with_code(&app, EMAIL).await;
    let code = app.latest_code_for(EMAIL).await;
    let (status, _) = app.flow_action(&flow_id, "verify", json!({ "code": wrong_for(&code) })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _) = app.flow_action(&flow_id, "verify", json!({ "code": code })).await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = app.flow_action(&flow_id, "password", json!({ "password": NEW_PASSWORD })).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let signed_in =
        app.post("/api/v1/session", json!({ "identifier": "ana", "password": NEW_PASSWORD })).await;
    assert_eq!(signed_in.status(), StatusCode::OK);
    let session = signed_in.headers()["set-cookie"].to_str().unwrap().split(';').next().unwrap().to_owned();
    drop(signed_in);
    // A span is written when it closes, which may be a moment after its answer (the hash's task ends).
    let logged = || String::from_utf8(log.0.lock().unwrap().clone()).unwrap();
    // This test's sign-in is the one after its flow's password change.
    let after_change = |text: &str| {
        text.find(&format!("set_password{{flow_id={flow_id}"))
            .map(|at| text[at..].to_owned())
            .unwrap_or_default()
    };
    for _ in 0..100 {
        if after_change(&logged()).contains("sign_in{") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let text = logged();
    let account_id =
        app.state.db.find_account(&recupera_api::validation::parse_identifier("ana").unwrap()).await;
    let account_id = account_id.unwrap().unwrap().id;
    for step in ["send_code", "verify", "set_password"] {
        let named = text
            .lines()
            .any(|line| line.contains(&format!("{step}{{flow_id={flow_id} account_id={account_id}}}")));
        let mine: Vec<&str> = text.lines().filter(|line| line.contains(&flow_id)).collect();
        assert!(named, "no {step} span with the flow and the account:\n{}", mine.join("\n"));
    }
    assert!(after_change(&text).contains(&format!("sign_in{{account_id={account_id}}}")), "no sign-in span");
    let cookie = app.flow_cookie(&flow_id).unwrap();
    let cookie_secret = cookie.split('=').nth(1).unwrap();
    let session_token = session.split('=').nth(1).unwrap();
    for (what, secret) in [
        ("the code", code.as_str()),
        ("the code as mailed", &format!("{} {}", &code[..4], &code[4..])),
        ("the new password", NEW_PASSWORD),
        ("the old password", DEMO_PASSWORD),
        ("the flow cookie", cookie_secret),
        ("the session token", session_token),
    ] {
        assert!(!text.contains(secret), "{what} is in the log");
    }
}
