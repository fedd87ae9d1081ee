package org.kaohe.imports;

import java.util.ArrayList;
import java.util.List;

import org.kaohe.records.Department;
import org.kaohe.records.DeptType;

/** departments.csv rows → {@link Department}s. */
final class DepartmentRows {

    private DepartmentRows() {}

    static List<Department> read(CsvTable table, Problems problems) {
        List<Department> result = new ArrayList<>();
        UniqueIds ids = new UniqueIds();
        for (CsvRow row : table.rows()) {
            Department record = row(table, row, ids, problems);
            if (record != null) {
                result.add(record);
            }
        }
        return result;
    }

    /** One row as a record, or null when it has an error (each one reported); {@code ids} holds the file's ids so far. */
    static Department row(CsvTable table, CsvRow row, UniqueIds ids, Problems problems) {
        RowFields f = new RowFields(table, row, problems);
        String id = f.id("dept_id");
        ids.add(f, "dept_id", id);
        String name = f.text("name", 200);
        DeptType type = f.code("type", DeptType.class);
        return f.ok() ? new Department(id, name, type, f.source()) : null;
    }
}
