-- The outbox tells a message it will never deliver from one it will retry, and sends codes first.

-- When delivery was given up (a permanent refusal, or the last allowed attempt failed). Such a
-- message is kept for operators (`recupera-server outbox failed`, `… retry ID`), then cleaned up.
ALTER TABLE outbox ADD COLUMN failed_at INTEGER;
-- 0: a message with a deadline (a code, which someone is waiting for); 1: a notice.
ALTER TABLE outbox ADD COLUMN priority INTEGER NOT NULL DEFAULT 1;
UPDATE outbox SET priority = 0 WHERE expires_at IS NOT NULL;

-- The worker's claim walks the due messages in the order it takes them (codes first, then the due
-- the longest), through an index of only the messages still to send.
DROP INDEX outbox_pending;
CREATE INDEX outbox_due ON outbox(priority, next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;
-- The cleanup's deletes by age.
CREATE INDEX outbox_by_sent ON outbox(sent_at) WHERE sent_at IS NOT NULL;
CREATE INDEX outbox_by_failure ON outbox(failed_at) WHERE failed_at IS NOT NULL;
