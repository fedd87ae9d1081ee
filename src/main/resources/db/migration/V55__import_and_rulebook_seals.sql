-- Seals from the file to the paper: an import version's records and a rulebook version's files are
-- sealed under the installation's key when stored (audit.SealKey), like runs. Each record row and
-- each stored file carries its own seal (so one row is named when it fails); the version's seal
-- covers its header, its files and how many records of each table it holds (so a deleted row is
-- found). Versions stored before have none and read as "stored before seals, not protected".
ALTER TABLE import_version ADD COLUMN seal VARCHAR(64);
ALTER TABLE import_version ADD COLUMN key_id VARCHAR(16);
ALTER TABLE import_version ADD COLUMN record_counts VARCHAR(200);
ALTER TABLE import_file ADD COLUMN seal VARCHAR(64);
ALTER TABLE department_record ADD COLUMN seal VARCHAR(64);
ALTER TABLE cadre_record ADD COLUMN seal VARCHAR(64);
ALTER TABLE target_record ADD COLUMN seal VARCHAR(64);
ALTER TABLE appraisal_record ADD COLUMN seal VARCHAR(64);
ALTER TABLE event_record ADD COLUMN seal VARCHAR(64);
ALTER TABLE organization_record ADD COLUMN seal VARCHAR(64);

-- A rulebook version's seal: its name, who stored it and when, and each file's name and digest; each file
-- carries its own seal too, so a changed file is named.
ALTER TABLE rulebook_version ADD COLUMN seal VARCHAR(64);
ALTER TABLE rulebook_version ADD COLUMN key_id VARCHAR(16);
ALTER TABLE rulebook_file ADD COLUMN seal VARCHAR(64);
-- Each publication's seal (which version, who, when, why), so a row added or edited in SQL cannot
-- put another version in force.
ALTER TABLE rulebook_publication ADD COLUMN seal VARCHAR(64);

-- The year-end appraisal imports, sealed the same way: each record row, and the import over its
-- header, its file's digest and how many records it holds.
ALTER TABLE annual_import ADD COLUMN seal VARCHAR(64);
ALTER TABLE annual_import ADD COLUMN key_id VARCHAR(16);
ALTER TABLE annual_appraisal_record ADD COLUMN seal VARCHAR(64);
