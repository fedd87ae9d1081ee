package org.kaohe.records;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Checks between files: every reference names a record that exists, and no cadre has the id of a
 * department ({@code explain} takes an id without saying which kind). Works on the raw cells of
 * every row, so a row with another error still has its references checked, and a reference to a
 * row that has an error of its own is not reported twice. References into a file that could not
 * be read to its end are not checked: they would only echo that file's error.
 */
final class CrossFileChecks {

    private final Map<InputFile, CsvTable> tables;
    private final Problems problems;

    private CrossFileChecks(Map<InputFile, CsvTable> tables, Problems problems) {
        this.tables = tables;
        this.problems = problems;
    }

    static void check(Map<InputFile, CsvTable> tables, Problems problems) {
        new CrossFileChecks(tables, problems).run();
    }

    private void run() {
        CsvTable departments = tables.get(InputFile.DEPARTMENTS);
        CsvTable cadres = tables.get(InputFile.CADRES);
        Set<String> deptIds = ids(departments, "dept_id");
        Set<String> cadreIds = ids(cadres, "cadre_id");
        for (CsvRow row : cadres.rows()) {
            String id = cadres.cell(row, "cadre_id");
            if (deptIds.contains(id)) {
                problems.error(cadres.fileName(), row.line(), cadres.header("cadre_id"), "干部编号与某部门编号相同，"
                        + "编号须在干部和部门之间唯一 / a cadre id equal to a department id: ids must be unique across "
                        + "cadres and departments: " + id);
            }
        }
        reference(cadres, "dept_id", departments, deptIds);
        reference(tables.get(InputFile.ORGANIZATIONS), "dept_id", departments, deptIds);
        reference(tables.get(InputFile.APPRAISALS), "cadre_id", cadres, cadreIds);
        subjectReference(tables.get(InputFile.TARGETS), "owner_type", "owner_id", deptIds, cadreIds);
        subjectReference(tables.get(InputFile.EVENTS), "subject_type", "subject_id", deptIds, cadreIds);
    }

    private void reference(CsvTable from, String column, CsvTable to, Set<String> ids) {
        if (!to.complete()) {
            return;
        }
        for (CsvRow row : from.rows()) {
            String id = from.cell(row, column);
            if (!id.isEmpty() && !ids.contains(id)) {
                problems.error(from.fileName(), row.line(), from.header(column), "在 " + to.fileName() + " 中找不到 "
                        + id + " / not found in " + to.fileName() + ": " + id);
            }
        }
    }

    private void subjectReference(CsvTable from, String typeColumn, String idColumn, Set<String> deptIds,
                                  Set<String> cadreIds) {
        for (CsvRow row : from.rows()) {
            SubjectType type = CodedValue.lookup(SubjectType.class, from.cell(row, typeColumn));
            String id = from.cell(row, idColumn);
            if (type == null || id.isEmpty()) {
                continue; // the bad type or missing id is reported by the row's own checks
            }
            CsvTable to = tables.get(type == SubjectType.CADRE ? InputFile.CADRES : InputFile.DEPARTMENTS);
            Set<String> ids = type == SubjectType.CADRE ? cadreIds : deptIds;
            if (to.complete() && !ids.contains(id)) {
                problems.error(from.fileName(), row.line(), from.header(idColumn), "在 " + to.fileName() + " 中找不到"
                        + type.label() + " " + id + " / " + type.name().toLowerCase() + " not found in "
                        + to.fileName() + ": " + id);
            }
        }
    }

    private static Set<String> ids(CsvTable table, String column) {
        Set<String> ids = new HashSet<>();
        for (CsvRow row : table.rows()) {
            ids.add(table.cell(row, column));
        }
        return ids;
    }
}
