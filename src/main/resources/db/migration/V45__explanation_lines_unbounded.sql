-- Column sizes follow the checked limits, so nothing that validates can fail to store (issue 18).
-- A subject's explanation lines are as many as its records, and one line's evidence names every
-- source row behind it: an import within its limits (300,000 rows a file) can give one subject
-- more than the 1,000,000 characters subject_detail.lines held, and every evaluation of such a
-- period failed. The parts JSON stays VARCHAR(10000): parts.csv holds at most 100 rows
-- (rules.book.BookLimits.MAX_PARTS), under 4,000 characters.
ALTER TABLE subject_detail ALTER COLUMN lines SET DATA TYPE TEXT;
