package org.kaohe.rules.book;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.kaohe.errors.Message;
import org.kaohe.rules.RuleProblem;

/**
 * One rule table's text read against its template: the header row must name every column of the
 * template exactly once (an optional one at most once) and nothing else (any order, Chinese or English names), and each data row
 * must have as many cells as the header. Blank rows are skipped. Rows keep their line number in
 * the file, which is the row number Excel shows.
 */
public final class TableText {

    /** A data row: its line in the file and its cells by column code. */
    public record Row(int line, Map<String, String> cells) {
        public String cell(String code) {
            return cells.getOrDefault(code, "");
        }
    }

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();

    private final BookTable table;
    private final List<Row> rows;
    private final Map<String, Integer> positions;

    private TableText(BookTable table, List<Row> rows, Map<String, Integer> positions) {
        this.table = table;
        this.rows = List.copyOf(rows);
        this.positions = Map.copyOf(positions);
    }

    public BookTable table() {
        return table;
    }

    public List<Row> rows() {
        return rows;
    }

    /** How a problem names a column: the letter Excel shows and the column's Chinese name, e.g. {@code E(满分)}. */
    public String columnName(String code) {
        Integer position = positions.get(code);
        String chinese = table.column(code).chinese();
        return position == null ? chinese : letter(position) + "(" + chinese + ")";
    }

    /** Reads the table, adding every shape problem; null when the header is unusable. */
    public static TableText read(BookTable table, String content, List<RuleProblem> problems) {
        String file = table.fileName();
        int nul = content.indexOf('\0');
        if (nul >= 0) {
            problems.add(new RuleProblem(file, lineOf(content, nul), Message.of("rules.table.nul")));
            return null;
        }
        List<CSVRecord> records = records(file, content, problems);
        if (records == null) {
            return null;
        }
        LineCounter lines = new LineCounter(content);
        CSVRecord header = records.stream().filter(r -> !blank(r)).findFirst().orElse(null);
        if (header == null) {
            problems.add(new RuleProblem(file, 0, Message.of("rules.table.empty", table.headerLine())));
            return null;
        }
        int headerLine = lines.lineAt(header.getCharacterPosition());
        Map<String, Integer> positions = readHeader(table, header, headerLine, problems);
        if (positions == null) {
            return null;
        }
        List<Row> rows = new ArrayList<>();
        for (CSVRecord record : records) {
            if (record == header || blank(record) || record.getCharacterPosition() < header.getCharacterPosition()) {
                continue;
            }
            int line = lines.lineAt(record.getCharacterPosition());
            if (record.size() > header.size() && !extraCellsBlank(record, header.size())) {
                problems.add(new RuleProblem(file, line, Message.of("rules.table.extraCells",
                        Integer.toString(record.size()), Integer.toString(header.size()))));
                continue;
            }
            Map<String, String> cells = new HashMap<>();
            positions.forEach((code, position) ->
                    cells.put(code, position < record.size() ? clean(record.get(position)) : ""));
            rows.add(new Row(line, cells));
        }
        return new TableText(table, rows, positions);
    }

    /** The file's CSV records; null, with the problem added, when it is not CSV. */
    private static List<CSVRecord> records(String file, String content, List<RuleProblem> problems) {
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new StringReader(content), FORMAT)) {
            records = new ArrayList<>();
            Iterator<CSVRecord> it = parser.iterator();
            while (it.hasNext()) {
                records.add(it.next());
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            problems.add(new RuleProblem(file, 0, Message.of("rules.table.brokenCsv", e.getMessage())));
            return null;
        }
        return records;
    }

    /**
     * True when the text holds more than {@code limit} data rows (non-blank records after the
     * header): counted as the CSV is read, stopping at the first row past the limit, so a table of a
     * million rows costs no more than one of {@code limit}. A text that is not valid CSV counts as
     * within: reading it reports its problem.
     */
    public static boolean moreRowsThan(String content, int limit) {
        int records = 0;
        try (CSVParser parser = CSVParser.parse(new StringReader(content), FORMAT)) {
            for (CSVRecord record : parser) {
                if (!blank(record) && ++records > limit + 1) {
                    return true; // the header and more than limit rows
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return false;
        }
        return false;
    }

    private static Map<String, Integer> readHeader(BookTable table, CSVRecord header, int line,
                                                   List<RuleProblem> problems) {
        String file = table.fileName();
        Map<String, Integer> positions = new HashMap<>();
        boolean ok = true;
        for (int i = 0; i < header.size(); i++) {
            String cell = clean(header.get(i));
            if (cell.isEmpty() && i == header.size() - 1 && i > 0) {
                continue; // a trailing comma, as some editors leave
            }
            BookColumn column = table.columns().stream().filter(c -> c.named(cell)).findFirst().orElse(null);
            if (column == null) {
                problems.add(new RuleProblem(file, line, letter(i), Message.of("rules.table.unknownColumn", cell,
                        table.headerLine())));
                ok = false;
            } else if (positions.containsKey(column.code())) {
                problems.add(new RuleProblem(file, line, letter(i), Message.of("rules.table.columnTwice",
                        column.named())));
                ok = false;
            } else {
                positions.put(column.code(), i);
            }
        }
        for (BookColumn column : table.columns()) {
            if (!positions.containsKey(column.code()) && !column.addedLater()) {
                problems.add(new RuleProblem(file, line, "", Message.of("rules.table.columnMissing",
                        column.namedByHeader(), table.headerLine())));

                ok = false;
            }
        }
        return ok ? positions : null;
    }

    private static boolean blank(CSVRecord record) {
        for (String cell : record) {
            if (!clean(cell).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static boolean extraCellsBlank(CSVRecord record, int from) {
        for (int i = from; i < record.size(); i++) {
            if (!clean(record.get(i)).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Trims a cell, including the full-width spaces Chinese input methods leave. */
    static String clean(String cell) {
        return cell == null ? "" : cell.replace('\u3000', ' ').strip();
    }

    static String letter(int index) {
        StringBuilder s = new StringBuilder();
        for (int i = index; i >= 0; i = i / 26 - 1) {
            s.insert(0, (char) ('A' + i % 26));
        }
        return s.toString();
    }

    private static int lineOf(String content, int offset) {
        return (int) content.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    /** Line numbers of character positions (a quoted cell may span lines, so records and lines differ). */
    private static final class LineCounter {
        private final String content;
        private int position;
        private int line = 1;

        LineCounter(String content) {
            this.content = content;
        }

        int lineAt(long characterPosition) {
            while (position < characterPosition && position < content.length()) {
                if (content.charAt(position++) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }
}
