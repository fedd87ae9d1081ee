package org.kaohe.results;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Results as an Excel workbook (XLSX): the columns of {@link ResultRow}, score as a number, every
 * text cell spreadsheet-safe (a name such as {@code =HYPERLINK(...)} is shown, never run).
 */
public final class ResultsWorkbook {

    private ResultsWorkbook() {}

    public static byte[] xlsx(String sheetName, List<ResultRow> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(sheetName);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            String[] columns = ResultRow.columns(rows);
            CellStyle alarm = workbook.createCellStyle();
            alarm.setFillForegroundColor(org.apache.poi.ss.usermodel.IndexedColors.RED.getIndex());
            alarm.setFillPattern(org.apache.poi.ss.usermodel.FillPatternType.SOLID_FOREGROUND);
            alarm.setFont(font);
            Row header = sheet.createRow(0);
            for (int c = 0; c < columns.length; c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(columns[c]);
                cell.setCellStyle(bold);
            }
            int r = 1;
            for (ResultRow row : rows) {
                Row line = sheet.createRow(r++);
                line.createCell(0).setCellValue(SpreadsheetSafe.text(row.subjectType()));
                line.createCell(1).setCellValue(SpreadsheetSafe.text(row.subjectId()));
                line.createCell(2).setCellValue(SpreadsheetSafe.text(row.name()));
                line.createCell(3).setCellValue(SpreadsheetSafe.text(row.deptId()));
                // POI writes numbers as doubles; the score has 2 decimals, which a double shows exactly enough.
                line.createCell(4).setCellValue(row.score().doubleValue());
                line.createCell(5).setCellValue(SpreadsheetSafe.text(row.grade()));
                line.createCell(6).setCellValue(row.rank());
                line.createCell(7).setCellValue(row.vetoed());
                if (row.seal() != null) {
                    Cell seal = line.createCell(8);
                    seal.setCellValue(row.seal());
                    seal.setCellStyle(alarm); // only marked when the run failed its check: every such row is suspect
                }
            }
            sheet.createFreezePane(0, 1);
            for (int c = 0; c < columns.length; c++) {
                sheet.setColumnWidth(c, (c == 2 || c == 8 ? 20 : 12) * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("writing a workbook to memory cannot fail", e);
        }
    }
}
