-- Password guessing is counted per account, across its user name, email and phone (and per
-- identifier string for identifiers without an account, so both answer alike): consecutive wrong
-- passwords, the moment the next try may come, and when the owner was last warned by mail.
-- `key` is `account:<id>`, or `identifier:` and an HMAC of the identifier (never in clear).
CREATE TABLE sign_in_guards (
    key           TEXT PRIMARY KEY,
    failures      INTEGER NOT NULL,
    blocked_until INTEGER NOT NULL,
    warned_at     INTEGER NOT NULL DEFAULT 0,
    updated_at    INTEGER NOT NULL
);
CREATE INDEX sign_in_guards_by_age ON sign_in_guards(updated_at);
-- Failed sign-ins are now counted per network only (the guards count them per account); what was
-- typed is no longer kept in clear.
UPDATE sign_in_failures SET identifier = '';
