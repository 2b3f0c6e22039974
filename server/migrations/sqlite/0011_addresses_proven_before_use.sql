-- A new email or phone of an account waits here until the code sent to it is typed (issue "Accounts
-- whose email and phone are proven"). Until then nothing goes to it (no recovery code, no notice) and
-- it names no account: `accounts.email` and `accounts.phone` hold only proven addresses.
-- One row per account and kind. A new address replaces the row's address, id and code but keeps its
-- count of sends, so typing another number does not restart the cool-down between codes.
CREATE TABLE address_proofs (
    -- Random, new for every address: the code's MAC is bound to it, so a code proves one address.
    id              TEXT PRIMARY KEY NOT NULL,
    account_id      INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    kind            TEXT NOT NULL,               -- email | phone
    address         TEXT NOT NULL,               -- normalized: the email as validated, the phone in E.164
    step            TEXT NOT NULL,               -- enter_code | ended
    ended_reason    TEXT,                        -- attempts
    -- HMAC of the code under the code key; NULL until a code is sent (a phone typed at sign-up).
    code_hash       BLOB,
    code_expires_at INTEGER NOT NULL,
    sends           INTEGER NOT NULL,
    next_send_at    INTEGER NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL,
    UNIQUE (account_id, kind)
) WITHOUT ROWID;
CREATE INDEX address_proofs_by_expiry ON address_proofs(expires_at);
