-- A recovery belongs to the browser that started it, and every budget is decided in the write that
-- records it (issue "Recovery under attack").

-- SHA-256 of the secret in the flow cookie of the browser that may take the flow's next step. It is
-- replaced when the code is verified, so only the verifying browser may set the password. Flows
-- started before this migration have none: no browser can continue them (they live an hour at most).
ALTER TABLE recovery_flows ADD COLUMN browser_hash BLOB;
-- Why a flow with step 'ended' ended: attempts | identifier_budget | superseded | expired.
ALTER TABLE recovery_flows ADD COLUMN ended_reason TEXT;

-- Wrong codes are now counted by the request's own transaction (it reads the budgets, then records
-- the failure, on the one writer), not by a trigger that could not refuse a failure over budget.
DROP TRIGGER code_failed_counts;
-- The budget across flows is keyed on the canonical identifier, whether or not it has an account,
-- so exhausting it says nothing about who is registered.
ALTER TABLE code_failures ADD COLUMN identifier TEXT NOT NULL DEFAULT '';
CREATE INDEX code_failures_by_identifier ON code_failures(identifier, at);

-- One row per counted event of a cap (codes sent per identifier, per recipient, per account;
-- notices per address; recoveries started per client address). `key` names the cap and whom it
-- counts, e.g. 'send:email:ana@correo.test'; addresses in it are HMACs, never in clear.
CREATE TABLE cap_events (
    id  INTEGER PRIMARY KEY,
    key TEXT NOT NULL,
    at  INTEGER NOT NULL
);
CREATE INDEX cap_events_by_key ON cap_events(key, at);
CREATE INDEX cap_events_by_age ON cap_events(at);

-- The outbox's `args` now hold the template's variables sealed (XChaCha20-Poly1305 under a key
-- derived from the code key), and are emptied once the message is sent. A message may carry a
-- deadline: a code not delivered before it expires is dropped, not delivered late.
ALTER TABLE outbox ADD COLUMN expires_at INTEGER;
CREATE INDEX outbox_by_expiry ON outbox(expires_at) WHERE expires_at IS NOT NULL;
-- Messages written before this migration carry their arguments in clear; codes among them are
-- dead within minutes anyway.
UPDATE outbox SET args = '' WHERE template = 'recovery-code';
