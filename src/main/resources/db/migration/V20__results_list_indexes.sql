-- The results page and GET /api/periods/{p}/results filter, sort and page in the database
-- (results.ResultsList). Each index below matches one common page's WHERE and ORDER BY exactly, so
-- the database reads that page from the index instead of sorting a whole run (100,000 subjects):
-- a tab (cadres or departments) in its default order, also filtered by department:
CREATE INDEX ix_subject_result_tab ON subject_result (run_id, subject_type, dept_id, rank_no, subject_id);
-- a tab by score, best first:
CREATE INDEX ix_subject_result_tab_score ON subject_result (run_id, subject_type, score DESC, subject_id);
-- every type in the default order (each department, then its cadres by rank):
CREATE INDEX ix_subject_result_dept ON subject_result (run_id, dept_id, subject_type DESC, rank_no, subject_id);
-- filtering by grade:
CREATE INDEX ix_subject_result_grade ON subject_result (run_id, final_grade);
