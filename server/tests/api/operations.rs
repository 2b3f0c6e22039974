//! The operator's commands and the cleanup that keeps tables from growing without end.

use crate::support::{Backend, TestApp, DEMO_PASSWORD};
use recupera_api::password::PasswordPolicy;
use recupera_server::storage::{audit::AuditEvent, write::Actor};
use recupera_server::{
    operations::{add_user, NewUser},
    storage::LOG_PAGES_BEFORE_RESTART,
};
use serde_json::json;

#[tokio::test]
async fn user_add_creates_an_account_that_signs_in_and_refuses_bad_input() {
    let app = TestApp::new().await;
    let (db, hasher, policy, now) =
        (&app.state.db, &app.state.hasher, PasswordPolicy::recommended(), app.state.clock.now());
    let user = NewUser {
        username: "ops",
        email: "ops@correo.test",
        phone: Some("+34 600 111 222"),
        language: "en",
        password: DEMO_PASSWORD,
    };
    add_user(db, hasher, &policy, user, now).await.unwrap();
    let response =
        app.post("/api/v1/session", json!({ "identifier": "+34600111222", "password": DEMO_PASSWORD })).await;
    assert_eq!(response.status(), axum::http::StatusCode::OK);

    let weak = NewUser {
        username: "ops2",
        email: "ops2@correo.test",
        phone: None,
        language: "es",
        password: "passwordpassword",
    };
    let error = add_user(db, hasher, &policy, weak, now).await.unwrap_err();
    assert_eq!(error.to_string(), "password: password_common");
    let taken = NewUser {
        username: "OPS",
        email: "x@correo.test",
        phone: None,
        language: "es",
        password: DEMO_PASSWORD,
    };
    assert!(add_user(db, hasher, &policy, taken, now).await.unwrap_err().to_string().contains("Username"));
}

#[tokio::test]
async fn cleanup_removes_what_can_no_longer_matter_and_keeps_the_rest() {
    let app = TestApp::new().await;
    app.create_account("ana", "ana@correo.test", None, DEMO_PASSWORD).await;
    app.post("/api/v1/session", json!({ "identifier": "ana", "password": DEMO_PASSWORD })).await;
    let (_, flow) = app.start_recovery("ana").await;
    let flow_id = flow["flow_id"].as_str().unwrap();
    app.flow_action(flow_id, "code", json!({ "channel": "email" })).await;
    app.flow_action(flow_id, "verify", json!({ "code": "00000000" })).await;

    let nothing_yet =
        app.state.db.clean_up(app.state.clock.now()).await.unwrap().expect("no other replica cleans up");
    assert_eq!(nothing_yet, Default::default(), "everything is still live");

    // Eight days later: the session, the flow, the failure and the used challenge are all stale.
    app.state.clock.advance(8 * 24 * 3600);
    let removed =
        app.state.db.clean_up(app.state.clock.now()).await.unwrap().expect("no other replica cleans up");
    assert_eq!((removed.sessions, removed.flows, removed.code_failures, removed.bot_checks), (1, 1, 1, 1));
    assert_eq!(
        removed.cap_events, 4,
        "the start, and the send's three caps (identifier, recipient, account)"
    );
    // The code message was never delivered and its code is dead: it goes too, undelivered.
    assert_eq!(removed.messages, 1);
    assert_eq!(app.mailbox().await.len(), 0);
}

#[tokio::test]
async fn requests_leave_the_log_to_the_background_checkpoint_which_copies_it_all_back() {
    let app = TestApp::new().await;
    if app.backend() == Backend::Postgres {
        // PostgreSQL keeps its own log and checkpoints it itself: this server runs none there.
        assert_eq!(app.state.db.checkpoint(0).await.unwrap(), (0, 0));
        return;
    }
    // Rows of about 2 KB: well past SQLite's own threshold (1 000 pages of 4 KB), at which a write
    // would otherwise stop to copy the log back itself.
    let user_agent = "x".repeat(2_000);
    let actor = Actor { ip: "198.51.100.1", user_agent: &user_agent };
    for i in 0..2_500 {
        app.state.db.audit(AuditEvent::SignInFailed, None, None, actor, i).await.unwrap();
    }
    let (log, copied) = app.state.db.checkpoint(LOG_PAGES_BEFORE_RESTART).await.unwrap();
    assert!(log > 2_000, "the log was copied back during the writes: {log} pages left in it");
    assert_eq!(copied, log, "a passive checkpoint with no reader in the way copies every page");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_log_written_without_a_pause_starts_over_once_past_its_bound() {
    let app = TestApp::new().await;
    let db = app.state.db.clone();
    // Every 100 writes (about 300 pages, as the server's every second is under its load) the writer
    // hands the checkpointer a turn and goes on writing while it runs: paced by the writes, not the
    // clock, so a busy machine (the other tests) cannot let the writes run ahead of every checkpoint.
    let (turns, mut turn) = tokio::sync::mpsc::channel::<tokio::sync::oneshot::Sender<()>>(1);
    let writes = tokio::spawn(async move {
        let user_agent = "x".repeat(2_000);
        let actor = Actor { ip: "198.51.100.1", user_agent: &user_agent };
        for i in 0..3_000 {
            if i % 100 == 99 {
                let (started, has_started) = tokio::sync::oneshot::channel();
                turns.send(started).await.unwrap();
                has_started.await.unwrap();
            }
            db.audit(AuditEvent::SignInFailed, None, None, actor, i).await.unwrap();
        }
    });
    let bound = 1_000;
    let (mut checkpoints, mut largest) = (0, 0);
    while let Some(started) = turn.recv().await {
        started.send(()).unwrap();
        let (log, _) = app.state.db.checkpoint(bound).await.unwrap();
        largest = largest.max(log);
        checkpoints += 1;
    }
    writes.await.unwrap();
    let (log, _) = app.state.db.checkpoint(bound).await.unwrap();
    assert!(checkpoints >= 3, "the writes outlasted only {checkpoints} checkpoints");
    // Over 6 000 pages were written: a log that started over holds only the last ones.
    assert!(largest < 4 * bound, "the log grew to {largest} pages with a bound of {bound}");
    assert!(log < 4 * bound, "{log} pages in the log after {checkpoints} checkpoints: it never started over");
}

#[test]
fn serve_and_migrate_refuse_a_database_url_they_cannot_use_and_name_it_without_its_password() {
    let folder = tempfile::tempdir().unwrap();
    let (migrate, serve) = (&["migrate"][..], &["serve", "--dev", "--bind", "127.0.0.1:0"][..]);
    let postgres = "postgres://recupera:s3cret@127.0.0.1:9/recupera";
    let unknown_kind = "sqlit://data/recupera.db";
    for (command, url, said) in [
        // Nothing listens on port 9: both say they cannot reach it, and neither falls back to a file.
        (migrate, postgres, "cannot reach the database \"postgres://recupera:***@127.0.0.1:9/recupera\""),
        (serve, postgres, "cannot reach the database \"postgres://recupera:***@127.0.0.1:9/recupera\""),
        (migrate, unknown_kind, "\"sqlit://data/recupera.db\" is of a kind this server does not know"),
        (serve, unknown_kind, "\"sqlit://data/recupera.db\" is of a kind this server does not know"),
    ] {
        {
            let output = std::process::Command::new(env!("CARGO_BIN_EXE_recupera-server"))
                .args(command)
                .args(["--database-url", url])
                .current_dir(folder.path())
                .env_remove("RECUPERA_DATABASE_URL")
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert_eq!(output.status.code(), Some(1), "{command:?} {url}: {stderr}");
            assert!(stderr.contains(said) && !stderr.contains("s3cret"), "{command:?} {url}: {stderr}");
        }
    }
    let left: Vec<_> = std::fs::read_dir(folder.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert!(left.is_empty(), "nothing was created in the working folder: {left:?}");
}

#[test]
fn the_settings_file_is_read_and_the_environment_and_flags_win_over_it() {
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("recupera.toml");
    std::fs::write(&file, "database_url = \"sqlit://from-the-file.db\"\n").unwrap();
    let migrate = |env: Option<&str>, flag: Option<&str>| {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_recupera-server"));
        command.args(["migrate", "--config"]).arg(&file).current_dir(folder.path());
        match env {
            Some(url) => command.env("RECUPERA_DATABASE_URL", url),
            None => command.env_remove("RECUPERA_DATABASE_URL"),
        };
        if let Some(url) = flag {
            command.args(["--database-url", url]);
        }
        let output = command.output().unwrap();
        (output.status.code(), String::from_utf8_lossy(&output.stderr).into_owned())
    };
    let (status, stderr) = migrate(None, None);
    assert!(status == Some(1) && stderr.contains("sqlit://from-the-file.db"), "{stderr}");
    let (status, stderr) = migrate(Some("sqlit://from-the-environment.db"), None);
    assert!(status == Some(1) && stderr.contains("sqlit://from-the-environment.db"), "{stderr}");
    let (status, stderr) =
        migrate(Some("sqlit://from-the-environment.db"), Some("sqlite://from-the-flag.db"));
    assert_eq!(status, Some(0), "{stderr}");
    assert!(folder.path().join("from-the-flag.db").exists(), "the flag's database was made");

    std::fs::write(&file, "databse_url = \"sqlite://x.db\"\n").unwrap();
    let (status, stderr) = migrate(None, None);
    assert!(status == Some(1) && stderr.contains("unknown setting \"databse_url\""), "{stderr}");
}
