-- The results page and GET /api/periods/{p}/results filter, sort and page in the database
-- (results.ResultsList): these indexes let one page of a large run be read without scanning it.
-- Department filter and the default order (department, its own row, then its cadres by rank):
CREATE INDEX ix_subject_result_dept ON subject_result (run_id, dept_id, subject_type, rank_no);
-- Sorting by score and filtering by grade:
CREATE INDEX ix_subject_result_score ON subject_result (run_id, score);
CREATE INDEX ix_subject_result_grade ON subject_result (run_id, final_grade);
