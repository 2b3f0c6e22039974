//! What every server test needs: a real database and a built-looking `dist/` in a temp folder, and
//! the real router on top of them.
//!
//! The database is a SQLite file unless `RECUPERA_TEST_BACKEND=postgres`: then each test gets a new
//! database on the PostgreSQL server of `RECUPERA_TEST_POSTGRES_URL`. `cargo xtask test` runs every
//! test both ways, on a scratch cluster it starts.

pub mod peers;

use std::path::PathBuf;

use axum::{
    body::Body,
    http::{Request, Response},
    Router,
};
use axum::{
    extract::connect_info::MockConnectInfo,
    http::{header, StatusCode},
};
use base64::Engine;
use http_body_util::BodyExt;
use recupera_server::{app, AppState, Config};
use std::net::SocketAddr;
use tempfile::TempDir;
use tower::ServiceExt;

pub const INDEX_HTML: &str = "<!doctype html><html lang=\"en\" dir=\"ltr\"><head>\
<script type=\"module\">import init from '/recupera-0123456789abcdef.js';init();</script>\
</head><body></body></html>";
pub const WASM_FILE: &str = "recupera-0123456789abcdef_bg.wasm";
/// The smallest valid WebAssembly module: magic number and version.
pub const WASM_BYTES: &[u8] = b"\0asm\x01\0\0\0";

pub struct TestApp {
    pub router: Router,
    pub state: AppState,
    /// The browser of these tests: the flow cookie each flow it started or verified gave it.
    /// Shared with this server's replicas (`replica`): one browser, whichever replica answers.
    flow_cookies: std::sync::Arc<std::sync::Mutex<std::collections::HashMap<String, String>>>,
    // Kept alive for the test's duration (and its replicas'): the folder is deleted when all drop.
    _dir: std::sync::Arc<TempDir>,
}

/// Which database a server of these tests stores in: the server's own `Dialect`.
pub use recupera_server::storage::Dialect as Backend;

/// A new, empty database of this run's backend (`RECUPERA_TEST_BACKEND`, SQLite unless it says
/// `postgres`): a file in `folder`, or a database of its own on the tests' PostgreSQL cluster.
pub async fn fresh_database_url(folder: &std::path::Path) -> String {
    match std::env::var("RECUPERA_TEST_BACKEND").as_deref() {
        Ok("sqlite") | Err(_) => format!("sqlite://{}", folder.join("data/recupera.db").display()),
        Ok("postgres") => fresh_postgres_database().await,
        Ok(other) => panic!("RECUPERA_TEST_BACKEND is sqlite or postgres, not {other:?}"),
    }
}

/// The PostgreSQL cluster of the tests (a `postgres://` URL to its maintenance database).
pub fn postgres_cluster_url() -> String {
    std::env::var("RECUPERA_TEST_POSTGRES_URL").expect(
        "RECUPERA_TEST_POSTGRES_URL is not set: these tests need a PostgreSQL server, which `cargo xtask test` starts",
    )
}

/// A new, empty database on the tests' PostgreSQL cluster; its URL.
pub async fn fresh_postgres_database() -> String {
    use sqlx::{Connection, Executor};
    let cluster = postgres_cluster_url();
    let name = format!("recupera_test_{}", rand::random::<u64>());
    let mut admin = sqlx::PgConnection::connect(&cluster).await.unwrap();
    admin.execute(format!("CREATE DATABASE {name}").as_str()).await.unwrap();
    admin.close().await.unwrap();
    let (base, _) = cluster.rsplit_once('/').unwrap();
    format!("{base}/{name}")
}

impl TestApp {
    pub async fn with_config(configure: impl FnOnce(&mut Config)) -> TestApp {
        let dir = tempfile::tempdir().unwrap();
        let dist: PathBuf = dir.path().join("dist");
        std::fs::create_dir_all(&dist).unwrap();
        std::fs::write(dist.join("index.html"), INDEX_HTML).unwrap();
        std::fs::write(dist.join(WASM_FILE), WASM_BYTES).unwrap();
        let database_url = fresh_database_url(dir.path()).await;
        let mut config = Config::for_tests(database_url, dist.clone());
        // Tests run side by side, several servers each at times: a few connections apiece.
        config.database_max_connections = 4;
        configure(&mut config);
        let state = AppState::new(config).await.unwrap();
        let router = app(state.clone()).layer(MockConnectInfo(SocketAddr::from(([203, 0, 113, 7], 40000))));
        TestApp { router, state, flow_cookies: Default::default(), _dir: std::sync::Arc::new(dir) }
    }

    /// Another replica of this server, as a second process would be: its own pools, hasher and
    /// work queues, on the same database, with the same settings and the keys the first one stored
    /// there (dev mode). It answers this test browser, with its flow cookies.
    pub async fn replica(&self) -> TestApp {
        let state = AppState::new((*self.state.config).clone()).await.unwrap();
        let router = app(state.clone()).layer(MockConnectInfo(SocketAddr::from(([203, 0, 113, 7], 40000))));
        TestApp { router, state, flow_cookies: self.flow_cookies.clone(), _dir: self._dir.clone() }
    }

    /// A connection of its own to this server's database, to read (or break) what it stores. Its
    /// SQL is what both backends speak (`$1` parameters).
    pub async fn database(&self) -> sqlx::AnyConnection {
        Self::connect_database(&self.state.config.database_url).await
    }

    /// A connection to the database at `url`, of either backend.
    pub async fn connect_database(url: &str) -> sqlx::AnyConnection {
        use sqlx::Connection;
        sqlx::any::install_default_drivers();
        sqlx::AnyConnection::connect(url).await.unwrap()
    }

    /// The backend this server stores in.
    pub fn backend(&self) -> Backend {
        self.state.db.dialect()
    }

    pub async fn new() -> TestApp {
        Self::with_config(|_| {}).await
    }

    /// Outside dev mode, with the keys production requires.
    pub async fn production() -> TestApp {
        Self::with_config(|c| {
            c.dev = false;
            c.code_key = Some("11".repeat(32));
            c.bot_check_key = Some("22".repeat(32));
        })
        .await
    }

    pub async fn post(&self, uri: &str, body: serde_json::Value) -> Response<Body> {
        let request = Request::post(uri)
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body.to_string()))
            .unwrap();
        self.send(request).await
    }

    /// Creates an account as an operator would (`users add`): no sign-up, no code, no mail. Tests of
    /// sign-up itself go through the API (`start_sign_up`, `sign_up_through_api`).
    pub async fn create_account(&self, username: &str, email: &str, phone: Option<&str>, password: &str) {
        let hash = self.state.hasher.hash(password).await.unwrap();
        let phone = phone.map(|p| recupera_api::validation::normalize_phone(p).unwrap());
        let email = recupera_api::validation::validate_email(email).unwrap();
        let new = recupera_server::storage::accounts::NewAccount {
            username,
            email: &email,
            phone: phone.as_deref(),
            password_hash: &hash,
            language: "es",
        };
        self.state.db.insert_account(new, self.state.clock.now()).await.unwrap().expect("a new account");
    }

    /// `POST /sign-up` with the form's fields and a solved bot check, from this test browser (which
    /// keeps the sign-up cookie it is given): the status and body.
    pub async fn start_sign_up(
        &self,
        username: &str,
        email: &str,
        phone: Option<&str>,
        password: &str,
    ) -> (StatusCode, serde_json::Value) {
        let bot_check = self.solved_bot_check_for("sign_up").await;
        let body = serde_json::json!({
            "username": username, "email": email, "phone": phone, "password": password, "language": "es",
            "bot_check": bot_check,
        });
        let response = self.post("/api/v1/sign-up", body).await;
        let cookie = set_cookie(&response);
        let (status, body) = (response.status(), body_json(response).await);
        if let (Some(cookie), Some(flow_id)) = (cookie, body["flow_id"].as_str()) {
            self.flow_cookies.lock().unwrap().insert(flow_id.to_owned(), cookie);
        }
        (status, body)
    }

    /// `POST /sign-up/{id}/{action}` (`verify`, `code`) from a browser holding `cookie`.
    pub async fn sign_up_action_from(
        &self,
        cookie: Option<&str>,
        flow_id: &str,
        action: &str,
        body: serde_json::Value,
    ) -> (StatusCode, serde_json::Value) {
        let request = post_with_cookie(&format!("/api/v1/sign-up/{flow_id}/{action}"), cookie, &body);
        let response = self.send(request).await;
        (response.status(), body_json(response).await)
    }

    /// The same from this test browser, with the sign-up's cookie.
    pub async fn sign_up_action(
        &self,
        flow_id: &str,
        action: &str,
        body: serde_json::Value,
    ) -> (StatusCode, serde_json::Value) {
        let cookie = self.flow_cookie(flow_id);
        self.sign_up_action_from(cookie.as_deref(), flow_id, action, body).await
    }

    /// Signs up through the API the whole way: the form, the code from the mailbox, the confirmation.
    pub async fn sign_up_through_api(
        &self,
        username: &str,
        email: &str,
        phone: Option<&str>,
        password: &str,
    ) {
        let (status, flow) = self.start_sign_up(username, email, phone, password).await;
        assert_eq!(status, StatusCode::CREATED, "{flow}");
        let code = self.latest_code_for(&recupera_api::validation::validate_email(email).unwrap()).await;
        let flow_id = flow["flow_id"].as_str().unwrap();
        let (status, body) =
            self.sign_up_action(flow_id, "verify", serde_json::json!({ "code": code })).await;
        assert_eq!((status, body["step"].as_str()), (StatusCode::OK, Some("done")), "{body}");
    }

    /// A fresh challenge from the server, solved as the browser would (for a recovery).
    pub async fn solved_bot_check(&self) -> String {
        self.solved_bot_check_for("recovery").await
    }

    /// The same, for `action` (`recovery`, `sign_in`).
    pub async fn solved_bot_check_for(&self, action: &str) -> String {
        let uri = format!("/api/v1/bot-check/challenge?action={action}");
        let challenge: altcha::Challenge =
            serde_json::from_value(body_json(self.get(&uri).await).await).unwrap();
        let solution =
            altcha::solve_challenge(altcha::SolveChallengeOptions::new(&challenge)).unwrap().unwrap();
        let payload = altcha::Payload { challenge, solution };
        base64::engine::general_purpose::STANDARD.encode(serde_json::to_vec(&payload).unwrap())
    }

    /// `POST /recovery` with a solved bot check; returns the status and body. This test browser keeps
    /// the flow cookie it is given.
    pub async fn start_recovery(&self, identifier: &str) -> (StatusCode, serde_json::Value) {
        self.start_recovery_in(identifier, "en").await
    }

    /// `start_recovery` from a wizard shown in `language` (the mail and SMS come in it).
    pub async fn start_recovery_in(
        &self,
        identifier: &str,
        language: &str,
    ) -> (StatusCode, serde_json::Value) {
        let bot_check = self.solved_bot_check().await;
        let body =
            serde_json::json!({ "identifier": identifier, "bot_check": bot_check, "language": language });
        let response = self.post("/api/v1/recovery", body).await;
        let cookie = set_cookie(&response);
        let (status, body) = (response.status(), body_json(response).await);
        if let (Some(cookie), Some(flow_id)) = (cookie, body["flow_id"].as_str()) {
            self.flow_cookies.lock().unwrap().insert(flow_id.to_owned(), cookie);
        }
        (status, body)
    }

    /// The flow cookie (`name=value`) this test browser holds for `flow_id`.
    pub fn flow_cookie(&self, flow_id: &str) -> Option<String> {
        self.flow_cookies.lock().unwrap().get(flow_id).cloned()
    }

    /// `POST /recovery/{flow_id}/{action}` from this test browser, with the flow's cookie.
    pub async fn flow_action(
        &self,
        flow_id: &str,
        action: &str,
        body: serde_json::Value,
    ) -> (StatusCode, serde_json::Value) {
        let cookie = self.flow_cookie(flow_id);
        self.flow_action_from(cookie.as_deref(), flow_id, action, body).await
    }

    /// Starts a recovery of `identifier` and sends a code by `channel` (both must be accepted); the
    /// flow's id.
    pub async fn flow_with_code(&self, identifier: &str, channel: &str) -> String {
        let (status, flow) = self.start_recovery(identifier).await;
        assert_eq!(status, StatusCode::CREATED, "{flow}");
        let flow_id = flow["flow_id"].as_str().unwrap().to_owned();
        let (status, body) =
            self.flow_action(&flow_id, "code", serde_json::json!({ "channel": channel })).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        flow_id
    }

    /// The same from a browser holding `cookie` (`None`: a browser with no flow cookie at all).
    /// A cookie the answer sets replaces this test browser's when it was this browser's.
    pub async fn flow_action_from(
        &self,
        cookie: Option<&str>,
        flow_id: &str,
        action: &str,
        body: serde_json::Value,
    ) -> (StatusCode, serde_json::Value) {
        let request = flow_request(cookie, flow_id, action, &body);
        let response = self.send(request).await;
        if let Some(new) = set_cookie(&response) {
            let mut cookies = self.flow_cookies.lock().unwrap();
            if cookies.get(flow_id).map(String::as_str) == cookie {
                cookies.insert(flow_id.to_owned(), new);
            }
        }
        let status = response.status();
        (status, body_json(response).await)
    }

    /// `GET /recovery/{flow_id}` from this test browser.
    pub async fn read_flow(&self, flow_id: &str) -> (StatusCode, serde_json::Value) {
        let mut request = Request::get(format!("/api/v1/recovery/{flow_id}"));
        if let Some(cookie) = self.flow_cookie(flow_id) {
            request = request.header(header::COOKIE, cookie);
        }
        let response = self.send(request.body(Body::empty()).unwrap()).await;
        (response.status(), body_json(response).await)
    }

    /// Sends every request at once, each from a task of its own (run the test on a multi-threaded
    /// runtime): the answers' statuses and bodies, in the requests' order.
    pub async fn all_at_once(&self, requests: Vec<Request<Body>>) -> Vec<(StatusCode, serde_json::Value)> {
        all_at_once_across(&[self], requests).await
    }
}

/// `TestApp::all_at_once`, the requests dealt in turn to `replicas`.
pub async fn all_at_once_across(
    replicas: &[&TestApp],
    requests: Vec<Request<Body>>,
) -> Vec<(StatusCode, serde_json::Value)> {
    {
        let barrier = std::sync::Arc::new(tokio::sync::Barrier::new(requests.len()));
        let tasks: Vec<_> = requests
            .into_iter()
            .enumerate()
            .map(|(i, request)| {
                let (router, barrier) = (replicas[i % replicas.len()].router.clone(), barrier.clone());
                tokio::spawn(async move {
                    barrier.wait().await;
                    let response = router.oneshot(request).await.unwrap();
                    let status = response.status();
                    let bytes = body_bytes(response).await;
                    (status, serde_json::from_slice(&bytes).unwrap_or(serde_json::Value::Null))
                })
            })
            .collect();
        let mut answers = Vec::new();
        for task in tasks {
            answers.push(task.await.unwrap());
        }
        answers
    }
}

impl TestApp {
    /// `POST /session` with a password and, when given, a solved bot check; the status and body.
    pub async fn sign_in_with(
        &self,
        identifier: &str,
        password: &str,
        bot_check: Option<&str>,
    ) -> (StatusCode, serde_json::Value) {
        let mut body = serde_json::json!({ "identifier": identifier, "password": password });
        if let Some(bot_check) = bot_check {
            body["bot_check"] = bot_check.into();
        }
        let response = self.post("/api/v1/session", body).await;
        (response.status(), body_json(response).await)
    }

    /// Signs in with `identifier` and `password`: the session cookie's `name=value`.
    pub async fn sign_in_cookie(&self, identifier: &str, password: &str) -> String {
        let response = self
            .post("/api/v1/session", serde_json::json!({ "identifier": identifier, "password": password }))
            .await;
        assert_eq!(response.status(), StatusCode::OK, "sign-in of {identifier}");
        set_cookie(&response).expect("a session cookie")
    }

    /// `GET /session` from a browser holding `cookie`: the account's view, or null.
    pub async fn session_view(&self, cookie: &str) -> serde_json::Value {
        let request =
            Request::get("/api/v1/session").header(header::COOKIE, cookie).body(Body::empty()).unwrap();
        body_json(self.send(request).await).await
    }

    /// Every message the outbox holds, newest first, as the dev mailbox lists them.
    pub async fn mailbox(&self) -> Vec<serde_json::Value> {
        body_json(self.get("/api/v1/dev/mailbox").await).await.as_array().unwrap().clone()
    }

    /// The code in the newest message to `to`: "1234 5678" → "12345678".
    pub async fn latest_code_for(&self, to: &str) -> String {
        let messages = self.mailbox().await;
        let message = messages.iter().find(|m| m["to"] == to).unwrap_or_else(|| panic!("no message to {to}"));
        code_in(message["body"].as_str().unwrap()).unwrap_or_else(|| panic!("no code in {message}"))
    }

    pub async fn send(&self, request: Request<Body>) -> Response<Body> {
        self.router.clone().oneshot(request).await.unwrap()
    }

    pub async fn get(&self, uri: &str) -> Response<Body> {
        self.send(Request::get(uri).body(Body::empty()).unwrap()).await
    }
}

/// `POST /api/v1/recovery/{flow_id}/{action}` with `body`, from a browser holding `cookie`.
pub fn flow_request(
    cookie: Option<&str>,
    flow_id: &str,
    action: &str,
    body: &serde_json::Value,
) -> Request<Body> {
    post_with_cookie(&format!("/api/v1/recovery/{flow_id}/{action}"), cookie, body)
}

/// `POST uri` with a JSON `body`, from a browser holding `cookie` (`name=value`), if any.
pub fn post_with_cookie(uri: &str, cookie: Option<&str>, body: &serde_json::Value) -> Request<Body> {
    let mut request = Request::post(uri).header(header::CONTENT_TYPE, "application/json");
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    request.body(Body::from(body.to_string())).unwrap()
}

/// The answers to many wrong codes sent at once to one flow: exactly five were judged (the flow's
/// budget), and every other one found the flow ended by them.
pub fn assert_five_judged_then_exhausted(answers: &[(StatusCode, serde_json::Value)]) {
    let judged = answers.iter().filter(|(_, body)| body["code"] == "code_invalid").count();
    assert_eq!(judged, 5, "{answers:?}");
    assert!(
        answers.iter().all(|(status, body)| body["code"] == "code_invalid"
            || (*status == StatusCode::GONE && body["code"] == "flow_attempts_exhausted")),
        "{answers:?}"
    );
}

/// The `name=value` of the cookie an answer sets, if it sets one.
pub fn set_cookie(response: &Response<Body>) -> Option<String> {
    let value = response.headers().get(header::SET_COOKIE)?.to_str().ok()?;
    Some(value.split(';').next()?.to_owned())
}

pub async fn body_bytes(response: Response<Body>) -> Vec<u8> {
    response.into_body().collect().await.unwrap().to_bytes().to_vec()
}

pub async fn body_json(response: Response<Body>) -> serde_json::Value {
    serde_json::from_slice(&body_bytes(response).await).unwrap()
}

/// The first "dddd dddd" in a text, without its space.
pub fn code_in(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    chars.windows(9).find_map(|w| {
        let digits = |s: &[char]| s.iter().all(|c| c.is_ascii_digit());
        (digits(&w[..4]) && w[4] == ' ' && digits(&w[5..])).then(|| w.iter().filter(|c| **c != ' ').collect())
    })
}

pub const DEMO_PASSWORD: &str = "Contraseña-Olvidada-2026";

/// Ana, the account most recovery tests recover.
pub mod ana {
    pub const EMAIL: &str = "ana@correo.test";
    pub const PHONE: &str = "+34600000002";
    /// A password the policy accepts, to recover Ana's account with.
    pub const NEW_PASSWORD: &str = "otra contraseña muy larga 2026";

    /// A test server where Ana has signed up (user name `ana`, email and phone).
    pub async fn app() -> super::TestApp {
        app_with(|_| {}).await
    }

    /// The same, on a server configured by `configure`.
    pub async fn app_with(configure: impl FnOnce(&mut super::Config)) -> super::TestApp {
        let app = super::TestApp::with_config(configure).await;
        app.create_account("ana", EMAIL, Some(PHONE), super::DEMO_PASSWORD).await;
        app
    }

    /// Recovers Ana's account by email, to `new_password`; returns it.
    pub async fn recover(app: &super::TestApp, new_password: &str) -> String {
        let (_, flow) = app.start_recovery(EMAIL).await;
        let flow_id = flow["flow_id"].as_str().expect("a flow").to_owned();
        app.flow_action(&flow_id, "code", serde_json::json!({ "channel": "email" })).await;
        let code = app.latest_code_for(EMAIL).await;
        app.flow_action(&flow_id, "verify", serde_json::json!({ "code": code })).await;
        let (status, body) =
            app.flow_action(&flow_id, "password", serde_json::json!({ "password": new_password })).await;
        assert_eq!(status, axum::http::StatusCode::OK, "{body}");
        new_password.to_owned()
    }
}
