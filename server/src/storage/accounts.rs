use recupera_api::validation::{Identifier, IdentifierKind};
use sqlx::FromRow;

use super::{
    on_reader, on_write, on_writer,
    write::{Subject, Write},
    Db, Dialect,
};

#[derive(Clone, Debug, FromRow)]
pub struct Account {
    pub id: i64,
    pub username: String,
    pub email: String,
    pub phone: Option<String>,
    pub password_hash: String,
    pub language: String,
}

pub struct NewAccount<'a> {
    pub username: &'a str,
    pub email: &'a str,
    pub phone: Option<&'a str>,
    pub password_hash: &'a str,
    pub language: &'a str,
}

/// Which unique column a new account collided with.
#[derive(Debug, PartialEq, Eq)]
pub enum Taken {
    Username,
    Email,
    Phone,
}

const COLUMNS: &str = "id, username, email, phone, password_hash, language";

/// `column = parameter`, where user names and emails match whatever their case: SQLite's columns
/// compare so themselves (`COLLATE NOCASE`); PostgreSQL's are found through their `lower()` indexes.
pub(crate) fn matches(dialect: Dialect, column: &str, parameter: &str) -> String {
    match (dialect, column) {
        (Dialect::Postgres, "username" | "email") => format!("lower({column}) = lower({parameter})"),
        _ => format!("{column} = {parameter}"),
    }
}

impl Db {
    /// Creates an account in a write of its own (the demo account, `users add`, tests).
    pub async fn insert_account(&self, new: NewAccount<'_>, now: i64) -> anyhow::Result<Result<i64, Taken>> {
        let mut write = self.write().await?;
        let created = write.insert_account(new, now).await?;
        write.commit().await?;
        Ok(created)
    }

    /// The account an identifier names, if any. One query whatever the kind, so every path costs the same.
    pub async fn find_account(&self, identifier: &Identifier) -> anyhow::Result<Option<Account>> {
        let column = match identifier.kind {
            IdentifierKind::Email => "email",
            IdentifierKind::Username => "username",
            IdentifierKind::Phone => "phone",
        };
        let sql = format!("SELECT {COLUMNS} FROM accounts WHERE {}", matches(self.dialect(), column, "$1"));
        Ok(on_reader!(self, |c| sqlx::query_as::<_, Account>(&sql)
            .bind(&identifier.value)
            .fetch_optional(c)
            .await)?)
    }

    #[tracing::instrument(level = "debug", skip_all, fields(account_id = id))]
    pub async fn account(&self, id: i64) -> anyhow::Result<Option<Account>> {
        let sql = format!("SELECT {COLUMNS} FROM accounts WHERE id = $1");
        Ok(on_reader!(self, |c| sqlx::query_as::<_, Account>(&sql).bind(id).fetch_optional(c).await)?)
    }
}

/// The key under which an account's wrong passwords are counted (`Db::reserve_sign_in`).
pub fn sign_in_guard(account_id: i64) -> String {
    format!("account:{account_id}")
}

impl Db {
    /// Replaces `old_hash` by `new_hash` (the same password, hashed again), only while `old_hash` is
    /// still the account's; the password has not changed, so sessions stay. True when it was replaced.
    pub async fn replace_password_hash(
        &self,
        account_id: i64,
        old_hash: &str,
        new_hash: &str,
    ) -> anyhow::Result<bool> {
        let done = on_writer!(self, |c| sqlx::query(
            "UPDATE accounts SET password_hash = $1 WHERE id = $2 AND password_hash = $3"
        )
        .bind(new_hash)
        .bind(account_id)
        .bind(old_hash)
        .execute(c)
        .await
        .map(|done| done.rows_affected()))?;
        Ok(done == 1)
    }
}

impl Write {
    /// Creates the account, unless another has its user name, email or phone: then says which (the
    /// user name first). The insert itself decides, by the unique indexes, whichever request is first.
    pub async fn insert_account(
        &mut self,
        new: NewAccount<'_>,
        now: i64,
    ) -> anyhow::Result<Result<i64, Taken>> {
        let created: Option<i64> = on_write!(self, |c| {
            sqlx::query_scalar(
            "INSERT INTO accounts (username, email, phone, password_hash, language, created_at, password_changed_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT DO NOTHING
             RETURNING id",
        )
        .bind(new.username)
        .bind(new.email)
        .bind(new.phone)
        .bind(new.password_hash)
        .bind(new.language)
        .bind(now)
        .bind(now)
        .fetch_optional(c).await
        })?;
        if let Some(id) = created {
            return Ok(Ok(id));
        }
        // User names and emails compare without case (the columns' collation).
        let dialect = self.dialect();
        let (username, email): (bool, bool) = on_write!(self, |c| sqlx::query_as(&format!(
            "SELECT EXISTS (SELECT 1 FROM accounts WHERE {}), EXISTS (SELECT 1 FROM accounts WHERE {})",
            matches(dialect, "username", "$1"),
            matches(dialect, "email", "$2")
        ),)
        .bind(new.username)
        .bind(new.email)
        .fetch_one(c)
        .await)?;
        Ok(Err(match (username, email) {
            (true, _) => Taken::Username,
            (_, true) => Taken::Email,
            _ => Taken::Phone,
        }))
    }

    /// Sets a new password and ends every session of the account but `keep` (the one that changed
    /// it from Mi cuenta, if any): whoever else held one is out.
    #[tracing::instrument(level = "debug", skip_all, fields(account_id = account_id))]
    pub async fn change_password(
        &mut self,
        account_id: i64,
        hash: &str,
        now: i64,
        keep: Option<&[u8]>,
    ) -> anyhow::Result<()> {
        self.holds(&Subject::account(account_id))?;
        on_write!(self, |c| sqlx::query(
            "UPDATE accounts SET password_hash = $1, password_changed_at = $2 WHERE id = $3"
        )
        .bind(hash)
        .bind(now)
        .bind(account_id)
        .execute(c)
        .await
        .map(|done| done.rows_affected()))?;
        on_write!(self, |c| sqlx::query(
            "DELETE FROM sessions WHERE account_id = $1 AND ($2 IS NULL OR token_hash <> $3)"
        )
        .bind(account_id)
        .bind(keep)
        .bind(keep)
        .execute(c)
        .await
        .map(|done| done.rows_affected()))?;
        // Whoever was guessing the old password starts from nothing; so does its owner.
        on_write!(self, |c| sqlx::query("DELETE FROM sign_in_guards WHERE key = $1")
            .bind(sign_in_guard(account_id))
            .execute(c)
            .await
            .map(|done| done.rows_affected()))?;
        Ok(())
    }
}
