package org.kaohe.records;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** cadres.csv rows → {@link Cadre}s. */
final class CadreRows {

    private CadreRows() {}

    static List<Cadre> read(CsvTable table, Period period, Problems problems) {
        List<Cadre> result = new ArrayList<>();
        UniqueIds ids = new UniqueIds();
        for (CsvRow row : table.rows()) {
            RowFields f = new RowFields(table, row, problems);
            String id = f.id("cadre_id");
            ids.add(f, "cadre_id", id);
            String name = f.text("name", 200);
            String deptId = f.id("dept_id");
            String position = f.text("position", 200);
            LocalDate birthDate = f.date("birth_date");
            if (birthDate != null && birthDate.isAfter(period.endDate())) {
                f.error("birth_date", "出生日期晚于考核期末 / birth date after the end of the period: " + birthDate);
            }
            if (f.ok()) {
                result.add(new Cadre(id, name, deptId, position, birthDate, f.source()));
            }
        }
        return result;
    }
}
