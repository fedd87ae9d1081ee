package org.kaohe.records;

import java.util.ArrayList;
import java.util.List;

/** organizations.csv rows → {@link Organization}s. */
final class OrganizationRows {

    /** A secretary older than this is a typing error, not a person. */
    private static final int OLDEST_SECRETARY = 120;

    private OrganizationRows() {}

    static List<Organization> read(CsvTable table, Problems problems) {
        List<Organization> result = new ArrayList<>();
        UniqueIds ids = new UniqueIds();
        for (CsvRow row : table.rows()) {
            RowFields f = new RowFields(table, row, problems);
            String id = f.id("org_id");
            ids.add(f, "org_id", id);
            String deptId = f.id("dept_id");
            Area area = f.code("area", Area.class);
            Integer secretaryAge = f.integer("secretary_age", 0, OLDEST_SECRETARY, null);
            Integer members = f.integer("members", 0, Integer.MAX_VALUE, null);
            Integer activities = f.integer("activities", 0, Integer.MAX_VALUE, null);
            if (f.ok()) {
                result.add(new Organization(id, deptId, area, secretaryAge, members, activities, f.source()));
            }
        }
        return result;
    }
}
