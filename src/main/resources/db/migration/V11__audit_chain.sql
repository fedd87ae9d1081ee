-- The audit log becomes tamper-evident: every entry is numbered without gaps (seq) and carries an
-- HMAC under the installation's key over its content and the previous entry's HMAC (audit.AuditLog).
-- Entries written before this have no mac: they read as legacy, unprotected entries.
ALTER TABLE audit_log ADD COLUMN seq BIGINT;
ALTER TABLE audit_log ADD COLUMN mac VARCHAR(64);
UPDATE audit_log SET seq = (SELECT COUNT(*) FROM audit_log b WHERE b.id <= audit_log.id);
ALTER TABLE audit_log ALTER COLUMN seq SET NOT NULL;
CREATE UNIQUE INDEX uq_audit_log_seq ON audit_log (seq);
CREATE INDEX ix_audit_log_actor ON audit_log (actor);
CREATE INDEX ix_audit_log_action ON audit_log (action);

-- The head of the chain: one row, locked by every append so that entries are numbered and chained
-- one after the other, across the web server and the command line alike.
CREATE TABLE audit_chain (
    id        INT         NOT NULL PRIMARY KEY,
    last_seq  BIGINT      NOT NULL,
    last_mac  VARCHAR(64) NOT NULL
);
INSERT INTO audit_chain (id, last_seq, last_mac) VALUES (1, (SELECT COALESCE(MAX(seq), 0) FROM audit_log), '');
