//! `RECUPERA_DATABASE_URL`, read strictly: a URL this server cannot use stops it at start, named (its
//! password hidden), instead of meaning something else. sqlx's SQLite driver alone would take
//! `postgres://host/db` for a file path and create a folder named `postgres:`.

/// A database URL this server can open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DatabaseUrl {
    /// `sqlite://path`, `sqlite:path` or `sqlite::memory:`, as sqlx reads them.
    Sqlite(String),
    /// `postgres://user:password@host:port/database?sslmode=…` (or `postgresql://`), as sqlx reads it.
    Postgres(String),
}

impl DatabaseUrl {
    pub fn parse(url: &str) -> anyhow::Result<DatabaseUrl> {
        let shown = redacted(url);
        let Some((scheme, rest)) = url.split_once(':') else {
            anyhow::bail!("the database URL {shown:?} names no database kind: give sqlite://path/to/file.db");
        };
        match scheme.to_ascii_lowercase().as_str() {
            "sqlite" => {
                let path = rest.trim_start_matches("//");
                anyhow::ensure!(
                    !path.is_empty() && !path.starts_with('?'),
                    "the database URL {shown:?} names no file: give sqlite://path/to/file.db"
                );
                Ok(DatabaseUrl::Sqlite(url.to_owned()))
            }
            "postgres" | "postgresql" => {
                let options: sqlx::postgres::PgConnectOptions = url
                    .parse()
                    .map_err(|err| anyhow::anyhow!("the database URL {shown:?} cannot be read: {err}"))?;
                anyhow::ensure!(
                    options.get_database().is_some_and(|name| !name.is_empty()),
                    "the database URL {shown:?} names no database: give postgres://user@host:5432/recupera"
                );
                Ok(DatabaseUrl::Postgres(url.to_owned()))
            }
            other => anyhow::bail!(
                "the database URL {shown:?} is of a kind this server does not know ({other:?}): give \
                 sqlite://path/to/file.db"
            ),
        }
    }
}

/// `url` with any password in it replaced by `***`, for logs and error messages.
pub fn redacted(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else { return url.to_owned() };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    match authority.rsplit_once('@') {
        Some((user_info, host)) if user_info.contains(':') => {
            let user = user_info.split(':').next().unwrap_or_default();
            format!("{scheme}://{user}:***@{host}{tail}")
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_urls_are_taken() {
        for url in [
            "sqlite://data/recupera.db",
            "sqlite:///tmp/x.db",
            "sqlite:x.db",
            "sqlite::memory:",
            "SQLITE://x.db?mode=rwc",
        ] {
            assert_eq!(DatabaseUrl::parse(url).unwrap(), DatabaseUrl::Sqlite(url.to_owned()), "{url}");
        }
    }

    #[test]
    fn postgres_urls_are_taken() {
        for url in [
            "postgres://postgres@127.0.0.1:55432/recupera",
            "postgresql://u:p@db.internal/recupera?sslmode=require",
        ] {
            assert_eq!(DatabaseUrl::parse(url).unwrap(), DatabaseUrl::Postgres(url.to_owned()), "{url}");
        }
    }

    #[test]
    fn a_url_of_another_kind_or_with_a_typo_is_refused_and_named_without_its_password() {
        let refused = |url: &str| DatabaseUrl::parse(url).unwrap_err().to_string();
        let postgres = refused("postgres://recupera:s3cret@127.0.0.1:55432");
        assert!(postgres.contains("\"postgres://recupera:***@127.0.0.1:55432\""), "{postgres}");
        assert!(postgres.contains("names no database") && !postgres.contains("s3cret"), "{postgres}");
        let typo = refused("sqlit://data/recupera.db");
        assert!(typo.contains("\"sqlit://data/recupera.db\"") && typo.contains("\"sqlit\""), "{typo}");
        assert!(refused("data/recupera.db").contains("names no database kind"));
        assert!(refused("sqlite://").contains("names no file"));
        assert!(refused("mysql://root:pw@db/x").contains("mysql://root:***@db/x"));
    }

    #[test]
    fn redaction_leaves_urls_without_a_password_as_they_are() {
        assert_eq!(redacted("postgres://recupera@db/recupera"), "postgres://recupera@db/recupera");
        assert_eq!(redacted("sqlite://data/a:b@c.db"), "sqlite://data/a:b@c.db");
        assert_eq!(redacted("postgres://u:p@w@db/x"), "postgres://u:***@db/x");
    }
}
