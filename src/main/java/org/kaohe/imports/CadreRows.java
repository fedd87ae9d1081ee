package org.kaohe.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.kaohe.errors.Message;
import org.kaohe.records.Cadre;
import org.kaohe.records.Period;

/** cadres.csv rows → {@link Cadre}s. */
final class CadreRows {

    private CadreRows() {}

    static List<Cadre> read(CsvTable table, Period period, Problems problems) {
        List<Cadre> result = new ArrayList<>();
        UniqueIds ids = new UniqueIds();
        for (CsvRow row : table.rows()) {
            Cadre record = row(table, row, period, ids, problems);
            if (record != null) {
                result.add(record);
            }
        }
        return result;
    }

    /** One row as a record, or null when it has an error (each one reported); {@code ids} holds the file's ids so far. */
    static Cadre row(CsvTable table, CsvRow row, Period period, UniqueIds ids, Problems problems) {
        RowFields f = new RowFields(table, row, problems);
        String id = f.id("cadre_id");
        ids.add(f, "cadre_id", id);
        String name = f.text("name", 200);
        String deptId = f.id("dept_id");
        String position = f.text("position", 200);
        LocalDate birthDate = f.date("birth_date");
        if (birthDate != null && birthDate.isAfter(period.endDate())) {
            f.error("birth_date", Message.of("import.row.bornAfterPeriod", birthDate.toString()));
        }
        return f.ok() ? new Cadre(id, name, deptId, position, birthDate, f.source()) : null;
    }
}
