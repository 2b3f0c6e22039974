-- Account recovery: flows, the messages waiting to go out, the audit trail, and the bot-check replay store.

-- Secrets the server generates itself in dev mode (production reads them from configuration).
CREATE TABLE server_secrets (
    name  TEXT PRIMARY KEY,
    value BLOB NOT NULL
);

CREATE TABLE recovery_flows (
    id              TEXT PRIMARY KEY,          -- random, 128 bits, in the browser's URL
    account_id      INTEGER REFERENCES accounts(id) ON DELETE CASCADE,  -- NULL: no account matched
    identifier_kind TEXT NOT NULL,             -- email | username | phone
    identifier      TEXT NOT NULL,             -- canonical form, for the "no account here" notice
    language        TEXT NOT NULL,
    step            TEXT NOT NULL,             -- choose_method | enter_code | new_password | done | ended
    channel         TEXT,                      -- email | sms: of the live code
    code_hash       BLOB,                      -- HMAC-SHA256(server key, flow id ‖ code); never the code
    code_expires_at INTEGER,
    sends           INTEGER NOT NULL DEFAULT 0,
    next_send_at    INTEGER NOT NULL DEFAULT 0,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    verified_at     INTEGER,
    created_at      INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL
);
CREATE INDEX recovery_flows_by_account ON recovery_flows(account_id);
CREATE INDEX recovery_flows_by_expiry ON recovery_flows(expires_at);

-- One row per wrong code, for the budgets that span flows: per account per day, per IP.
CREATE TABLE code_failures (
    id         INTEGER PRIMARY KEY,
    account_id INTEGER REFERENCES accounts(id) ON DELETE CASCADE,
    ip         TEXT NOT NULL,
    at         INTEGER NOT NULL
);
CREATE INDEX code_failures_by_account ON code_failures(account_id, at);
CREATE INDEX code_failures_by_ip ON code_failures(ip, at);

-- Every mail and SMS is a row first; the delivery worker sends it, retrying with backoff.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    channel         TEXT NOT NULL,             -- email | sms
    recipient       TEXT NOT NULL,
    language        TEXT NOT NULL,
    template        TEXT NOT NULL,             -- which message: recovery-code, no-account, password-changed …
    args            TEXT NOT NULL,             -- JSON object of the template's variables
    created_at      INTEGER NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    claimed_until   INTEGER NOT NULL DEFAULT 0,-- a worker holds it until then (crash-safe lease)
    sent_at         INTEGER,
    last_error      TEXT
);
CREATE INDEX outbox_pending ON outbox(sent_at, next_attempt_at);

CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    at         INTEGER NOT NULL,
    event      TEXT NOT NULL,   -- recovery_requested, code_sent, code_failed, budget_exhausted, password_changed, notice_sent …
    account_id INTEGER,
    flow_id    TEXT,
    ip         TEXT NOT NULL,
    user_agent TEXT NOT NULL
);
CREATE INDEX audit_log_by_account ON audit_log(account_id, at);

-- Solved bot-check challenges, each accepted once; kept until the challenge would have expired anyway.
CREATE TABLE bot_check_used (
    signature  TEXT PRIMARY KEY,
    expires_at INTEGER NOT NULL
);
