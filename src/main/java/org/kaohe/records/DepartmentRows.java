package org.kaohe.records;

import java.util.ArrayList;
import java.util.List;

/** departments.csv rows → {@link Department}s. */
final class DepartmentRows {

    private DepartmentRows() {}

    static List<Department> read(CsvTable table, Problems problems) {
        List<Department> result = new ArrayList<>();
        UniqueIds ids = new UniqueIds();
        for (CsvRow row : table.rows()) {
            RowFields f = new RowFields(table, row, problems);
            String id = f.id("dept_id");
            ids.add(f, "dept_id", id);
            String name = f.text("name", 200);
            DeptType type = f.code("type", DeptType.class);
            if (f.ok()) {
                result.add(new Department(id, name, type, f.source()));
            }
        }
        return result;
    }
}
