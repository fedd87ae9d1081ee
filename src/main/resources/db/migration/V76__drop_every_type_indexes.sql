-- A page of every type (cadres and departments in one order) is read as the two types' own index
-- walks merged (results.MixedTypesPage), in every order and within each grade; the indexes of the
-- whole run across types (V20's ix_subject_result_dept in the default order, V73's
-- ix_subject_result_grade_id by grade and id) serve no page any more. Each index on subject_result
-- is written for every row of every evaluation (issue 19's profile: the page indexes are some three
-- quarters of writing a run), so they go. A whole-run export in the default order sorts the run once.
DROP INDEX ix_subject_result_dept;
DROP INDEX ix_subject_result_grade_id;
