use anyhow::Context;
use sqlx::FromRow;

use super::Db;

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
}

impl Db {
    pub async fn insert_flow(&self, flow: &FlowRow) -> anyhow::Result<()> {
        sqlx::query(
            "INSERT INTO recovery_flows (id, account_id, identifier_kind, identifier, language, step, created_at, expires_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(&flow.id)
        .bind(flow.account_id)
        .bind(&flow.identifier_kind)
        .bind(&flow.identifier)
        .bind(&flow.language)
        .bind(&flow.step)
        .bind(flow.created_at)
        .bind(flow.expires_at)
        .execute(&self.writer)
        .await?;
        Ok(())
    }

    pub async fn flow(&self, id: &str) -> anyhow::Result<Option<FlowRow>> {
        Ok(sqlx::query_as::<_, FlowRow>("SELECT * FROM recovery_flows WHERE id = ?")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?)
    }

    /// A new code replaces the old one (which dies with it) and starts the next cool-down. Returns the
    /// flow as it is now.
    pub async fn set_flow_code(
        &self,
        id: &str,
        channel: &str,
        code_hash: &[u8],
        code_expires_at: i64,
        next_send_at: i64,
    ) -> anyhow::Result<FlowRow> {
        sqlx::query_as::<_, FlowRow>(
            "UPDATE recovery_flows
             SET step = 'enter_code', channel = ?, code_hash = ?, code_expires_at = ?, sends = sends + 1, next_send_at = ?
             WHERE id = ?
             RETURNING *",
        )
        .bind(channel)
        .bind(code_hash)
        .bind(code_expires_at)
        .bind(next_send_at)
        .bind(id)
        .fetch_optional(&self.writer)
        .await?
        .context("the flow given a code is gone")
    }

    /// Counts a wrong code against the flow, the account and the IP address, and audits it: one
    /// statement, the audit row, whose trigger (`code_failed_counts`, migration 0004) does the
    /// counting in the same atomic step. Returns the flow's failed attempts with this one (read
    /// after the write, so a wrong code sent at the same moment on the same flow is counted too).
    pub async fn record_code_failure(
        &self,
        id: &str,
        account_id: Option<i64>,
        ip: &str,
        user_agent: &str,
        now: i64,
    ) -> anyhow::Result<i64> {
        self.audit("code_failed", account_id, Some(id), ip, user_agent, now).await?;
        let failed: Option<i64> =
            sqlx::query_scalar("SELECT failed_attempts FROM recovery_flows WHERE id = ?")
                .bind(id)
                .fetch_optional(&self.pool)
                .await?;
        failed.context("the flow of a wrong code is gone")
    }

    /// Wrong codes on `account_id` since `since`, counted up to `up_to` (the budget).
    pub async fn account_failures_since(
        &self,
        account_id: i64,
        since: i64,
        up_to: u32,
    ) -> anyhow::Result<i64> {
        self.count_recent("code_failures", "account_id", account_id, since, up_to).await
    }

    /// Wrong codes from `ip` since `since`, counted up to `up_to` (the budget).
    pub async fn ip_failures_since(&self, ip: &str, since: i64, up_to: u32) -> anyhow::Result<i64> {
        self.count_recent("code_failures", "ip", ip.to_owned(), since, up_to).await
    }

    /// The code was right: it is used up, and the password may now be set.
    pub async fn mark_flow_verified(&self, id: &str, now: i64) -> anyhow::Result<()> {
        sqlx::query(
            "UPDATE recovery_flows SET step = 'new_password', code_hash = NULL, verified_at = ? WHERE id = ?",
        )
        .bind(now)
        .bind(id)
        .execute(&self.writer)
        .await?;
        Ok(())
    }

    pub async fn end_flow(&self, id: &str) -> anyhow::Result<()> {
        sqlx::query("UPDATE recovery_flows SET step = 'ended', code_hash = NULL WHERE id = ?")
            .bind(id)
            .execute(&self.writer)
            .await?;
        Ok(())
    }
}
