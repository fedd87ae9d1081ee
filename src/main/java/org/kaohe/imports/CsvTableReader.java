package org.kaohe.imports;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.kaohe.errors.Message;

/**
 * Reads one decoded CSV file into a {@link CsvTable}: maps the header (English or Chinese, any
 * order), skips blank lines, and reports shape problems — unknown, missing or repeated columns,
 * rows with the wrong number of cells, broken quotes — with the physical line they are on.
 */
final class CsvTableReader {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();
    /** Commons CSV names the line in its parse errors as "line: 12" or "(startline 12)". */
    private static final Pattern LINE_IN_MESSAGE = Pattern.compile("(?:line: |startline )([\\d,]+)");

    private CsvTableReader() {}

    /** Hands each data row to {@code rows} as soon as it is read, with the file's header already mapped. */
    interface RowHandler {
        void row(CsvTable header, CsvRow row);
    }

    /** Reads the whole file into a table holding every row. */
    static CsvTable read(InputFile file, DecodedFile decoded, Problems problems) {
        List<CsvRow> rows = new ArrayList<>();
        CsvTable shape = read(file, decoded, problems, (header, row) -> rows.add(row));
        return new CsvTable(file, shape.encoding(), shape.columnIndex(), shape.headers(), rows, shape.complete(),
                shape.rowCount());
    }

    /**
     * Reads the file row by row, handing each to {@code handler} and keeping none: the table returned
     * has the header, the row count and whether the file was read to its end, but no rows.
     */
    static CsvTable read(InputFile file, DecodedFile decoded, Problems problems, RowHandler handler) {
        String name = file.fileName();
        LineIndex lines = new LineIndex(decoded.text());
        List<CsvRow> rows = List.of();
        int rowCount = 0;
        CsvTable header = null;
        Map<String, Integer> index = new HashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        int headerSize = -1;
        int headerLine = 1;
        boolean complete = true;
        try (CSVParser parser = CSVParser.parse(new StringReader(decoded.text()), FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                List<String> cells = cells(record);
                int line = lines.lineAt(record.getCharacterPosition());
                if (headerSize < 0) {
                    headerSize = cells.size();
                    headerLine = line;
                    if (!readHeader(name, file, line, cells, index, headers, problems)) {
                        return new CsvTable(file, decoded.encoding(), index, headers, rows, false, 0);
                    }
                    header = new CsvTable(file, decoded.encoding(), index, headers, rows, true, 0);
                } else if (allEmpty(cells)) {
                    continue; // a row of empty cells, as Excel leaves below the data: a blank line
                } else if (rowCount >= ImportLimits.maxRowsPerFile()) {
                    tooManyRows(name, line, problems); // bounded memory: refused here, not read to its end
                    complete = false;
                    break;
                } else if (cells.size() != headerSize) {
                    wrongCellCount(name, line, cells.size(), headerSize, problems);
                } else {
                    handler.row(header, new CsvRow(line, cells));
                    rowCount++;
                }
            }
        } catch (UncheckedIOException | IllegalStateException | IOException e) {
            problems.error(name, lineOf(e, lines), null, 
                    Message.of("import.csv.brokenQuotes", rootMessage(e)));
            complete = false;
        }
        if (headerSize < 0) {
            emptyFile(file, problems);
            return new CsvTable(file, decoded.encoding(), index, headers, rows, false, 0);
        }
        if (rowCount == 0 && file.roster() && complete) {
            problems.error(name, headerLine, null, Message.of("import.csv.headerOnly"));
            complete = false;
        }
        return new CsvTable(file, decoded.encoding(), index, headers, rows, complete, rowCount);
    }

    private static void tooManyRows(String name, int line, Problems problems) {
        problems.error(name, line, null,
                Message.of("import.csv.tooManyRows", Integer.toString(ImportLimits.maxRowsPerFile())));
    }

    private static void wrongCellCount(String name, int line, int cells, int headerSize, Problems problems) {
        problems.error(name, line, null,
                Message.of("import.csv.cellCount", Integer.toString(cells), Integer.toString(headerSize)));
    }

    /** An empty file is refused: it may be an export that failed. "No records" is said by the header alone. */
    private static void emptyFile(InputFile file, Problems problems) {
        problems.error(file.fileName(), 0, null, file.withNoRecordsHint(Message.of("import.csv.empty"),
                Message.of("import.csv.emptyHint", file.headerLine())));
    }

    /** Maps header cells to columns; false when a required column is missing or one is repeated. */
    static boolean readHeader(String name, InputFile file, int line, List<String> cells, Map<String, Integer> index,
                              Map<String, String> headers, Problems problems) {
        if (cells.size() == 1 && (cells.get(0).contains(";") || cells.get(0).contains("\t"))) {
            problems.error(name, line, null, Message.of("import.csv.separator"));
            return false;
        }
        boolean ok = true;
        for (int i = 0; i < cells.size(); i++) {
            String header = cells.get(i);
            if (header.isEmpty()) {
                problems.warning(name, line, null, 
                        Message.of("import.csv.emptyHeader", Integer.toString(i + 1)));
                continue;
            }
            Optional<Column> column = file.column(header);
            if (column.isEmpty()) {
                problems.warning(name, line, header, Message.of("import.csv.unknownColumn",
                        String.join(", ", file.columns().stream().map(Column::display).toList())));
            } else if (index.containsKey(column.get().name())) {
                problems.error(name, line, header, 
                        Message.of("import.csv.columnTwice", headers.get(column.get().name())));
                ok = false;
            } else {
                index.put(column.get().name(), i);
                headers.put(column.get().name(), header);
            }
        }
        for (Column column : file.columns()) {
            if (column.required() && !index.containsKey(column.name())) {
                problems.error(name, line, column.name(), 
                        Message.of("import.csv.columnMissing", column.namedInFull()));
                ok = false;
            }
        }
        return ok;
    }

    /**
     * The record's cells, each {@link #clean}ed, in a list that cannot be changed. Loops, not
     * streams: streams made for every row (here and in the item registry) were a seventh of the
     * import's reading thread at 10k cadres (issue 19).
     */
    private static List<String> cells(CSVRecord record) {
        String[] cells = new String[record.size()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = clean(record.get(i));
        }
        return Collections.unmodifiableList(Arrays.asList(cells));
    }

    private static boolean allEmpty(List<String> cells) {
        for (String cell : cells) {
            if (!cell.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Trims a cell, including full-width spaces and a stray byte-order mark that Excel may leave. */
    static String clean(String cell) {
        return cell.replace("\uFEFF", "").strip();
    }

    private static int lineOf(Exception e, LineIndex lines) {
        Matcher m = LINE_IN_MESSAGE.matcher(rootMessage(e));
        return m.find() ? Integer.parseInt(m.group(1).replace(",", "")) : lines.lastLine();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }
}
