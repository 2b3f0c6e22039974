//! What every server test needs: a real SQLite file and a built-looking `dist/` in a temp folder,
//! and the real router on top of them.

#![allow(dead_code)]

use std::{path::PathBuf, sync::Arc};

use axum::{
    body::Body,
    http::{Request, Response},
    Router,
};
use http_body_util::BodyExt;
use recupera_server::{app, spa::SpaShell, storage::Db, AppState, Config};
use tempfile::TempDir;
use tower::ServiceExt;

pub const INDEX_HTML: &str = "<!doctype html><html><head>\
<script type=\"module\">import init from '/recupera-0123456789abcdef.js';init();</script>\
</head><body></body></html>";
pub const WASM_FILE: &str = "recupera-0123456789abcdef_bg.wasm";
/// The smallest valid WebAssembly module: magic number and version.
pub const WASM_BYTES: &[u8] = b"\0asm\x01\0\0\0";

pub struct TestApp {
    pub router: Router,
    pub state: AppState,
    // Kept alive for the test's duration: the folder is deleted when this drops.
    _dir: TempDir,
}

impl TestApp {
    pub async fn new() -> TestApp {
        let dir = tempfile::tempdir().unwrap();
        let dist: PathBuf = dir.path().join("dist");
        std::fs::create_dir_all(&dist).unwrap();
        std::fs::write(dist.join("index.html"), INDEX_HTML).unwrap();
        std::fs::write(dist.join(WASM_FILE), WASM_BYTES).unwrap();
        let database_url = format!("sqlite://{}", dir.path().join("data/recupera.db").display());
        let config = Config::for_tests(database_url, dist.clone());
        let db = Db::connect(&config.database_url).await.unwrap();
        let spa = Arc::new(SpaShell::load(&dist).unwrap());
        let state = AppState { db, config: Arc::new(config), spa };
        TestApp { router: app(state.clone()), state, _dir: dir }
    }

    pub async fn send(&self, request: Request<Body>) -> Response<Body> {
        self.router.clone().oneshot(request).await.unwrap()
    }

    pub async fn get(&self, uri: &str) -> Response<Body> {
        self.send(Request::get(uri).body(Body::empty()).unwrap()).await
    }
}

pub async fn body_bytes(response: Response<Body>) -> Vec<u8> {
    response.into_body().collect().await.unwrap().to_bytes().to_vec()
}

pub async fn body_json(response: Response<Body>) -> serde_json::Value {
    serde_json::from_slice(&body_bytes(response).await).unwrap()
}
