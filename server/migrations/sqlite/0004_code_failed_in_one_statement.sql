-- A wrong code is recorded by one statement: its audit row. Inserting that row also counts the wrong
-- code against its flow and in the budgets that span flows (`code_failures`), within the same
-- statement, which SQLite applies atomically. The database's single writer is then taken once per
-- wrong code, not held for a five-step transaction: wrong codes are what an attacker sends most.
CREATE TRIGGER code_failed_counts AFTER INSERT ON audit_log
WHEN NEW.event = 'code_failed'
BEGIN
    UPDATE recovery_flows SET failed_attempts = failed_attempts + 1 WHERE id = NEW.flow_id;
    INSERT INTO code_failures (account_id, ip, at) VALUES (NEW.account_id, NEW.ip, NEW.at);
END;
