//! New emails and phones waiting for the code sent to them (`crate::address_proofs` has the rules).
//! As with recovery flows and sign-ups, every change is one statement whose conditions repeat what
//! the rule requires (the cool-down over, the code still the one checked): a change that no longer
//! applies changes nothing, whichever request comes first.

use recupera_api::account::AddressKind;
use sqlx::FromRow;

use super::{on_reader, on_write, write::Write, Db};

/// The outbox channel a code for this kind of address goes by.
pub fn channel(kind: AddressKind) -> &'static str {
    match kind {
        AddressKind::Email => "email",
        AddressKind::Phone => "sms",
    }
}

/// A new address's row. `step` is `enter_code` or `ended`.
#[derive(Clone, Debug, FromRow)]
pub struct AddressProofRow {
    pub id: String,
    pub account_id: i64,
    pub kind: String,
    pub address: String,
    pub step: String,
    pub ended_reason: Option<String>,
    pub code_hash: Option<Vec<u8>>,
    pub code_expires_at: i64,
    pub sends: i64,
    pub next_send_at: i64,
    pub failed_attempts: i64,
    pub created_at: i64,
    pub expires_at: i64,
}

/// What a send writes: the address's new id and code, and how long things last.
pub struct ProofSend<'a> {
    pub id: &'a str,
    pub address: &'a str,
    pub code_hash: &'a [u8],
    pub code_expires_at: i64,
    /// The first cool-down; it doubles with every send.
    pub cooldown_s: i64,
    pub expires_at: i64,
}

impl Db {
    /// The account's new addresses waiting for their code (at most one of each kind), alive at `now`.
    pub async fn address_proofs(&self, account_id: i64, now: i64) -> anyhow::Result<Vec<AddressProofRow>> {
        Ok(on_reader!(self, |c| sqlx::query_as::<_, AddressProofRow>(
            "SELECT * FROM address_proofs WHERE account_id = $1 AND expires_at > $2 ORDER BY kind",
        )
        .bind(account_id)
        .bind(now)
        .fetch_all(c)
        .await)?)
    }
}

impl Write {
    pub async fn address_proof(
        &mut self,
        account_id: i64,
        kind: AddressKind,
    ) -> anyhow::Result<Option<AddressProofRow>> {
        Ok(on_write!(self, |c| sqlx::query_as::<_, AddressProofRow>(
            "SELECT * FROM address_proofs WHERE account_id = $1 AND kind = $2",
        )
        .bind(account_id)
        .bind(kind.as_str())
        .fetch_optional(c)
        .await)?)
    }

    /// Records an address typed at sign-up, to be proven later: no code has gone to it yet.
    pub async fn keep_unproven_address(
        &mut self,
        (account_id, kind, address): (i64, AddressKind, &str),
        id: &str,
        now: i64,
        expires_at: i64,
    ) -> anyhow::Result<()> {
        on_write!(self, |c| sqlx::query(
            "INSERT INTO address_proofs (id, account_id, kind, address, step, code_hash, code_expires_at,
                                         sends, next_send_at, created_at, expires_at)
             VALUES ($1, $2, $3, $4, 'enter_code', NULL, 0, 0, 0, $5, $6)
             ON CONFLICT (account_id, kind) DO NOTHING",
        )
        .bind(id)
        .bind(account_id)
        .bind(kind.as_str())
        .bind(address)
        .bind(now)
        .bind(expires_at)
        .execute(c)
        .await
        .map(|done| done.rows_affected()))?;
        Ok(())
    }

    /// Sends a (new) code to `send.address`: the row takes the new id, address and code, its wrong
    /// codes start again, and the next cool-down begins (doubling with every send, whatever the
    /// address). Only once the previous cool-down is over; `None` when it is not.
    pub async fn send_address_code(
        &mut self,
        account_id: i64,
        kind: AddressKind,
        send: &ProofSend<'_>,
        now: i64,
    ) -> anyhow::Result<Option<AddressProofRow>> {
        Ok(on_write!(self, |c| {
            sqlx::query_as::<_, AddressProofRow>(
            "INSERT INTO address_proofs (id, account_id, kind, address, step, code_hash, code_expires_at,
                                         sends, next_send_at, created_at, expires_at)
             VALUES ($1, $2, $3, $4, 'enter_code', $5, $6, 1, $7 + $8, $7, $9)
             ON CONFLICT (account_id, kind) DO UPDATE
             SET id = excluded.id, address = excluded.address, step = 'enter_code', ended_reason = NULL,
                 code_hash = excluded.code_hash, code_expires_at = excluded.code_expires_at,
                 failed_attempts = 0, sends = address_proofs.sends + 1,
                 next_send_at = $7 + $8 * (CAST(1 AS BIGINT) << CAST(CASE WHEN address_proofs.sends < 16 THEN address_proofs.sends ELSE 16 END AS INTEGER)),
                 expires_at = excluded.expires_at
             WHERE address_proofs.next_send_at <= $7 OR address_proofs.expires_at <= $7
             RETURNING *",
        )
        .bind(send.id)
        .bind(account_id)
        .bind(kind.as_str())
        .bind(send.address)
        .bind(send.code_hash)
        .bind(send.code_expires_at)
        .bind(now)
        .bind(send.cooldown_s)
        .bind(send.expires_at)
        .fetch_optional(c).await
        })?)
    }

    /// The code was right: the row is used up, once, and only while `code_hash` is still its code
    /// and alive. Returns it.
    pub async fn use_address_code(
        &mut self,
        id: &str,
        code_hash: &[u8],
        now: i64,
    ) -> anyhow::Result<Option<AddressProofRow>> {
        Ok(on_write!(self, |c| sqlx::query_as::<_, AddressProofRow>(
            "DELETE FROM address_proofs
             WHERE id = $1 AND step = 'enter_code' AND code_hash = $2 AND code_expires_at > $3
             RETURNING *",
        )
        .bind(id)
        .bind(code_hash)
        .bind(now)
        .fetch_optional(c)
        .await)?)
    }

    /// Counts a wrong code for this address (ending it at `budget`) and in the budgets per account
    /// and per client network. Its failed attempts with this one; `None` when it had ended.
    pub async fn record_address_code_failure(
        &mut self,
        row: &AddressProofRow,
        identifier_key: &str,
        network: &str,
        budget: u32,
        now: i64,
    ) -> anyhow::Result<Option<i64>> {
        let target = ("address_proofs", row.id.as_str(), Some(row.account_id));
        self.count_code_failure(target, identifier_key, network, budget, now).await
    }

    /// Makes `address` the account's email or phone, unless another account has it.
    /// True when it is now this account's.
    pub async fn set_account_address(
        &mut self,
        account_id: i64,
        kind: AddressKind,
        address: &str,
    ) -> anyhow::Result<bool> {
        let column = kind.as_str();
        // Emails compare without case (`accounts::matches`).
        let taken = super::accounts::matches(self.dialect(), column, "$1");
        let sql = format!(
            "UPDATE accounts SET {column} = $1
             WHERE id = $2 AND NOT EXISTS (SELECT 1 FROM accounts WHERE {taken} AND id <> $2)"
        );
        let done = on_write!(self, |c| sqlx::query(&sql)
            .bind(address)
            .bind(account_id)
            .execute(c)
            .await
            .map(|done| done.rows_affected()))?;
        Ok(done == 1)
    }
}
