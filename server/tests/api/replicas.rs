//! Several replicas of the server on one database, as an operator runs them behind a load balancer:
//! each a `TestApp::replica`, with pools, hasher and queues of its own. Every rule is decided in the
//! database, so it holds whichever replica answers. On PostgreSQL (`RECUPERA_TEST_BACKEND=postgres`)
//! the replicas share the database server; on SQLite, the file, as processes on one machine would.

use axum::http::StatusCode;
use serde_json::json;
use sqlx::Connection;

use crate::support::{
    all_at_once_across,
    ana::{app as app_with_account, EMAIL, NEW_PASSWORD},
    assert_five_judged_then_exhausted, flow_request, post_with_cookie, Backend, TestApp, DEMO_PASSWORD,
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
    assert_five_judged_then_exhausted(&answers);
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
    let requests = (0..9).map(|_| post_with_cookie("/api/v1/recovery", None, &body)).collect();
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

#[tokio::test]
async fn health_says_503_while_the_database_cannot_be_reached_and_200_once_it_can() {
    let app = TestApp::new().await;
    assert_eq!(app.get("/api/v1/health").await.status(), StatusCode::OK);
    if app.backend() == Backend::Sqlite {
        // A file on this machine: nothing stands between the server and it.
        return;
    }
    // The database refuses new connections and drops the server's open ones (a failover, say).
    let name: String = {
        let mut db = app.database().await;
        sqlx::query_scalar("SELECT current_database()::text").fetch_one(&mut db).await.unwrap()
    };
    let mut admin = sqlx::PgConnection::connect(&crate::support::postgres_cluster_url()).await.unwrap();
    let refuse = format!("ALTER DATABASE {name} ALLOW_CONNECTIONS false");
    sqlx::query(&refuse).execute(&mut admin).await.unwrap();
    sqlx::query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1")
        .bind(&name)
        .execute(&mut admin)
        .await
        .unwrap();
    let started = std::time::Instant::now();
    let response = app.get("/api/v1/health").await;
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(crate::support::body_json(response).await["database"], "unavailable");
    assert!(started.elapsed() < std::time::Duration::from_secs(5), "{:?}", started.elapsed());

    let allow = format!("ALTER DATABASE {name} ALLOW_CONNECTIONS true");
    sqlx::query(&allow).execute(&mut admin).await.unwrap();
    let mut healthy = false;
    for _ in 0..50 {
        if app.get("/api/v1/health").await.status() == StatusCode::OK {
            healthy = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(healthy, "the replica is healthy again once the database is back");
}

/// A `recupera-server serve --dev` process of its own on `database_url`, mailing through `smtp`.
struct ReplicaProcess {
    child: std::process::Child,
    port: u16,
}

impl ReplicaProcess {
    fn start(database_url: &str, dist: &std::path::Path, smtp: std::net::SocketAddr) -> ReplicaProcess {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let child = std::process::Command::new(env!("CARGO_BIN_EXE_recupera-server"))
            .args(["serve", "--dev", "--bind", &format!("127.0.0.1:{port}"), "--database-url", database_url])
            .env_remove("RECUPERA_DATABASE_URL")
            .env("RECUPERA_DIST_DIR", dist)
            .env("RECUPERA_LOG", "error")
            .envs([
                ("RECUPERA_SMTP_HOST", "127.0.0.1".to_owned()),
                ("RECUPERA_SMTP_PORT", smtp.port().to_string()),
                ("RECUPERA_SMTP_TLS", "none".to_owned()),
                ("RECUPERA_OUTBOX_LEASE_S", "2".to_owned()),
                ("RECUPERA_BOT_CHECK_COST", "1".to_owned()),
                ("RECUPERA_BOT_CHECK_PREFIX", "0".to_owned()),
            ])
            .envs(
                [
                    "RECUPERA_SENDS_PER_IDENTIFIER_DAY",
                    "RECUPERA_MESSAGES_PER_RECIPIENT_DAY",
                    "RECUPERA_MESSAGES_PER_ACCOUNT_DAY",
                    "RECUPERA_RECOVERIES_PER_IP_HOUR",
                ]
                .map(|name| (name, "1000000")),
            )
            .spawn()
            .unwrap();
        let replica = ReplicaProcess { child, port };
        for _ in 0..300 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return replica;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        panic!("the replica on port {port} did not start");
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

impl Drop for ReplicaProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `POST url` with a JSON body and maybe a cookie: the status, the cookie set, the body; `None` when
/// no answer came (the replica is gone).
async fn post(
    client: &reqwest::Client,
    url: String,
    body: serde_json::Value,
    cookie: Option<&str>,
) -> Option<(u16, Option<String>, serde_json::Value)> {
    let mut request = client.post(url).header("content-type", "application/json").body(body.to_string());
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    let response = request.send().await.ok()?;
    let status = response.status().as_u16();
    let cookie = response
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .map(|v| v.split(';').next().unwrap().to_owned());
    let body = serde_json::from_str(&response.text().await.ok()?).unwrap_or_default();
    Some((status, cookie, body))
}

/// A solved bot check from the replica at `base`.
async fn solved_bot_check(client: &reqwest::Client, base: String) -> Option<String> {
    use base64::Engine;
    let text = client.get(base).send().await.ok()?.text().await.ok()?;
    let challenge: altcha::Challenge = serde_json::from_str(&text).ok()?;
    let solution = altcha::solve_challenge(altcha::SolveChallengeOptions::new(&challenge)).unwrap().unwrap();
    let payload = altcha::Payload { challenge, solution };
    Some(base64::engine::general_purpose::STANDARD.encode(serde_json::to_vec(&payload).unwrap()))
}

/// Three server processes on one database, under a load of recoveries (each started on one replica,
/// its code asked for on the next), and one of them killed with SIGKILL halfway: every recovery
/// whose start was answered is there, every code whose send was answered is queued once and mailed
/// by the replicas left (the dead one's claims freed after their lease), and none is mailed twice
/// but for one the dead replica may have been sending as it died.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_replica_killed_during_a_load_loses_no_answered_recovery_and_no_queued_code() {
    let smtp = crate::support::peers::SmtpSink::start().await;
    let folder = tempfile::tempdir().unwrap();
    let database_url = crate::support::fresh_database_url(folder.path()).await;
    std::fs::write(folder.path().join("index.html"), crate::support::INDEX_HTML).unwrap();
    // The first creates the schema, the keys (dev mode) and the demo account; the others find them.
    let mut replicas = vec![ReplicaProcess::start(&database_url, folder.path(), smtp.address)];
    std::thread::sleep(std::time::Duration::from_millis(500));
    replicas.push(ReplicaProcess::start(&database_url, folder.path(), smtp.address));
    replicas.push(ReplicaProcess::start(&database_url, folder.path(), smtp.address));
    let bases: Vec<String> = replicas.iter().map(|replica| replica.url("")).collect();
    let client = reqwest::Client::new();

    let recoveries = 90;
    let (answered_flows, answered_sends) = {
        let tasks: Vec<_> = (0..recoveries)
            .map(|i| {
                let (client, bases) = (client.clone(), bases.clone());
                tokio::spawn(async move {
                    // Spread over the load: about a third of it comes after the kill.
                    tokio::time::sleep(std::time::Duration::from_millis(20 * i as u64)).await;
                    let (first, next) = (&bases[i % 3], &bases[(i + 1) % 3]);
                    let challenge = format!("{first}/api/v1/bot-check/challenge?action=recovery");
                    let bot_check = solved_bot_check(&client, challenge).await?;
                    let start = json!({ "identifier": "demo@recupera.test", "bot_check": bot_check, "language": "es" });
                    let (status, cookie, flow) = post(&client, format!("{first}/api/v1/recovery"), start, None).await?;
                    assert_eq!(status, 201, "{flow}");
                    let flow_id = flow["flow_id"].as_str().unwrap().to_owned();
                    let send = format!("{next}/api/v1/recovery/{flow_id}/code");
                    let sent = post(&client, send, json!({ "channel": "email" }), cookie.as_deref()).await;
                    Some((flow_id, sent.map(|(status, _, body)| (status, body))))
                })
            })
            .collect();
        tokio::time::sleep(std::time::Duration::from_millis(20 * recoveries as u64 * 2 / 3)).await;
        // SIGKILL: no shutdown, no cleanup, its claims and requests cut where they stand.
        replicas[2].child.kill().unwrap();
        replicas[2].child.wait().unwrap();
        let (mut flows, mut sends) = (Vec::new(), 0);
        for task in tasks {
            if let Some((flow_id, sent)) = task.await.unwrap() {
                flows.push(flow_id);
                match sent {
                    Some((200, _)) => sends += 1,
                    Some((status, body)) => panic!("a send answered {status}: {body}"),
                    None => {}
                }
            }
        }
        (flows, sends)
    };
    assert!(
        answered_flows.len() >= recoveries / 2,
        "most recoveries were answered: {}",
        answered_flows.len()
    );
    assert!(answered_sends < answered_flows.len(), "some sends went to the killed replica");

    let mut db = crate::support::TestApp::connect_database(&database_url).await;
    for flow_id in &answered_flows {
        let found: Option<String> = sqlx::query_scalar("SELECT id FROM recovery_flows WHERE id = $1")
            .bind(flow_id)
            .fetch_optional(&mut db)
            .await
            .unwrap();
        assert!(found.is_some(), "the answered recovery {flow_id} is stored");
    }
    let queued: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE template = 'recovery-code'")
        .fetch_one(&mut db)
        .await
        .unwrap();
    // A send the killed replica committed but could not answer is queued too: at most one per
    // request it had in flight.
    assert!(
        queued >= answered_sends as i64 && queued <= answered_sends as i64 + 30,
        "{queued} for {answered_sends}"
    );

    // The replicas left mail every queued code, the dead one's claims once their lease is over.
    let mut unsent = i64::MAX;
    for _ in 0..150 {
        unsent = sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL")
            .fetch_one(&mut db)
            .await
            .unwrap();
        if unsent == 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(unsent, 0, "every queued message was delivered");
    // Delivery is at least once: a worker killed after the mail server took a message but before
    // it was marked sent leaves it to be sent again after its lease (each worker sends one at a
    // time). Under this load that happens in most runs: one code mailed twice, under one Message-ID,
    // which mail programs show once.
    let message_ids: std::collections::BTreeSet<String> = smtp
        .received
        .lock()
        .unwrap()
        .iter()
        .filter_map(|mail| {
            let line = mail.data.lines().find(|line| line.to_ascii_lowercase().starts_with("message-id:"))?;
            Some(line.split_once(':').unwrap().1.trim().to_owned())
        })
        .collect();
    assert_eq!(message_ids.len() as i64, queued, "one Message-ID per queued code");
    let mailed = smtp
        .received
        .lock()
        .unwrap()
        .iter()
        .filter(|mail| mail.to.iter().any(|to| to.contains("demo@recupera.test")))
        .count() as i64;
    eprintln!(
        "{} answered recoveries, {answered_sends} answered sends, {queued} queued, {mailed} mailed",
        answered_flows.len()
    );
    assert!(mailed >= queued && mailed <= queued + 1, "{mailed} mails for {queued} queued codes");
}
