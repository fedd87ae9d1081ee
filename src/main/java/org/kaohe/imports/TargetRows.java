package org.kaohe.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.kaohe.records.Period;
import org.kaohe.records.Project;
import org.kaohe.records.SubjectType;
import org.kaohe.records.Target;

/** targets.csv rows → {@link Target}s. */
final class TargetRows {

    private TargetRows() {}

    static List<Target> read(CsvTable table, Period period, Problems problems) {
        List<Target> result = new ArrayList<>();
        UniqueIds ids = new UniqueIds();
        for (CsvRow row : table.rows()) {
            Target record = row(table, row, period, ids, problems);
            if (record != null) {
                result.add(record);
            }
        }
        return result;
    }

    /** One row as a record, or null when it has an error (each one reported); {@code ids} holds the file's ids so far. */
    static Target row(CsvTable table, CsvRow row, Period period, UniqueIds ids, Problems problems) {
        RowFields f = new RowFields(table, row, problems);
        String id = f.id("target_id");
        ids.add(f, "target_id", id);
        f.samePeriod("period", period);
        SubjectType ownerType = f.code("owner_type", SubjectType.class);
        String ownerId = f.id("owner_id");
        Project project = f.code("project", Project.class);
        String title = f.text("title", 500);
        BigDecimal planned = f.positive("planned");
        BigDecimal actual = f.nonNegative("actual");
        BigDecimal weight = f.positive("weight");
        LocalDate dueDate = f.date("due_date");
        LocalDate doneDate = f.optionalDate("done_date");
        Boolean keyWork = f.yesNo("key_work");
        return f.ok() ? new Target(id, ownerType, ownerId, project, title, planned, actual, weight, dueDate,
                            doneDate, keyWork, f.source()) : null;
    }
}
