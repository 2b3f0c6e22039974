//! The HTTP surface every later feature relies on: health, the app's files, deep links, JSON errors,
//! caching and security headers.

use crate::support::{body_bytes, body_json, TestApp, INDEX_HTML, WASM_BYTES, WASM_FILE};
use axum::{
    body::Body,
    http::{header, Request, StatusCode},
};

#[tokio::test]
async fn health_answers_json_with_the_database_status() {
    let app = TestApp::new().await;
    let response = app.get("/api/v1/health").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[header::CONTENT_TYPE], "application/json");
    let body = body_json(response).await;
    assert_eq!(body["status"], "ok");
    assert_eq!(body["database"], "ok");
    assert_eq!(body["version"], env!("CARGO_PKG_VERSION"));
}

#[tokio::test]
async fn config_tells_the_app_this_servers_password_policy_dev_mode_and_mail_languages() {
    let app = TestApp::with_config(|config| config.policy.password_min_length = 20).await;
    let response = app.get("/api/v1/config").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        body_json(response).await,
        serde_json::json!({
            "password_policy": { "min_length": 20, "max_length": 256 },
            "dev_mode": true,
            "languages": language_folders(),
        })
    );
    let production = TestApp::production().await;
    let body = body_json(production.get("/api/v1/config").await).await;
    assert_eq!(body["dev_mode"], false);
    assert_eq!(body["password_policy"]["min_length"], 15);
}

/// The languages of `locales/`, read from its folders (the pseudo-locales, `en-XA`, left out): the one
/// list the server's languages must follow.
fn language_folders() -> Vec<String> {
    let locales = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales");
    let mut tags: Vec<String> = std::fs::read_dir(locales)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_dir())
        .map(|path| path.file_name().unwrap().to_string_lossy().into_owned())
        .filter(|tag| !recupera_api::pseudo_locale::is_pseudo_locale(tag))
        .collect();
    tags.sort();
    assert!(tags.contains(&"pt-BR".to_owned()), "{tags:?}");
    tags
}

#[tokio::test]
async fn the_pages_html_lang_and_dir_are_the_language_the_app_will_start_in() {
    let app = TestApp::new().await;
    let page_of = |uri: &'static str, headers: &'static [(&'static str, &'static str)]| {
        let mut request = axum::http::Request::get(uri);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let request = request.body(axum::body::Body::empty()).unwrap();
        let app = &app;
        async move {
            let response = app.send(request).await;
            assert_eq!(response.headers()[header::VARY], "Accept-Language, Cookie");
            let html = String::from_utf8(body_bytes(response).await).unwrap();
            html.split_once("<html ").unwrap().1.split_once('>').unwrap().0.to_owned()
        }
    };
    assert_eq!(page_of("/", &[]).await, r#"lang="en" dir="ltr""#);
    let spanish_browser = &[("accept-language", "fr-FR, es-MX;q=0.9, en;q=0.8")];
    assert_eq!(page_of("/recuperar", spanish_browser).await, r#"lang="es" dir="ltr""#);
    // The person's choice, remembered by the app in its cookie, wins over the browser's languages…
    let chose_portuguese = &[("accept-language", "es"), ("cookie", "other=1; lang=pt-BR")];
    assert_eq!(page_of("/", chose_portuguese).await, r#"lang="pt-BR" dir="ltr""#);
    // … and `?lang=` over both; the right-to-left pseudo-locale is laid out right to left.
    assert_eq!(page_of("/?x=1&lang=en-XB", chose_portuguese).await, r#"lang="en-XB" dir="rtl""#);
    // Only a tag of locales/ is ever written, never what the request said.
    let hostile = &[("accept-language", "\"><script>x</script>"), ("cookie", "lang=\"><b>")];
    assert_eq!(page_of("/?lang=%22%3E", hostile).await, r#"lang="en" dir="ltr""#);
    // A browser never lands on a pseudo-locale by its languages.
    assert_eq!(page_of("/", &[("accept-language", "en-XA")]).await, r#"lang="en" dir="ltr""#);
}

#[tokio::test]
async fn deep_link_answers_the_apps_html() {
    let app = TestApp::new().await;
    for path in ["/", "/recuperar/abc/codigo", "/dev/buzon"] {
        let response = app.get(path).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_eq!(response.headers()[header::CONTENT_TYPE], "text/html; charset=utf-8", "{path}");
        assert_eq!(response.headers()[header::CACHE_CONTROL], "no-cache", "{path}");
        assert_eq!(String::from_utf8(body_bytes(response).await).unwrap(), INDEX_HTML, "{path}");
    }
}

#[tokio::test]
async fn wasm_is_served_as_application_wasm_and_cached_for_good() {
    let app = TestApp::new().await;
    let response = app.get(&format!("/{WASM_FILE}")).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[header::CONTENT_TYPE], "application/wasm");
    assert_eq!(response.headers()[header::CACHE_CONTROL], "public, max-age=31536000, immutable");
    assert_eq!(body_bytes(response).await, WASM_BYTES);
}

#[tokio::test]
async fn a_missing_asset_is_a_404_not_the_apps_html() {
    let app = TestApp::new().await;
    let response = app.get("/recupera-ffffffffffffffff.js").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn unknown_api_paths_answer_a_json_404() {
    let app = TestApp::new().await;
    for path in ["/api/v1/nope", "/api/v1/", "/api/v1/recovery/unknown/thing", "/api", "/api/v2/health"] {
        let response = app.get(path).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
        assert_eq!(response.headers()[header::CONTENT_TYPE], "application/json", "{path}");
        assert_eq!(body_json(response).await, serde_json::json!({"code": "not_found"}), "{path}");
    }
}

#[tokio::test]
async fn a_wrong_method_on_an_api_path_answers_a_json_405() {
    let app = TestApp::new().await;
    let response = app.send(Request::delete("/api/v1/health").body(Body::empty()).unwrap()).await;
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(body_json(response).await, serde_json::json!({"code": "method_not_allowed"}));
}

#[tokio::test]
async fn every_answer_carries_a_strict_content_security_policy() {
    let app = TestApp::new().await;
    for path in ["/", "/api/v1/health", "/api/v1/nope"] {
        let response = app.get(path).await;
        let headers = response.headers();
        let csp = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
        assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"), "{path}: {csp}");
        assert!(!csp.contains("unsafe-inline"), "{path}: {csp}");
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff", "{path}");
        assert_eq!(headers[header::REFERRER_POLICY], "no-referrer", "{path}");
    }
}

#[tokio::test]
async fn the_policy_allows_exactly_the_inline_start_script_by_its_hash() {
    use base64::Engine;
    use sha2::{Digest, Sha256};
    let app = TestApp::new().await;
    let script = "import init from '/recupera-0123456789abcdef.js';init();";
    let expected = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(script));
    let response = app.get("/").await;
    let csp = response.headers()[header::CONTENT_SECURITY_POLICY].to_str().unwrap().to_owned();
    assert!(csp.contains(&format!("'sha256-{expected}'")), "{csp}");
}

#[tokio::test]
async fn text_answers_are_compressed_when_the_browser_accepts_it() {
    let app = TestApp::new().await;
    let request = Request::get("/").header(header::ACCEPT_ENCODING, "gzip").body(Body::empty()).unwrap();
    let response = app.send(request).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[header::CONTENT_ENCODING], "gzip");
}

#[tokio::test]
async fn the_openapi_document_describes_every_endpoint_and_the_error_codes() {
    let app = TestApp::new().await;
    let response = app.get("/api/v1/openapi.json").await;
    assert_eq!(response.status(), StatusCode::OK);
    let doc = body_json(response).await;
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for path in [
        "/api/v1/health",
        "/api/v1/sign-up",
        "/api/v1/sign-up/{flow_id}",
        "/api/v1/sign-up/{flow_id}/code",
        "/api/v1/sign-up/{flow_id}/verify",
        "/api/v1/session",
        "/api/v1/session/end",
        "/api/v1/bot-check/challenge",
        "/api/v1/password/check",
        "/api/v1/recovery",
        "/api/v1/recovery/{flow_id}",
        "/api/v1/recovery/{flow_id}/code",
        "/api/v1/recovery/{flow_id}/verify",
        "/api/v1/recovery/{flow_id}/password",
        "/api/v1/dev/mailbox",
        "/api/v1/dev/clock",
    ] {
        assert!(doc["paths"].get(path).is_some(), "{path} is not described");
    }
    let schemas = &doc["components"]["schemas"];
    assert!(schemas.get("RecoveryFlow").is_some());
    let codes = schemas["ErrorCode"].to_string();
    for code in recupera_api::ErrorCode::ALL {
        assert!(codes.contains(&format!("\"{}\"", code.as_str())), "{} missing from {codes}", code.as_str());
    }
}

#[tokio::test]
async fn precompressed_assets_are_sent_as_they_are_when_the_browser_accepts_brotli() {
    let app = TestApp::new().await;
    let dist = app.state.config.dist_dir.clone();
    std::fs::write(dist.join(format!("{WASM_FILE}.br")), b"brotli bytes").unwrap();
    let request = Request::get(format!("/{WASM_FILE}"))
        .header(header::ACCEPT_ENCODING, "br, gzip")
        .body(Body::empty())
        .unwrap();
    let response = app.send(request).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[header::CONTENT_ENCODING], "br");
    assert_eq!(response.headers()[header::CONTENT_TYPE], "application/wasm");
    assert_eq!(response.headers()[header::CACHE_CONTROL], "public, max-age=31536000, immutable");
    assert_eq!(body_bytes(response).await, b"brotli bytes", "sent as stored, not compressed again");
}

/// The real listener on a loopback port, with `header_timeout`: its address and a handle that stops it.
async fn listening(
    app: &TestApp,
    header_timeout: std::time::Duration,
) -> (std::net::SocketAddr, tokio::sync::oneshot::Sender<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let limits = recupera_server::http_server::ConnectionLimits { header_timeout, max_connections: 100 };
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    // The app's own router, without the tests' stand-in peer address: the listener gives the real one.
    let router = recupera_server::app(app.state.clone());
    tokio::spawn(recupera_server::http_server::serve(listener, router, limits, async {
        let _ = stopped.await;
    }));
    (address, stop)
}

/// Reads from `connection` until the server closes it; how long that took, or `None` after `patience`.
/// Every quarter of a second without an answer, `trickle` is written to it (a slowloris client).
async fn closed_after(
    connection: &mut tokio::net::TcpStream,
    trickle: &[u8],
    patience: std::time::Duration,
) -> Option<std::time::Duration> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let started = std::time::Instant::now();
    let mut buffer = [0u8; 4096];
    while started.elapsed() < patience {
        match tokio::time::timeout(std::time::Duration::from_millis(250), connection.read(&mut buffer)).await
        {
            Ok(Ok(0) | Err(_)) => return Some(started.elapsed()),
            Ok(Ok(_)) => {} // an answer: the connection may still be closed after it
            Err(_) => {
                if connection.write_all(trickle).await.is_err() {
                    return Some(started.elapsed());
                }
            }
        }
    }
    None
}

#[tokio::test]
async fn a_client_that_trickles_its_headers_or_idles_is_disconnected_after_the_header_timeout() {
    use tokio::io::AsyncWriteExt;
    let app = TestApp::new().await;
    let (address, stop) = listening(&app, std::time::Duration::from_secs(1)).await;
    let patience = std::time::Duration::from_secs(6);

    // Slowloris: a header line started, then one more byte of it every quarter of a second.
    let mut slow = tokio::net::TcpStream::connect(address).await.unwrap();
    slow.write_all(b"GET /api/v1/health HTTP/1.1\r\nHost: recupera\r\nX-Slow: ").await.unwrap();
    let took =
        closed_after(&mut slow, b"a", patience).await.expect("the trickling client is still connected");
    assert!(took >= std::time::Duration::from_millis(900), "closed after {took:?}: before the timeout");

    // A whole request is answered, and counted against its peer's address; the idle connection
    // after it is closed.
    let mut honest = tokio::net::TcpStream::connect(address).await.unwrap();
    let body = r#"{"identifier":"nadie","password":"no es la contraseña de nadie"}"#;
    let request = format!(
        "POST /api/v1/session HTTP/1.1\r\nHost: recupera\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    honest.write_all(request.as_bytes()).await.unwrap();
    let mut answer = vec![0u8; 4096];
    let read = tokio::io::AsyncReadExt::read(&mut honest, &mut answer).await.unwrap();
    let answer = String::from_utf8_lossy(&answer[..read]).into_owned();
    assert!(answer.starts_with("HTTP/1.1 401 Unauthorized"), "{answer}");
    let mut db = app.database().await;
    let counted_against: Vec<String> =
        sqlx::query_scalar("SELECT ip FROM sign_in_failures").fetch_all(&mut db).await.unwrap();
    assert_eq!(counted_against, ["127.0.0.1"]);
    closed_after(&mut honest, b"", patience).await.expect("the idle keep-alive connection is still open");

    let _ = stop.send(());
}
