-- The results page's tabs sorted by name and by rank read their pages from an index (results.ResultsList,
-- either end of the order), as V20's do for the default order and by score, instead of sorting a
-- whole tab of a run (100,000 cadres) on every page.
CREATE INDEX ix_subject_result_tab_name ON subject_result (run_id, subject_type, name, subject_id);
CREATE INDEX ix_subject_result_tab_rank ON subject_result (run_id, subject_type, rank_no, subject_id);
