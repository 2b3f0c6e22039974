//! Recovery flows' rows. Every change of a flow is a statement of a `Write` whose conditions repeat
//! what the rule requires (the step, the code still being the one checked): a change that no longer
//! applies changes nothing, and the caller learns it from the missing row.

use sqlx::FromRow;

use super::{
    on_reader, on_write,
    write::{Subject, Write},
    Db,
};

/// A recovery flow's row. `step` and `channel` are the API's snake_case names.
#[derive(Clone, Debug, FromRow)]
pub struct FlowRow {
    pub id: String,
    pub account_id: Option<i64>,
    pub identifier_kind: String,
    pub identifier: String,
    pub language: String,
    pub step: String,
    pub channel: Option<String>,
    pub code_hash: Option<Vec<u8>>,
    pub code_expires_at: Option<i64>,
    pub sends: i64,
    pub next_send_at: i64,
    pub failed_attempts: i64,
    pub verified_at: Option<i64>,
    pub created_at: i64,
    pub expires_at: i64,
    /// SHA-256 of the flow cookie's secret of the one browser that may take the next step.
    pub browser_hash: Option<Vec<u8>>,
    pub ended_reason: Option<String>,
}

/// A new code for a flow (`Write::set_flow_code`).
pub struct CodeChange<'a> {
    pub channel: &'a str,
    pub code_hash: &'a [u8],
    pub code_expires_at: i64,
    /// The first cool-down; each send doubles it (60 s, 120 s, 240 s …).
    pub cooldown_s: i64,
}

impl Db {
    /// How many flows the table holds, live or kept for support (for the benchmark's cleanup figure).
    pub async fn count_flows(&self) -> anyhow::Result<i64> {
        let (count,): (i64,) =
            on_reader!(self, |c| sqlx::query_as("SELECT COUNT(*) FROM recovery_flows").fetch_one(c).await)?;
        Ok(count)
    }

    #[tracing::instrument(level = "debug", skip_all, fields(flow_id = %id))]
    pub async fn flow(&self, id: &str) -> anyhow::Result<Option<FlowRow>> {
        Ok(on_reader!(self, |c| sqlx::query_as::<_, FlowRow>("SELECT * FROM recovery_flows WHERE id = $1")
            .bind(id)
            .fetch_optional(c)
            .await)?)
    }
}

impl Write {
    #[tracing::instrument(level = "debug", skip_all, fields(flow_id = %flow.id, account_id = flow.account_id))]
    pub async fn insert_flow(&mut self, flow: &FlowRow) -> anyhow::Result<()> {
        on_write!(self, |c| {
            sqlx::query(
            "INSERT INTO recovery_flows (id, account_id, identifier_kind, identifier, language, step, created_at, expires_at, browser_hash)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(&flow.id)
        .bind(flow.account_id)
        .bind(&flow.identifier_kind)
        .bind(&flow.identifier)
        .bind(&flow.language)
        .bind(&flow.step)
        .bind(flow.created_at)
        .bind(flow.expires_at)
        .bind(&flow.browser_hash)
        .execute(c).await.map(|done| done.rows_affected())
        })?;
        Ok(())
    }

    /// A new code replaces the old one (which dies with it) and starts the next cool-down (the first
    /// `cooldown_s`, doubling with every send), only while the flow belongs to `browser_hash`, is
    /// alive, waits for a method or a code, and its cool-down has passed. Returns the flow as it is
    /// now, or `None` when one of these no longer held.
    #[tracing::instrument(level = "debug", skip_all, fields(flow_id = %id))]
    pub async fn set_flow_code(
        &mut self,
        id: &str,
        browser_hash: &[u8],
        change: CodeChange<'_>,
        now: i64,
    ) -> anyhow::Result<Option<FlowRow>> {
        Ok(on_write!(self, |c| {
            sqlx::query_as::<_, FlowRow>(
            "UPDATE recovery_flows
             SET step = 'enter_code', channel = $1, code_hash = $2, code_expires_at = $3, sends = sends + 1,
                 next_send_at = $4 + $5 * (CAST(1 AS BIGINT) << CAST(CASE WHEN sends < 16 THEN sends ELSE 16 END AS INTEGER))
             WHERE id = $6 AND browser_hash = $7 AND step IN ('choose_method', 'enter_code')
               AND next_send_at <= $4 AND expires_at > $4
             RETURNING *",
        )
        .bind(change.channel)
        .bind(change.code_hash)
        .bind(change.code_expires_at)
        .bind(now)
        .bind(change.cooldown_s)
        .bind(id)
        .bind(browser_hash)
        .fetch_optional(c).await
        })?)
    }

    /// Counts a wrong code against the flow (ending it at `per_flow_budget`) and in the budgets that
    /// span flows (per identifier, per client address): only while the flow still waits for a code
    /// and is under its budget. Returns the flow's failed attempts with this one.
    #[tracing::instrument(level = "debug", skip_all, fields(flow_id = %flow.id, account_id = flow.account_id))]
    pub async fn record_code_failure(
        &mut self,
        flow: &FlowRow,
        identifier_key: &str,
        ip: &str,
        per_flow_budget: u32,
        now: i64,
    ) -> anyhow::Result<Option<i64>> {
        let row = ("recovery_flows", flow.id.as_str(), flow.account_id);
        self.count_code_failure(row, identifier_key, ip, per_flow_budget, now).await
    }

    /// What a wrong code does to the row `(table, id, account)` of a recovery or a sign-up (which
    /// share these columns): counts it (ending the row at `budget`) only while the row waits for a
    /// code under its budget, and records it for the budgets that span rows.
    pub(super) async fn count_code_failure(
        &mut self,
        (table, id, account_id): (&'static str, &str, Option<i64>),
        identifier_key: &str,
        ip: &str,
        budget: u32,
        now: i64,
    ) -> anyhow::Result<Option<i64>> {
        let failed: Option<i64> = on_write!(self, |c| sqlx::query_scalar(&format!(
            "UPDATE {table}
             SET failed_attempts = failed_attempts + 1,
                 step = CASE WHEN failed_attempts + 1 >= $1 THEN 'ended' ELSE step END,
                 ended_reason = CASE WHEN failed_attempts + 1 >= $1 THEN 'attempts' ELSE ended_reason END,
                 code_hash = CASE WHEN failed_attempts + 1 >= $1 THEN NULL ELSE code_hash END
             WHERE id = $2 AND step = 'enter_code' AND failed_attempts < $1
             RETURNING failed_attempts"
        ))
        .bind(i64::from(budget))
        .bind(id)
        .fetch_optional(c)
        .await)?;
        if failed.is_some() {
            on_write!(self, |c| sqlx::query(
                "INSERT INTO code_failures (account_id, identifier, ip, at) VALUES ($1, $2, $3, $4)"
            )
            .bind(account_id)
            .bind(identifier_key)
            .bind(ip)
            .bind(now)
            .execute(c)
            .await
            .map(|done| done.rows_affected()))?;
        }
        Ok(failed)
    }

    /// The code was right: it is used up, the password may now be set, and only by the browser whose
    /// new secret is `browser_hash`. Only from `enter_code`, and only while `code_hash` is still the
    /// flow's code (a resend in between replaced it).
    #[tracing::instrument(level = "debug", skip_all, fields(flow_id = %id))]
    pub async fn mark_flow_verified(
        &mut self,
        id: &str,
        code_hash: &[u8],
        browser_hash: &[u8],
        now: i64,
    ) -> anyhow::Result<Option<FlowRow>> {
        Ok(on_write!(self, |c| {
            sqlx::query_as::<_, FlowRow>(
            "UPDATE recovery_flows SET step = 'new_password', code_hash = NULL, verified_at = $1, browser_hash = $2
             WHERE id = $3 AND step = 'enter_code' AND code_hash = $4
             RETURNING *",
        )
        .bind(now)
        .bind(browser_hash)
        .bind(id)
        .bind(code_hash)
        .fetch_optional(c).await
        })?)
    }

    /// Ends a flow that is not over yet, saying why.
    #[tracing::instrument(level = "debug", skip_all, fields(flow_id = %id))]
    pub async fn end_flow(&mut self, id: &str, reason: &str) -> anyhow::Result<()> {
        on_write!(self, |c| sqlx::query(
            "UPDATE recovery_flows SET step = 'ended', ended_reason = $1, code_hash = NULL
             WHERE id = $2 AND step NOT IN ('done', 'ended')",
        )
        .bind(reason)
        .bind(id)
        .execute(c)
        .await
        .map(|done| done.rows_affected()))?;
        Ok(())
    }

    /// The password is being set from this flow: `new_password` → `done`, once. `None` when another
    /// request already did it (or the flow moved on).
    #[tracing::instrument(level = "debug", skip_all, fields(flow_id = %id))]
    pub async fn complete_flow(&mut self, id: &str, verified_after: i64) -> anyhow::Result<Option<FlowRow>> {
        Ok(on_write!(self, |c| sqlx::query_as::<_, FlowRow>(
            "UPDATE recovery_flows SET step = 'done', code_hash = NULL
             WHERE id = $1 AND step = 'new_password' AND verified_at > $2
             RETURNING *",
        )
        .bind(id)
        .bind(verified_after)
        .fetch_optional(c)
        .await)?)
    }

    /// Ends every other open recovery of the account: the password they were for has changed.
    #[tracing::instrument(level = "debug", skip_all, fields(flow_id = %flow_id, account_id = account_id))]
    pub async fn supersede_other_flows(&mut self, account_id: i64, flow_id: &str) -> anyhow::Result<()> {
        self.holds(&Subject::account(account_id))?;
        on_write!(self, |c| sqlx::query(
            "UPDATE recovery_flows SET step = 'ended', ended_reason = 'superseded', code_hash = NULL
             WHERE account_id = $1 AND id <> $2 AND step NOT IN ('done', 'ended')",
        )
        .bind(account_id)
        .bind(flow_id)
        .execute(c)
        .await
        .map(|done| done.rows_affected()))?;
        Ok(())
    }

    /// Wrong codes counted for `identifier_key` since `day_since` and from `network` since
    /// `hour_since`, each up to its budget: one statement for both.
    pub async fn code_failures_since(
        &mut self,
        (identifier_key, day_since, identifier_budget): (&str, i64, u32),
        (network, hour_since, network_budget): (&str, i64, u32),
    ) -> anyhow::Result<(i64, i64)> {
        self.holds(&Subject::code_failures_of(identifier_key))?;
        self.holds(&Subject::code_failures_from(network))?;
        Ok(on_write!(self, |c| {
            sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM code_failures WHERE identifier = $1 AND at > $2 LIMIT $3) AS recent),
                    (SELECT COUNT(*) FROM (SELECT 1 FROM code_failures WHERE ip = $4 AND at > $5 LIMIT $6) AS recent)",
        )
        .bind(identifier_key)
        .bind(day_since)
        .bind(i64::from(identifier_budget))
        .bind(network)
        .bind(hour_since)
        .bind(i64::from(network_budget))
        .fetch_one(c).await
        })?)
    }
}
