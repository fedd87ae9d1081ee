-- Run seals under the installation's secret key (not stored here: see audit.SealKey).
-- Runs stored before keep their plain SHA-256 seal and are reported as legacy seals.
ALTER TABLE evaluation_run ADD COLUMN seal_scheme VARCHAR(20) DEFAULT 'SHA256' NOT NULL;
ALTER TABLE evaluation_run ADD COLUMN key_id VARCHAR(16);  -- fingerprint of the key that sealed the run

-- Each subject's own seal, so that one subject can be checked alone (audit.RunSealer): an HMAC over
-- the run header, the result and its parts, the digest of its lines and the previous subject's key.
ALTER TABLE subject_result ADD COLUMN seal VARCHAR(64);
ALTER TABLE subject_result ADD COLUMN lines_digest VARCHAR(64);
ALTER TABLE subject_result ADD COLUMN prev_subject VARCHAR(90);
