-- The periodic cleanup deletes rows by age. Without an index on the age column each of these
-- deletes read its whole table while holding the database's one writer: a replay store of a day's
-- bot checks took tens of milliseconds to scan, and every request that writes waited for it.
CREATE INDEX bot_check_used_by_expiry ON bot_check_used(expires_at);
CREATE INDEX code_failures_by_age ON code_failures(at);
CREATE INDEX sign_in_failures_by_age ON sign_in_failures(at);
