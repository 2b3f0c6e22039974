//! PostgreSQL, on a real server: `cargo xtask test` starts a scratch cluster (`xtask/src/postgres.rs`)
//! and gives its address in `RECUPERA_TEST_POSTGRES_URL`. Each test works in a database of its own.

use std::collections::BTreeSet;

use sqlx::{Connection, PgConnection};

use crate::support::fresh_postgres_database as fresh_database;

/// Each table's columns as `(table, column, type, nullable)`, in both backends' words.
type Columns = BTreeSet<(String, String, &'static str, bool)>;

fn common_type(declared: &str) -> &'static str {
    match declared.to_ascii_lowercase().as_str() {
        "integer" | "bigint" => "integer",
        "text" => "text",
        "blob" | "bytea" => "bytes",
        other => panic!("a column type neither backend should have: {other}"),
    }
}

async fn sqlite_schema(url: &str) -> (Columns, BTreeSet<String>) {
    let mut db = sqlx::SqliteConnection::connect(url).await.unwrap();
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations'",
    )
    .fetch_all(&mut db)
    .await
    .unwrap();
    let mut columns = Columns::new();
    for table in tables {
        let rows: Vec<(String, String, i64, i64)> =
            sqlx::query_as(&format!("SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}')"))
                .fetch_all(&mut db)
                .await
                .unwrap();
        for (column, declared, not_null, primary_key) in rows {
            // A primary key column is never NULL, whatever SQLite's declaration says.
            let nullable = not_null == 0 && primary_key == 0;
            columns.insert((table.clone(), column, common_type(&declared), nullable));
        }
    }
    let indexes =
        sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
            .fetch_all(&mut db)
            .await
            .unwrap();
    (columns, indexes.into_iter().collect())
}

async fn postgres_schema(url: &str) -> (Columns, BTreeSet<String>) {
    let mut db = PgConnection::connect(url).await.unwrap();
    let rows: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT table_name::text, column_name::text, data_type::text, is_nullable::text FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name <> '_sqlx_migrations'",
    )
    .fetch_all(&mut db)
    .await
    .unwrap();
    let columns = rows
        .into_iter()
        .map(|(table, column, declared, nullable)| (table, column, common_type(&declared), nullable == "YES"))
        .collect();
    let indexes = sqlx::query_scalar("SELECT indexname::text FROM pg_indexes WHERE schemaname = 'public'")
        .fetch_all(&mut db)
        .await
        .unwrap();
    (columns, indexes.into_iter().collect())
}

#[tokio::test]
async fn both_backends_migrate_to_the_same_tables_columns_and_indexes() {
    let dir = tempfile::tempdir().unwrap();
    let sqlite = format!("sqlite://{}", dir.path().join("schema.db").display());
    recupera_server::storage::migrate(&sqlite).await.unwrap();
    let postgres = fresh_database().await;
    recupera_server::storage::migrate(&postgres).await.unwrap();

    let (sqlite_columns, sqlite_indexes) = sqlite_schema(&sqlite).await;
    let (postgres_columns, postgres_indexes) = postgres_schema(&postgres).await;
    assert!(sqlite_columns.len() > 60, "{sqlite_columns:?}");
    let only_sqlite: Vec<_> = sqlite_columns.difference(&postgres_columns).collect();
    let only_postgres: Vec<_> = postgres_columns.difference(&sqlite_columns).collect();
    assert!(
        only_sqlite.is_empty() && only_postgres.is_empty(),
        "columns only in SQLite: {only_sqlite:#?}\ncolumns only in PostgreSQL: {only_postgres:#?}"
    );
    // Every index SQLite's migrations create by name, PostgreSQL's create too (it adds its own for
    // keys, and the case-insensitive unique indexes SQLite expresses as COLLATE NOCASE).
    let missing: Vec<_> = sqlite_indexes.difference(&postgres_indexes).collect();
    assert!(missing.is_empty(), "indexes missing in PostgreSQL: {missing:?}");
}

#[tokio::test]
async fn user_names_and_emails_are_unique_whatever_their_case_on_postgresql_as_on_sqlite() {
    let postgres = fresh_database().await;
    recupera_server::storage::migrate(&postgres).await.unwrap();
    let mut db = PgConnection::connect(&postgres).await.unwrap();
    let insert =
        "INSERT INTO accounts (username, email, password_hash, language, created_at, password_changed_at)
                  VALUES ($1, $2, 'h', 'es', 0, 0)";
    sqlx::query(insert).bind("Ana").bind("Ana@Correo.test").execute(&mut db).await.unwrap();
    for (username, email) in [("ana", "other@correo.test"), ("other", "ana@correo.TEST")] {
        let err = sqlx::query(insert).bind(username).bind(email).execute(&mut db).await.unwrap_err();
        assert!(
            err.as_database_error().is_some_and(|e| e.is_unique_violation()),
            "{username} {email}: {err}"
        );
    }
}

#[tokio::test]
async fn migrate_prepares_a_postgresql_database_once_and_names_one_it_cannot_reach() {
    let postgres = fresh_database().await;
    let migrate = |url: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_recupera-server"))
            .args(["migrate", "--database-url", url])
            .env_remove("RECUPERA_DATABASE_URL")
            .output()
            .unwrap()
    };
    for run in ["first", "second"] {
        let output = migrate(&postgres);
        assert!(output.status.success(), "{run}: {}", String::from_utf8_lossy(&output.stderr));
    }
    let mut db = PgConnection::connect(&postgres).await.unwrap();
    let applied: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations").fetch_one(&mut db).await.unwrap();
    let migrations =
        std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/migrations/postgres")).unwrap().count();
    assert_eq!(applied as usize, migrations, "each migration applied once");

    // Nothing listens on this port.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let unreachable = format!("postgres://recupera:s3cret@127.0.0.1:{closed}/recupera");
    let output = migrate(&unreachable);
    let said =
        format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert!(!output.status.success());
    assert!(
        said.contains("cannot reach the database")
            && said.contains(&format!("recupera:***@127.0.0.1:{closed}")),
        "{said}"
    );
    assert!(!said.contains("s3cret"), "{said}");
}

/// `serve` on a PostgreSQL URL keeps everything there: the demo account it makes is a row of that
/// database, and nothing is created in the working folder (no SQLite file beside it).
#[tokio::test]
async fn serve_on_a_postgresql_url_stores_in_postgresql_and_nothing_in_a_file() {
    let postgres = fresh_database().await;
    let folder = tempfile::tempdir().unwrap();
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(dist.path().join("index.html"), crate::support::INDEX_HTML).unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut server = std::process::Command::new(env!("CARGO_BIN_EXE_recupera-server"))
        .args(["serve", "--dev", "--bind", &format!("127.0.0.1:{port}"), "--database-url", &postgres])
        .arg("--dist-dir")
        .arg(dist.path())
        .env_remove("RECUPERA_DATABASE_URL")
        .current_dir(folder.path())
        .spawn()
        .unwrap();
    let mut answered = false;
    for _ in 0..100 {
        if let Ok(mut stream) = std::net::TcpStream::connect(("127.0.0.1", port)) {
            use std::io::{Read, Write};
            stream.write_all(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").unwrap();
            let mut said = String::new();
            let _ = stream.read_to_string(&mut said);
            answered = said.starts_with("HTTP/1.1 200");
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    server.kill().unwrap();
    server.wait().unwrap();
    assert!(answered, "the server answers its health check");
    let mut db = PgConnection::connect(&postgres).await.unwrap();
    let demo: Vec<String> =
        sqlx::query_scalar("SELECT username FROM accounts").fetch_all(&mut db).await.unwrap();
    assert_eq!(demo, ["demo"], "the demo account is in PostgreSQL");
    let left: Vec<_> = std::fs::read_dir(folder.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert!(left.is_empty(), "nothing was created in the working folder: {left:?}");
}
