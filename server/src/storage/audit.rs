use super::{on_reader, on_writer, write::Actor, Db};

/// What the audit trail records. The stored name is the snake_case one (`as_str`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuditEvent {
    AccountCreated,
    SignUpWithTakenAddress,
    SignedIn,
    SignInFailed,
    RecoveryRequested,
    CodeSent,
    /// A code was due but a send cap held it back (the answer did not change).
    CodeHeldBack,
    NoAccountNoticeSent,
    CodeNotDeliverable,
    CodeFailed,
    BudgetExhausted,
    CodeVerified,
    PasswordChanged,
    /// A new email or phone was proven and is now the account's.
    AddressChanged,
    /// Sessions of the account were ended from Mi cuenta.
    SessionsEnded,
}

impl AuditEvent {
    pub fn as_str(self) -> &'static str {
        match self {
            AuditEvent::AccountCreated => "account_created",
            AuditEvent::SignUpWithTakenAddress => "sign_up_with_taken_address",
            AuditEvent::SignedIn => "signed_in",
            AuditEvent::SignInFailed => "sign_in_failed",
            AuditEvent::RecoveryRequested => "recovery_requested",
            AuditEvent::CodeSent => "code_sent",
            AuditEvent::CodeHeldBack => "code_held_back",
            AuditEvent::NoAccountNoticeSent => "no_account_notice_sent",
            AuditEvent::CodeNotDeliverable => "code_not_deliverable",
            AuditEvent::CodeFailed => "code_failed",
            AuditEvent::BudgetExhausted => "budget_exhausted",
            AuditEvent::CodeVerified => "code_verified",
            AuditEvent::PasswordChanged => "password_changed",
            AuditEvent::AddressChanged => "address_changed",
            AuditEvent::SessionsEnded => "sessions_ended",
        }
    }
}

impl Db {
    /// Records one event in a transaction of its own.
    pub async fn audit(
        &self,
        event: AuditEvent,
        account_id: Option<i64>,
        flow_id: Option<&str>,
        actor: Actor<'_>,
        now: i64,
    ) -> anyhow::Result<()> {
        let mut write = self.write().await?;
        write.audit(event, account_id, flow_id, actor, now).await?;
        write.commit().await
    }

    pub async fn audit_events(&self, flow_id: &str) -> anyhow::Result<Vec<String>> {
        Ok(on_reader!(self, |c| sqlx::query_scalar(
            "SELECT event FROM audit_log WHERE flow_id = $1 ORDER BY id"
        )
        .bind(flow_id)
        .fetch_all(c)
        .await)?)
    }

    /// Whether a challenge was already used, or once solved wrong.
    pub async fn bot_check_seen(&self, signature: &str, expires_at: i64) -> anyhow::Result<bool> {
        let seen: Option<i64> = on_reader!(self, |c| sqlx::query_scalar(
            "SELECT expires_at FROM bot_check_used WHERE expires_at = $1 AND signature = $2"
        )
        .bind(expires_at)
        .bind(signature)
        .fetch_optional(c)
        .await)?;
        Ok(seen.is_some())
    }

    /// Records a solved bot-check challenge; false when it was already used.
    pub async fn use_bot_check(&self, signature: &str, expires_at: i64) -> anyhow::Result<bool> {
        let mut write = self.write().await?;
        let used = write.spend_bot_check(signature, expires_at).await?;
        write.commit().await?;
        Ok(used)
    }

    /// A stored secret, or `fresh` stored under `name` when there is none yet.
    pub async fn secret_or_insert(&self, name: &str, fresh: &[u8]) -> anyhow::Result<Vec<u8>> {
        on_writer!(self, |c| sqlx::query(
            "INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT DO NOTHING"
        )
        .bind(name)
        .bind(fresh)
        .execute(c)
        .await
        .map(|done| done.rows_affected()))?;
        Ok(on_writer!(self, |c| sqlx::query_scalar("SELECT value FROM server_secrets WHERE name = $1")
            .bind(name)
            .fetch_one(c)
            .await)?)
    }
}
