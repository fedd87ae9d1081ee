-- ix_subject_result_grade (run_id, final_grade) is a prefix of V73's ix_subject_result_grade_id
-- (run_id, final_grade, subject_id): every query it served, the longer one serves. Each index on
-- subject_result is written for every row of every evaluation (issue 19's profile of evaluate:
-- the page indexes are some three quarters of writing a run), so the redundant one goes.
DROP INDEX ix_subject_result_grade;
