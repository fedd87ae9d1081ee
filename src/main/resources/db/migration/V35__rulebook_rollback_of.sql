-- A publication that rolls back to an earlier version names it. When imported data use kinds or
-- levels that version lacks, the version published is that one with those registry rows carried
-- over (priced at 0), a version of its own: this column says which version was asked for, so the
-- pages can show the rows it carried over as such. Null for every other publication.
ALTER TABLE rulebook_publication ADD COLUMN rollback_of VARCHAR(80);
