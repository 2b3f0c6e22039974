-- A sign-up waits here until the code mailed to its address is typed; only then is the account
-- created (sqlite/0010 says why). Nothing here is an account, and its user name is not reserved.
CREATE TABLE sign_ups (
    id              TEXT PRIMARY KEY,
    username        TEXT NOT NULL,
    email           TEXT NOT NULL,
    phone           TEXT,
    password_hash   TEXT NOT NULL,
    language        TEXT NOT NULL,
    step            TEXT NOT NULL,
    ended_reason    TEXT,
    code_hash       BYTEA,
    code_expires_at BIGINT NOT NULL,
    sends           BIGINT NOT NULL,
    next_send_at    BIGINT NOT NULL,
    failed_attempts BIGINT NOT NULL DEFAULT 0,
    browser_hash    BYTEA NOT NULL,
    created_at      BIGINT NOT NULL,
    expires_at      BIGINT NOT NULL
);
CREATE INDEX sign_ups_by_expiry ON sign_ups(expires_at);
