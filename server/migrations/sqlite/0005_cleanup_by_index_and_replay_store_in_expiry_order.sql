-- The periodic cleanup deletes rows by age. Without an index on the age column each of its deletes
-- read the whole table while holding the database's one writer, and every request that writes
-- waited for it.
CREATE INDEX code_failures_by_age ON code_failures(at);
CREATE INDEX sign_in_failures_by_age ON sign_in_failures(at);

-- The bot check's replay store, keyed by expiry first. Solved challenges arrive roughly in order of
-- expiry, so each is added next to the last one instead of on a random page of an index of random
-- signatures: the background checkpoint copies a few pages a second rather than one per request,
-- and the cleanup's delete by expiry walks the same key. A signature always comes with the expiry
-- it signs, so the pair is unique exactly when the signature is.
CREATE TABLE bot_check_used_by_expiry (
    expires_at INTEGER NOT NULL,
    signature  TEXT NOT NULL,
    PRIMARY KEY (expires_at, signature)
) WITHOUT ROWID;
INSERT INTO bot_check_used_by_expiry (expires_at, signature) SELECT expires_at, signature FROM bot_check_used;
DROP TABLE bot_check_used;
ALTER TABLE bot_check_used_by_expiry RENAME TO bot_check_used;
