-- The grade names and part names a run is read with (run_grade, run_part) are shown on every page:
-- an edit there (较差 renamed 好) would change what every result says without touching a score.
-- Their keyed seal, written with the run's; runs stored before have none and are read as before.
ALTER TABLE evaluation_run ADD COLUMN labels_seal VARCHAR(64);
