-- An explanation's reason quotes imported text (a target's title, up to 500 characters; an event's
-- note, up to 1000): 1000 characters could not hold a reason that quotes a full note, and every
-- evaluation of such a period failed. Evidence lists every source row of a line: a department
-- with thousands of organizations needs more than 100,000 characters.
ALTER TABLE explanation_line ALTER COLUMN reason SET DATA TYPE VARCHAR(8000);
ALTER TABLE explanation_line ALTER COLUMN evidence SET DATA TYPE VARCHAR(1000000);
