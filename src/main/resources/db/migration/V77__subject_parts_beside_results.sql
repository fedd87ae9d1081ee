-- A subject's parts (its points by part, a short JSON text) move from subject_detail to its row in
-- subject_result. subject_detail's row also holds the subject's explanation lines (kilobytes of JSON),
-- and a database reads the whole row to hand back one column: every reader of a run's parts (the
-- results command and exports checking each row's seal, a run's verification, the run comparison)
-- read the run's lines with them (issue 19: a quarter of `results --format csv` at 100,000 cadres).
-- What the seals cover is unchanged (the parts' values, not where they are kept). A subject whose
-- details row was deleted has no parts here either (null: read as none, as before).
ALTER TABLE subject_result ADD COLUMN parts VARCHAR(10000);
UPDATE subject_result SET parts = (SELECT d.parts FROM subject_detail d WHERE d.run_id = subject_result.run_id
    AND d.subject_type = subject_result.subject_type AND d.subject_id = subject_result.subject_id);
ALTER TABLE subject_detail DROP COLUMN parts;
