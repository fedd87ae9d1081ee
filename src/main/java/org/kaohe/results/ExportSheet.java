package org.kaohe.results;

import java.math.RoundingMode;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/** One sheet being written: the first block, the header, then rows as they come. */
final class ExportSheet {

    private final Sheet sheet;
    private final ExportLabels labels;
    private final Styles styles;
    private final String title;
    private final int labelsWidth;
    private final int headerRow;
    private int next;

    ExportSheet(Sheet sheet, List<String[]> facts, ExportLabels labels, Styles styles, String title) {
        this.sheet = sheet;
        this.labels = labels;
        this.styles = styles;
        this.title = title;
        this.labelsWidth = facts.stream().mapToInt(fact -> PrintLayout.width(0, fact[0])).max().orElse(0);
        Row first = sheet.createRow(next++);
        text(first, 0, facts.get(0)[0] + " " + facts.get(0)[1], styles.title);
        for (String[] fact : facts.subList(1, facts.size())) {
            Row row = sheet.createRow(next++);
            text(row, 0, fact[0], styles.bold);
            text(row, 1, fact[1], null);
        }
        next++; // a blank row between the block and the table
        headerRow = next;
        Row header = sheet.createRow(next++);
        String[] columns = labels.columns();
        for (int c = 0; c < columns.length; c++) {
            text(header, c, columns[c], styles.bold);
        }
    }

    void add(ListedResult r) {
        Row row = sheet.createRow(next++);
        String[] cells = labels.cells(r);
        for (int c = 0; c < cells.length; c++) {
            if (c == ExportLabels.SCORE) {
                Cell score = row.createCell(c);
                score.setCellValue(r.score().setScale(2, RoundingMode.HALF_UP).doubleValue());
                score.setCellStyle(styles.score);
            } else if (c == ExportLabels.RANK) {
                row.createCell(c).setCellValue(r.rank());
            } else {
                text(row, c, cells[c], c == ExportLabels.GRADE_NOTE ? styles.wrapped : null);
            }
        }
    }

    void finish() {
        String[] columns = labels.columns();
        sheet.setAutoFilter(new CellRangeAddress(headerRow, Math.max(headerRow, next - 1), 0, columns.length - 1));
        int[] widths = {10, 12, 16, 18, 10, 12, 10, 8, 10, 48, 12};
        for (int c = 0; c < columns.length; c++) {
            sheet.setColumnWidth(c, PrintLayout.width(widths[c], columns[c]));
        }
        sheet.setColumnWidth(0, Math.max(sheet.getColumnWidth(0), labelsWidth)); // the first block's labels
        PrintLayout.apply(sheet, headerRow, title, labels.locale);
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(SpreadsheetSafe.text(value));
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    /** The workbook's cell styles, made once per workbook. */
    static final class Styles {
        final CellStyle title;
        final CellStyle bold;
        final CellStyle score;
        final CellStyle wrapped;

        Styles(Workbook workbook) {
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            bold = workbook.createCellStyle();
            bold.setFont(boldFont);
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = workbook.createCellStyle();
            title.setFont(big);
            score = workbook.createCellStyle();
            score.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
            wrapped = workbook.createCellStyle();
            wrapped.setWrapText(true); // long reasons wrap inside the printed page instead of running off it
        }
    }
}
