-- The annual grade names (annual_run_grade) are read on every annual page, as run_grade is for a
-- quarter: their keyed seal, written with the annual run's. Annual runs stored before have none.
ALTER TABLE annual_run ADD COLUMN labels_seal VARCHAR(64);
