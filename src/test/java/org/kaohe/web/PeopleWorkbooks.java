package org.kaohe.web;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/** Reading the people's results workbook in tests: where its table starts, under the block of facts. */
public final class PeopleWorkbooks {

    private PeopleWorkbooks() {}

    /** The table's header row: the row whose second cell is 编号. */
    public static int headerRow(Sheet sheet) {
        for (Row row : sheet) {
            if (row.getCell(1) != null && row.getCell(1).getCellType() == CellType.STRING
                    && row.getCell(1).getStringCellValue().equals("编号")) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no header row");
    }
}
