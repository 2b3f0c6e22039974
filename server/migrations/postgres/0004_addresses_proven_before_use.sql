-- A new email or phone of an account waits here until the code sent to it is typed; until then
-- nothing goes to it and it names no account (sqlite/0011 says more).
CREATE TABLE address_proofs (
    id              TEXT PRIMARY KEY,
    account_id      BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    kind            TEXT NOT NULL,
    address         TEXT NOT NULL,
    step            TEXT NOT NULL,
    ended_reason    TEXT,
    code_hash       BYTEA,
    code_expires_at BIGINT NOT NULL,
    sends           BIGINT NOT NULL,
    next_send_at    BIGINT NOT NULL,
    failed_attempts BIGINT NOT NULL DEFAULT 0,
    created_at      BIGINT NOT NULL,
    expires_at      BIGINT NOT NULL,
    UNIQUE (account_id, kind)
);
CREATE INDEX address_proofs_by_expiry ON address_proofs(expires_at);
