-- A signal run sealed when stored (HMAC under the key, through the runs' own sealer): the run's row,
-- the runs it read, every flag with its figures and records in its order, and the charts drawn from
-- the records it read. A view checks the seal instead of computing the signals again. Runs stored
-- before this have no seal: they are checked by recomputation once, then sealed (charts with them).
ALTER TABLE signal_run ADD COLUMN seal VARCHAR(64);
ALTER TABLE signal_run ADD COLUMN key_id VARCHAR(16);  -- fingerprint of the key that sealed the run
ALTER TABLE signal_run ADD COLUMN charts TEXT;         -- JSON of SignalCharts, covered by the seal
