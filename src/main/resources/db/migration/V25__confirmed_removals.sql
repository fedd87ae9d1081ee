-- A new import version that removes more than a set share of a file's rows (the property
-- kaohe.imports.confirm-removals-over, a third by default) is stored only when HR confirms it:
-- the confirmation is kept with the version, quarterly and year-end alike.
ALTER TABLE import_version ADD COLUMN removals_confirmed BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE annual_import ADD COLUMN removals_confirmed BOOLEAN DEFAULT FALSE NOT NULL;
