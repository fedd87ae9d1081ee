package org.kaohe.imports;

import java.util.List;

import org.springframework.modulith.NamedInterface;

/**
 * A stored table of imported records as {@link VersionDiffs} compares two versions of it: the file
 * it holds, its natural key and the columns whose values make a row "changed" (all but the key,
 * the import version and the source line: a row moved to another line is the same row).
 */
@NamedInterface("imports") // the import module's API; every type here not marked so is internal
public record KeyedTable(String file, String table, String key, List<String> values) {

    public KeyedTable {
        values = List.copyOf(values);
    }

    /** The six quarterly files' tables (V1), in the order of the files. */
    static final List<KeyedTable> QUARTERLY = List.of(
            new KeyedTable(InputFile.DEPARTMENTS.fileName(), "department_record", "dept_id", List.of("name", "type")),
            new KeyedTable(InputFile.CADRES.fileName(), "cadre_record", "cadre_id", List.of("name", "dept_id", "position", "birth_date")),
            new KeyedTable(InputFile.TARGETS.fileName(), "target_record", "target_id", List.of("owner_type", "owner_id", "project",
                    "title", "planned", "actual", "weight", "due_date", "done_date", "key_work")),
            new KeyedTable(InputFile.APPRAISALS.fileName(), "appraisal_record", "cadre_id", List.of("votes_good", "votes_fair",
                    "votes_average", "votes_poor", "leader_score")),
            new KeyedTable(InputFile.EVENTS.fileName(), "event_record", "event_id", List.of("subject_type", "subject_id", "kind",
                    "level", "unit_count", "event_date", "note")),
            new KeyedTable(InputFile.ORGANIZATIONS.fileName(), "organization_record", "org_id", List.of("dept_id", "area",
                    "secretary_age", "members", "activities")));
}
