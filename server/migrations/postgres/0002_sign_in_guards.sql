-- Password guessing is counted per account, across its user name, email and phone (and per
-- identifier string for identifiers without an account, so both answer alike): consecutive wrong
-- passwords, the moment the next try may come, and when the owner was last warned by mail.
-- `key` is `account:<id>`, or `identifier:` and an HMAC of the identifier (never in clear).
CREATE TABLE sign_in_guards (
    key           TEXT PRIMARY KEY,
    failures      BIGINT NOT NULL,
    blocked_until BIGINT NOT NULL,
    warned_at     BIGINT NOT NULL DEFAULT 0,
    updated_at    BIGINT NOT NULL
);
CREATE INDEX sign_in_guards_by_age ON sign_in_guards(updated_at);
