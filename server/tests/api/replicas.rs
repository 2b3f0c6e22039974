//! Several replicas of the server on one database, as an operator runs them behind a load balancer:
//! each a `TestApp::replica`, with pools, hasher and queues of its own. Every rule is decided in the
//! database, so it holds whichever replica answers. On PostgreSQL (`RECUPERA_TEST_BACKEND=postgres`)
//! the replicas share the database server; on SQLite, the file, as processes on one machine would.

use axum::http::StatusCode;
use serde_json::json;

use crate::support::{
    all_at_once_across,
    ana::{app as app_with_account, EMAIL, NEW_PASSWORD},
    flow_request, Backend, TestApp, DEMO_PASSWORD,
};
use recupera_server::storage::write::NewMessage;

async fn three_replicas() -> (TestApp, TestApp, TestApp) {
    let first = app_with_account().await;
    let (second, third) = (first.replica().await, first.replica().await);
    (first, second, third)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_recovery_taken_step_by_step_by_three_replicas_changes_the_password() {
    let (first, second, third) = three_replicas().await;
    let (status, flow) = first.start_recovery(EMAIL).await;
    assert_eq!(status, StatusCode::CREATED, "{flow}");
    let flow_id = flow["flow_id"].as_str().unwrap();
    let (status, body) = second.flow_action(flow_id, "code", json!({ "channel": "email" })).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // The code was made with the key the first replica stored (dev mode), and is checked by another.
    let code = third.latest_code_for(EMAIL).await;
    let (status, body) = third.flow_action(flow_id, "verify", json!({ "code": code })).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = first.flow_action(flow_id, "password", json!({ "password": NEW_PASSWORD })).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(second.sign_in_with(EMAIL, NEW_PASSWORD, None).await.0, StatusCode::OK);
    assert_eq!(third.sign_in_with(EMAIL, DEMO_PASSWORD, None).await.0, StatusCode::UNAUTHORIZED);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_wrong_codes_spread_across_three_replicas_are_judged_five_times_and_end_the_flow() {
    let (first, second, third) = three_replicas().await;
    let flow_id = first.flow_with_code(EMAIL, "email").await;
    let code = first.latest_code_for(EMAIL).await;
    let wrong = if code == "00000000" { "11111111" } else { "00000000" };
    let cookie = first.flow_cookie(&flow_id).unwrap();
    let requests =
        (0..50).map(|_| flow_request(Some(&cookie), &flow_id, "verify", &json!({ "code": wrong }))).collect();
    let answers = all_at_once_across(&[&first, &second, &third], requests).await;
    let judged = answers.iter().filter(|(_, body)| body["code"] == "code_invalid").count();
    assert_eq!(judged, 5, "{answers:?}");
    assert!(
        answers.iter().all(|(status, body)| body["code"] == "code_invalid"
            || (*status == StatusCode::GONE && body["code"] == "flow_attempts_exhausted")),
        "{answers:?}"
    );
    for replica in [&first, &second, &third] {
        let (status, body) = replica.flow_action(&flow_id, "verify", json!({ "code": code })).await;
        assert_eq!((status, &body["code"]), (StatusCode::GONE, &json!("flow_attempts_exhausted")));
    }
    let mut db = first.database().await;
    let counted: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM code_failures").fetch_one(&mut db).await.unwrap();
    assert_eq!(counted, 5, "the budgets across flows counted exactly the judged ones");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_solved_bot_check_sent_to_three_replicas_at_once_starts_one_recovery() {
    let (first, second, third) = three_replicas().await;
    let bot_check = second.solved_bot_check().await;
    let body = json!({ "identifier": EMAIL, "bot_check": bot_check, "language": "es" });
    let requests = (0..9)
        .map(|_| {
            axum::http::Request::post("/api/v1/recovery")
                .header("content-type", "application/json")
                .body(axum::body::Body::from(body.to_string()))
                .unwrap()
        })
        .collect();
    let answers = all_at_once_across(&[&first, &second, &third], requests).await;
    let started = answers.iter().filter(|(status, _)| *status == StatusCode::CREATED).count();
    assert_eq!(started, 1, "{answers:?}");
    assert!(
        answers
            .iter()
            .all(|(status, body)| *status == StatusCode::CREATED || body["code"] == "bot_check_invalid"),
        "{answers:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn outbox_workers_of_three_replicas_racing_claim_each_message_once_and_a_lost_lease_frees_it() {
    let (first, second, third) = three_replicas().await;
    let now = first.state.clock.now();
    for i in 0..150 {
        let message = NewMessage {
            channel: "email",
            recipient: &format!("persona{i}@correo.test"),
            language: "es",
            template: "password-changed",
            args: json!({}),
            expires_at: None,
        };
        first.state.db.enqueue_message(&first.state.secrets.outbox_key, message, now).await.unwrap();
    }
    // Two workers a replica, each claiming until nothing is due, all at once.
    let barrier = std::sync::Arc::new(tokio::sync::Barrier::new(6));
    let workers: Vec<_> = [&first, &second, &third, &first, &second, &third]
        .into_iter()
        .map(|replica| {
            let (db, barrier) = (replica.state.db.clone(), barrier.clone());
            tokio::spawn(async move {
                barrier.wait().await;
                let mut claimed = Vec::new();
                while let Some(message) = db.claim_due_message(now, now + 60).await.unwrap() {
                    claimed.push(message.id);
                }
                claimed
            })
        })
        .collect();
    let mut claimed = Vec::new();
    for worker in workers {
        claimed.extend(worker.await.unwrap());
    }
    let total = claimed.len();
    claimed.sort_unstable();
    claimed.dedup();
    assert_eq!((total, claimed.len()), (150, 150), "every message claimed, none twice");

    // The replicas holding them are killed before sending: nothing is due while their leases last,
    // then another replica takes every one of them again.
    assert!(third.state.db.claim_due_message(now + 59, now + 120).await.unwrap().is_none());
    let mut again = 0;
    while third.state.db.claim_due_message(now + 61, now + 120).await.unwrap().is_some() {
        again += 1;
    }
    assert_eq!(again, 150);
}

#[tokio::test]
async fn cleanup_runs_on_one_replica_at_a_time() {
    let (first, second, _third) = three_replicas().await;
    let now = first.state.clock.now();
    if first.backend() == Backend::Sqlite {
        // One file, one writer at a time anyway: every replica's cleanup runs.
        assert!(second.state.db.clean_up(now).await.unwrap().is_some());
        return;
    }
    // Another replica is cleaning up: it holds the cleanup's lock.
    let mut db = first.database().await;
    let lock = recupera_server::storage::cleanup::CLEANUP_LOCK;
    sqlx::query("SELECT pg_advisory_lock($1)").bind(lock).execute(&mut db).await.unwrap();
    assert!(second.state.db.clean_up(now).await.unwrap().is_none(), "left to the replica at it");
    sqlx::query("SELECT pg_advisory_unlock($1)").bind(lock).execute(&mut db).await.unwrap();
    assert!(second.state.db.clean_up(now).await.unwrap().is_some());
}
