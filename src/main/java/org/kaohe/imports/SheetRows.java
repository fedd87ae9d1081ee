package org.kaohe.imports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.kaohe.errors.Message;

/**
 * Reads one sheet as POI's event reader hands its rows over (row numbers from 1, as Excel shows
 * them; empty cells absent), checking its shape the way {@link CsvTableReader} checks a CSV file
 * (the first non-empty row is the header, blank rows are skipped) and handing each data row on at
 * once: no row is kept. What is kept is the sheet as CSV text whose line N is the sheet's row N,
 * for the source-row view (a line break inside a cell is shown there as a space). Reading stops
 * ({@link Stop}) at an unusable header or past {@link ImportLimits#maxRowsPerFile()} rows.
 */
final class SheetRows implements SheetContentsHandler {

    /** Thrown from a row to stop reading the sheet; the problem is already reported. */
    static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    private final InputFile file;
    private final String source;
    private final Problems problems;
    private final CsvTableReader.RowHandler handler;
    private final StringBuilder text = new StringBuilder();
    private final CSVPrinter printer;
    private final Set<Integer> ignoredColumns = new HashSet<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Map<Integer, String> current;
    private CsvTable header;
    private boolean headerRefused;
    private int width = -1;
    private int headerLine;
    private int textLines;
    private int rowCount;
    private boolean complete = true;
    private boolean tooWideWarned;

    SheetRows(InputFile file, String source, Problems problems, CsvTableReader.RowHandler handler) {
        this.file = file;
        this.source = source;
        this.problems = problems;
        this.handler = handler;
        try {
            this.printer = new CSVPrinter(text, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get());
        } catch (IOException e) {
            throw new IllegalStateException("a printer to a string cannot fail", e);
        }
    }

    @Override
    public void startRow(int rowNum) {
        current = new HashMap<>();
    }

    @Override
    public void cell(String cellReference, String formattedValue, XSSFComment comment) {
        if (cellReference == null || formattedValue == null) {
            return;
        }
        int column = new CellReference(cellReference).getCol();
        String value = CsvTableReader.clean(formattedValue);
        if (column >= ImportLimits.MAX_COLUMNS) {
            if (!value.isEmpty() && !tooWideWarned) {
                tooWideWarned = true;
                problems.warning(source, 0, null, 
                        Message.of("import.sheet.tooWide", Integer.toString(ImportLimits.MAX_COLUMNS)));
            }
            return;
        }
        if (width >= 0 && column >= width) {
            if (!value.isEmpty() && ignoredColumns.add(column)) {
                problems.warning(source, currentLine(cellReference), CellReference.convertNumToColString(column),
                        Message.of("import.sheet.noHeader"));
            }
            return;
        }
        current.put(column, value);
    }

    @Override
    public void endRow(int rowNum) {
        if (current.values().stream().allMatch(String::isEmpty)) {
            return;
        }
        int line = rowNum + 1;
        if (header == null) {
            headerRow(line);
            return;
        }
        if (rowCount >= ImportLimits.maxRowsPerFile()) {
            problems.error(source, line, null, 
                    Message.of("import.sheet.tooManyRows", Integer.toString(ImportLimits.maxRowsPerFile())));
            complete = false;
            throw new Stop();
        }
        List<String> cells = cells(current, width);
        print(line, cells);
        rowCount++;
        handler.row(header, new CsvRow(line, cells));
    }

    private void headerRow(int line) {
        width = current.entrySet().stream().filter(e -> !e.getValue().isEmpty()).mapToInt(Map.Entry::getKey).max()
                .orElse(-1) + 1;
        List<String> cells = cells(current, width);
        headerLine = line;
        print(line, cells);
        if (!CsvTableReader.readHeader(source, file, line, cells, index, headers, problems)) {
            headerRefused = true;
            throw new Stop();
        }
        header = new CsvTable(file, source, WorkbookReader.ENCODING, index, headers, List.of(), true, 0);
    }

    /** The sheet's table once read: its header, its row count and whether it was read whole (no rows kept). */
    CsvTable table() {
        if (headerRefused) {
            return new CsvTable(file, source, WorkbookReader.ENCODING, index, headers, List.of(), false, 0);
        }
        if (header == null) {
            // Refused like an empty file: "no records" is said by the header row alone.
            problems.error(source, 0, null, file.withNoRecordsHint(Message.of("import.sheet.empty"),
                    Message.of("import.sheet.emptyHint", file.headerLine())));
            return new CsvTable(file, source, WorkbookReader.ENCODING, index, headers, List.of(), false, 0);
        }
        if (rowCount == 0 && file.roster() && complete) {
            problems.error(source, headerLine, null, Message.of("import.sheet.headerOnly"));
            complete = false;
        }
        return new CsvTable(file, source, WorkbookReader.ENCODING, index, headers, List.of(), complete, rowCount);
    }

    /** Marks the sheet as not read to its end (its XML was cut off or broken). */
    void cutOff() {
        complete = false;
    }

    /** The sheet as CSV text whose line N is the sheet's row N, up to where it was read. */
    String text() {
        return text.toString();
    }

    private void print(int line, List<String> cells) {
        while (textLines < line - 1) {
            text.append('\n');
            textLines++;
        }
        try {
            printer.printRecord(cells.stream()
                    .map(cell -> cell.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ')).toList());
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        textLines++;
    }

    private static int currentLine(String cellReference) {
        return new CellReference(cellReference).getRow() + 1;
    }

    private static List<String> cells(Map<Integer, String> row, int width) {
        List<String> cells = new ArrayList<>(Math.max(0, width));
        for (int c = 0; c < width; c++) {
            cells.add(row.getOrDefault(c, ""));
        }
        return cells;
    }
}
