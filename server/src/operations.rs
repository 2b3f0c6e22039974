//! What operators do from the command line, besides serving: adding a user, and the periodic cleanup.

use std::time::Duration;

use anyhow::{bail, Context};
use recupera_api::{
    password::PasswordPolicy,
    validation::{normalize_phone, validate_email, validate_username},
};

use crate::{
    messages::supported_language,
    passwords::{assess, Hasher},
    storage::{accounts::NewAccount, Db, LOG_PAGES_BEFORE_RESTART},
    AppState,
};

pub struct NewUser<'a> {
    pub username: &'a str,
    pub email: &'a str,
    pub phone: Option<&'a str>,
    pub language: &'a str,
    pub password: &'a str,
}

/// Creates an account under the same rules as sign-up; says plainly what is wrong otherwise.
pub async fn add_user(
    db: &Db,
    hasher: &Hasher,
    policy: &PasswordPolicy,
    user: NewUser<'_>,
    now: i64,
) -> anyhow::Result<i64> {
    let username =
        validate_username(user.username).map_err(|code| anyhow::anyhow!("user name: {}", code.as_str()))?;
    let email = validate_email(user.email).map_err(|code| anyhow::anyhow!("email: {}", code.as_str()))?;
    let phone = user
        .phone
        .map(normalize_phone)
        .transpose()
        .map_err(|code| anyhow::anyhow!("phone: {}", code.as_str()))?;
    if let Some(code) = assess(policy, user.password, &[&username, &email]).first_error() {
        bail!("password: {}", code.as_str());
    }
    let hash = hasher.hash(user.password).await?;
    let language = supported_language(user.language);
    let new = NewAccount {
        username: &username,
        email: &email,
        phone: phone.as_deref(),
        password_hash: &hash,
        language: &language,
    };
    match db.insert_account(new, now).await? {
        Ok(id) => Ok(id),
        Err(taken) => bail!("an account already has this {taken:?}"),
    }
}

/// Reads the new user's password from `RECUPERA_NEW_PASSWORD` or, without it, the first line of
/// standard input — never from a flag, which would land in the shell's history.
pub fn read_new_password() -> anyhow::Result<String> {
    if let Ok(password) = std::env::var("RECUPERA_NEW_PASSWORD") {
        return Ok(password);
    }
    let mut line = String::new();
    std::io::stdin().read_line(&mut line).context("reading the password from standard input")?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}

/// Every `cleanup_interval_s` (ten minutes by default), deletes expired sessions, old flows, stale
/// budget rows and sent mail.
pub fn spawn_cleanup(state: AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(Duration::from_secs(state.config.cleanup_interval_s.max(1)));
        loop {
            every.tick().await;
            match state.db.clean_up(state.clock.now()).await {
                Ok(Some(removed)) => tracing::debug!(?removed, "cleanup"),
                Ok(None) => tracing::debug!("cleanup left to the replica already at it"),
                Err(err) => tracing::error!(error = ?err, "cleanup failed"),
            }
        }
    })
}

/// Every second, copies the write-ahead log back into the database (`Db::checkpoint`), off the
/// requests' path, so the log stays bounded without any request paying for it.
pub fn spawn_checkpoints(state: AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(Duration::from_secs(1));
        loop {
            every.tick().await;
            match state.db.checkpoint(LOG_PAGES_BEFORE_RESTART).await {
                Ok((log, copied)) => tracing::trace!(log, copied, "checkpoint"),
                Err(err) => tracing::error!(error = ?err, "checkpoint failed"),
            }
        }
    })
}
