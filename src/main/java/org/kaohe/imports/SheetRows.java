package org.kaohe.imports;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;

/**
 * Collects one sheet's rows as POI's event reader hands them over (row numbers from 1, as Excel
 * shows them; empty cells absent), then checks its shape the way {@link CsvTableReader} checks a
 * CSV file: the first non-empty row is the header, blank rows are skipped.
 */
final class SheetRows implements SheetContentsHandler {

    /** Non-empty rows by Excel row number: column index → cell text. */
    private final TreeMap<Integer, Map<Integer, String>> rows = new TreeMap<>();
    private Map<Integer, String> current;

    @Override
    public void startRow(int rowNum) {
        current = new HashMap<>();
    }

    @Override
    public void endRow(int rowNum) {
        if (current.values().stream().anyMatch(cell -> !cell.isEmpty())) {
            rows.put(rowNum + 1, current);
        }
    }

    @Override
    public void cell(String cellReference, String formattedValue, XSSFComment comment) {
        if (cellReference != null && formattedValue != null) {
            current.put((int) new CellReference(cellReference).getCol(), CsvTableReader.clean(formattedValue));
        }
    }

    /** The sheet as a table: header mapped, rows as wide as the header. */
    CsvTable table(InputFile file, String source, Problems problems) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        List<CsvRow> data = new ArrayList<>();
        if (rows.isEmpty()) {
            // Refused like an empty file: "no records" is said by the header row alone.
            problems.error(source, 0, null, file.withNoRecordsHint("工作表为空(没有表头和数据)",
                    "the sheet is empty (no header, no rows)", "工作表", "sheet"));
            return new CsvTable(file, source, WorkbookReader.ENCODING, index, headers, data, false, data.size());
        }
        int headerLine = rows.firstKey();
        List<String> header = cells(rows.get(headerLine), width(rows.get(headerLine)));
        if (!CsvTableReader.readHeader(source, file, headerLine, header, index, headers, problems)) {
            return new CsvTable(file, source, WorkbookReader.ENCODING, index, headers, data, false, data.size());
        }
        int width = header.size();
        List<Integer> ignoredColumns = new ArrayList<>();
        for (Map.Entry<Integer, Map<Integer, String>> row : rows.tailMap(headerLine, false).entrySet()) {
            row.getValue().forEach((column, text) -> {
                if (column >= width && !text.isEmpty() && !ignoredColumns.contains(column)) {
                    ignoredColumns.add(column);
                    problems.warning(source, row.getKey(), CellReference.convertNumToColString(column), "此列有内容但没有表头，"
                            + "该列被忽略 / this column has values but no header: ignored");
                }
            });
            data.add(new CsvRow(row.getKey(), cells(row.getValue(), width)));
        }
        if (data.isEmpty() && file.roster()) {
            problems.error(source, headerLine, null, "只有表头，没有数据行 / the sheet has a header but no data rows");
            return new CsvTable(file, source, WorkbookReader.ENCODING, index, headers, data, false, data.size());
        }
        return new CsvTable(file, source, WorkbookReader.ENCODING, index, headers, data, true, data.size());
    }

    /**
     * The sheet as CSV text whose line N is the sheet's row N, for the source-row view: rows above the
     * header and blank rows are empty lines, and only the header's columns are kept.
     */
    String text() {
        StringWriter out = new StringWriter();
        int width = rows.isEmpty() ? 0 : width(rows.get(rows.firstKey()));
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            int line = 1;
            for (Map.Entry<Integer, Map<Integer, String>> row : rows.entrySet()) {
                for (; line < row.getKey(); line++) {
                    out.write("\n");
                }
                List<String> cells = cells(row.getValue(), width).stream()
                        .map(cell -> cell.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' '))
                        .toList();
                printer.printRecord(cells);
                line++;
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        return out.toString();
    }

    /** The header's width: up to its last non-empty cell. */
    private static int width(Map<Integer, String> header) {
        return header.entrySet().stream().filter(e -> !e.getValue().isEmpty()).mapToInt(Map.Entry::getKey).max()
                .orElse(-1) + 1;
    }

    private static List<String> cells(Map<Integer, String> row, int width) {
        List<String> cells = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            cells.add(row.getOrDefault(c, ""));
        }
        return cells;
    }
}
