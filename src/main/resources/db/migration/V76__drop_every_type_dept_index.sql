-- A page of every type (cadres and departments in one order) is read as the two types' own index
-- walks merged (results.MixedTypesPage), in every order; the index of the whole run in the default
-- order (V20's ix_subject_result_dept) serves no page any more. Each index on subject_result is
-- written for every row of every evaluation (issue 19's profile: the page indexes are some three
-- quarters of writing a run), so it goes. A whole-run export in that order sorts the run once.
DROP INDEX ix_subject_result_dept;
