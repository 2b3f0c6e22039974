-- A session ends after a while unused, besides its absolute lifetime (`--session-idle-timeout-s`).
-- Its last use is recorded at most once a minute, so a busy page does not write at every request.
ALTER TABLE sessions ADD COLUMN last_seen_at INTEGER NOT NULL DEFAULT 0;
UPDATE sessions SET last_seen_at = created_at;
