//! Sign-ups waiting for their email to be proven. As with recovery flows, every change is one
//! statement whose conditions repeat what the rule requires (the step, the code still being the one
//! checked, the cool-down over): a change that no longer applies changes nothing.

use sqlx::FromRow;

use super::{
    accounts::{matches, NewAccount},
    on_reader, on_write,
    write::Write,
    Db,
};

/// A pending sign-up's row. `step` is `enter_code`, `done` or `ended`.
#[derive(Clone, Debug, FromRow)]
pub struct SignUpRow {
    pub id: String,
    pub username: String,
    pub email: String,
    pub phone: Option<String>,
    /// Empty when the address was taken: no account will be made of this row.
    pub password_hash: String,
    pub language: String,
    pub step: String,
    pub ended_reason: Option<String>,
    pub code_hash: Option<Vec<u8>>,
    pub code_expires_at: i64,
    pub sends: i64,
    pub next_send_at: i64,
    pub failed_attempts: i64,
    pub browser_hash: Vec<u8>,
    pub created_at: i64,
    pub expires_at: i64,
}

impl SignUpRow {
    /// The account this sign-up creates once its code is typed.
    pub fn new_account(&self) -> NewAccount<'_> {
        NewAccount {
            username: &self.username,
            email: &self.email,
            phone: self.phone.as_deref(),
            password_hash: &self.password_hash,
            language: &self.language,
        }
    }
}

impl Db {
    #[tracing::instrument(level = "debug", skip_all, fields(sign_up_id = %id))]
    pub async fn sign_up(&self, id: &str) -> anyhow::Result<Option<SignUpRow>> {
        Ok(on_reader!(self, |c| sqlx::query_as::<_, SignUpRow>("SELECT * FROM sign_ups WHERE id = $1")
            .bind(id)
            .fetch_optional(c)
            .await)?)
    }
}

impl Write {
    /// Whether a (confirmed) account has this user name, whatever its case.
    pub async fn username_taken(&mut self, username: &str) -> anyhow::Result<bool> {
        let dialect = self.dialect();
        let found: Option<i64> = on_write!(self, |c| sqlx::query_scalar(&format!(
            "SELECT id FROM accounts WHERE {}",
            matches(dialect, "username", "$1")
        ))
        .bind(username)
        .fetch_optional(c)
        .await)?;
        Ok(found.is_some())
    }

    /// The sign-up as this transaction sees it.
    pub async fn sign_up(&mut self, id: &str) -> anyhow::Result<Option<SignUpRow>> {
        Ok(on_write!(self, |c| sqlx::query_as::<_, SignUpRow>("SELECT * FROM sign_ups WHERE id = $1")
            .bind(id)
            .fetch_optional(c)
            .await)?)
    }

    #[tracing::instrument(level = "debug", skip_all, fields(sign_up_id = %row.id))]
    pub async fn insert_sign_up(&mut self, row: &SignUpRow) -> anyhow::Result<()> {
        on_write!(self, |c| sqlx::query(
            "INSERT INTO sign_ups (id, username, email, phone, password_hash, language, step, code_hash,
                                   code_expires_at, sends, next_send_at, browser_hash, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
        )
        .bind(&row.id)
        .bind(&row.username)
        .bind(&row.email)
        .bind(&row.phone)
        .bind(&row.password_hash)
        .bind(&row.language)
        .bind(&row.step)
        .bind(&row.code_hash)
        .bind(row.code_expires_at)
        .bind(row.sends)
        .bind(row.next_send_at)
        .bind(&row.browser_hash)
        .bind(row.created_at)
        .bind(row.expires_at)
        .execute(c)
        .await
        .map(|done| done.rows_affected()))?;
        Ok(())
    }

    /// A new code replaces the old one and starts the next cool-down (doubling with every send), only
    /// while the sign-up belongs to `browser_hash`, waits for its code, is alive and its cool-down has
    /// passed. `None` when one of these no longer held.
    #[tracing::instrument(level = "debug", skip_all, fields(sign_up_id = %id))]
    pub async fn set_sign_up_code(
        &mut self,
        id: &str,
        browser_hash: &[u8],
        (code_hash, code_expires_at, cooldown_s): (&[u8], i64, i64),
        now: i64,
    ) -> anyhow::Result<Option<SignUpRow>> {
        Ok(on_write!(self, |c| {
            sqlx::query_as::<_, SignUpRow>(
            "UPDATE sign_ups
             SET code_hash = $1, code_expires_at = $2, sends = sends + 1,
                 next_send_at = $3 + $4 * (CAST(1 AS BIGINT) << CAST(CASE WHEN sends < 16 THEN sends ELSE 16 END AS INTEGER))
             WHERE id = $5 AND browser_hash = $6 AND step = 'enter_code' AND next_send_at <= $3 AND expires_at > $3
             RETURNING *",
        )
        .bind(code_hash)
        .bind(code_expires_at)
        .bind(now)
        .bind(cooldown_s)
        .bind(id)
        .bind(browser_hash)
        .fetch_optional(c).await
        })?)
    }

    /// Counts a wrong code (ending the sign-up at `budget`), and in the budget per client network:
    /// only while the sign-up still waits for its code and is under its budget. Returns its failed
    /// attempts with this one.
    #[tracing::instrument(level = "debug", skip_all, fields(sign_up_id = %row.id))]
    pub async fn record_sign_up_code_failure(
        &mut self,
        row: &SignUpRow,
        identifier_key: &str,
        network: &str,
        budget: u32,
        now: i64,
    ) -> anyhow::Result<Option<i64>> {
        self.count_code_failure(("sign_ups", &row.id, None), identifier_key, network, budget, now).await
    }

    /// The code was right: the sign-up is done, once, and only while `code_hash` is still its code and
    /// has not expired. The password hash is not kept once the account holds it.
    #[tracing::instrument(level = "debug", skip_all, fields(sign_up_id = %id))]
    pub async fn complete_sign_up(
        &mut self,
        id: &str,
        code_hash: &[u8],
        now: i64,
    ) -> anyhow::Result<Option<SignUpRow>> {
        Ok(on_write!(self, |c| sqlx::query_as::<_, SignUpRow>(
            "UPDATE sign_ups SET step = 'done', code_hash = NULL, password_hash = ''
             WHERE id = $1 AND step = 'enter_code' AND code_hash = $2 AND code_expires_at > $3
             RETURNING *",
        )
        .bind(id)
        .bind(code_hash)
        .bind(now)
        .fetch_optional(c)
        .await)?)
    }

    /// Ends a sign-up that is not over yet, saying why.
    pub async fn end_sign_up(&mut self, id: &str, reason: &str) -> anyhow::Result<()> {
        on_write!(self, |c| sqlx::query(
            "UPDATE sign_ups SET step = 'ended', ended_reason = $1, code_hash = NULL, password_hash = ''
             WHERE id = $2 AND step <> 'ended'",
        )
        .bind(reason)
        .bind(id)
        .execute(c)
        .await
        .map(|done| done.rows_affected()))?;
        Ok(())
    }
}
