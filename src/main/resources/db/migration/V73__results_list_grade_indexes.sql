-- Results sorted by grade are read grade by grade (results.ResultsList): each grade's rows by id from
-- an index, for every type and for a tab, instead of sorting a whole run by its grade scale.
CREATE INDEX ix_subject_result_grade_id ON subject_result (run_id, final_grade, subject_id);
CREATE INDEX ix_subject_result_tab_grade_id ON subject_result (run_id, subject_type, final_grade, subject_id);
