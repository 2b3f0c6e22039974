-- Failed sign-ins, for throttling password guessing per identifier (whether or not it has an account,
-- so throttling reveals nothing) and per IP address.
CREATE TABLE sign_in_failures (
    id         INTEGER PRIMARY KEY,
    identifier TEXT NOT NULL,   -- canonical form of what was typed
    ip         TEXT NOT NULL,
    at         INTEGER NOT NULL
);
CREATE INDEX sign_in_failures_by_identifier ON sign_in_failures(identifier, at);
CREATE INDEX sign_in_failures_by_ip ON sign_in_failures(ip, at);
