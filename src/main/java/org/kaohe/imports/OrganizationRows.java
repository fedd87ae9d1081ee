package org.kaohe.imports;

import java.util.ArrayList;
import java.util.List;

import org.kaohe.records.Area;
import org.kaohe.records.Organization;

/** organizations.csv rows → {@link Organization}s. */
final class OrganizationRows {

    /** A secretary older than this is a typing error, not a person. */
    private static final int OLDEST_SECRETARY = 120;

    /** Far above any real membership or activity count: a larger number is a typing error. */
    private static final int MAX_COUNT = 1_000_000;

    private OrganizationRows() {}

    static List<Organization> read(CsvTable table, Problems problems) {
        List<Organization> result = new ArrayList<>();
        UniqueIds ids = new UniqueIds();
        for (CsvRow row : table.rows()) {
            Organization record = row(table, row, ids, problems);
            if (record != null) {
                result.add(record);
            }
        }
        return result;
    }

    /** One row as a record, or null when it has an error (each one reported); {@code ids} holds the file's ids so far. */
    static Organization row(CsvTable table, CsvRow row, UniqueIds ids, Problems problems) {
        RowFields f = new RowFields(table, row, problems);
        String id = f.id("org_id");
        ids.add(f, "org_id", id);
        String deptId = f.id("dept_id");
        Area area = f.code("area", Area.class);
        Integer secretaryAge = f.integer("secretary_age", 0, OLDEST_SECRETARY, null);
        Integer members = f.integer("members", 0, MAX_COUNT, null);
        Integer activities = f.integer("activities", 0, MAX_COUNT, null);
        return f.ok() ? new Organization(id, deptId, area, secretaryAge, members, activities, f.source()) : null;
    }
}
