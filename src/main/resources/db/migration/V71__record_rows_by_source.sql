-- A subject's page shows the import rows its explanation lines cite ("targets.csv:12"), each checked
-- against its own seal (imports.CitedRecords). These indexes find a cited row by its file and line
-- without reading the whole import (a city of 100,000 cadres holds some 400,000 record rows).
CREATE INDEX ix_department_record_source ON department_record (import_id, source_file, source_line);
CREATE INDEX ix_cadre_record_source ON cadre_record (import_id, source_file, source_line);
CREATE INDEX ix_target_record_source ON target_record (import_id, source_file, source_line);
CREATE INDEX ix_appraisal_record_source ON appraisal_record (import_id, source_file, source_line);
CREATE INDEX ix_event_record_source ON event_record (import_id, source_file, source_line);
CREATE INDEX ix_organization_record_source ON organization_record (import_id, source_file, source_line);
