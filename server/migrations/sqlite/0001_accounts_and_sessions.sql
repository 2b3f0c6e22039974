-- People's accounts and their signed-in sessions.
-- Times are Unix seconds (INTEGER) so SQLite and PostgreSQL compare them the same way.

CREATE TABLE accounts (
    id                  INTEGER PRIMARY KEY,
    -- Sign-in accepts any of these three; each is unique, user names and emails case-insensitively.
    username            TEXT NOT NULL UNIQUE COLLATE NOCASE,
    email               TEXT NOT NULL UNIQUE COLLATE NOCASE,
    phone               TEXT UNIQUE,            -- E.164, e.g. +34600000001
    password_hash       TEXT NOT NULL,          -- argon2id PHC string
    language            TEXT NOT NULL,          -- for mail and SMS: 'en' or 'es'
    created_at          INTEGER NOT NULL,
    password_changed_at INTEGER NOT NULL
);

CREATE TABLE sessions (
    -- SHA-256 of the cookie's random token: a leaked database does not leak live sessions.
    token_hash   BLOB PRIMARY KEY,
    account_id   INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL
);
CREATE INDEX sessions_by_account ON sessions(account_id);
CREATE INDEX sessions_by_expiry ON sessions(expires_at);
