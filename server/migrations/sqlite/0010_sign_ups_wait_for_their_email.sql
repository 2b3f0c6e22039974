-- A sign-up waits here until the code mailed to its address is typed (issue "Accounts whose email
-- and phone are proven"); only then is the account created. Nothing here is an account: signing in
-- or recovering with a pending sign-up's addresses finds nothing, and its user name is not reserved
-- (it is taken when the account is created, so probing user names says nothing about emails).
CREATE TABLE sign_ups (
    id              TEXT PRIMARY KEY NOT NULL,
    username        TEXT NOT NULL,
    email           TEXT NOT NULL,
    phone           TEXT,
    -- Empty when the email or phone already had an account: nothing will be created.
    password_hash   TEXT NOT NULL,
    language        TEXT NOT NULL,
    step            TEXT NOT NULL,           -- enter_code | done | ended
    ended_reason    TEXT,                    -- attempts | username_taken | email_taken
    -- HMAC of the code under the code key; empty when the address was taken (nothing matches it).
    code_hash       BLOB,
    code_expires_at INTEGER NOT NULL,
    sends           INTEGER NOT NULL,
    next_send_at    INTEGER NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    -- SHA-256 of the secret in the sign-up cookie of the one browser that may finish it.
    browser_hash    BLOB NOT NULL,
    created_at      INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX sign_ups_by_expiry ON sign_ups(expires_at);
