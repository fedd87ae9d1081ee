package org.kaohe.rules;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.kaohe.errors.Message;
import org.kaohe.records.CodedValue;
import org.kaohe.records.SubjectType;

/**
 * One CSV file of a scenario case ({@code expected.csv}, {@code expected-lines.csv}, {@code case.csv})
 * as its header and rows, each row with the line Excel shows; a cell is found by its column's English
 * or Chinese name ({@code 得分 score}, {@code score} or {@code 得分}). The one reader and writer of
 * these files: the check, the rewrite and the diff read them alike.
 */
final class CaseTable {

    private static final CSVFormat READ = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    private static final CSVFormat WRITE = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    /** A row: the file's line (2 for the first row under the header) and one cell per header column. */
    static final class Row {
        final int line;
        final List<String> cells;

        Row(int line, List<String> cells) {
            this.line = line;
            this.cells = cells;
        }
    }

    final String file;
    final List<String> header;
    final List<Row> rows = new ArrayList<>();

    private CaseTable(String file, List<String> header) {
        this.file = file;
        this.header = header;
    }

    /** A new file with this header and no rows. */
    static CaseTable empty(String file, String headerLine) {
        return new CaseTable(file, new ArrayList<>(List.of(headerLine.split(","))));
    }

    /** Reads a case file; an unreadable one is a problem at the file and reads as empty. */
    static CaseTable read(String file, String content, List<RuleProblem> problems) {
        try (CSVParser parser = CSVParser.parse(new StringReader(content), READ)) {
            CaseTable table = new CaseTable(file, new ArrayList<>(parser.getHeaderNames()));
            for (CSVRecord record : parser) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < table.header.size(); i++) {
                    cells.add(i < record.size() ? record.get(i) : "");
                }
                if (cells.stream().anyMatch(c -> !c.isBlank())) {
                    table.rows.add(new Row((int) record.getRecordNumber() + 1, cells));
                }
            }
            return table;
        } catch (IOException | RuntimeException e) {
            problems.add(new RuleProblem(file, 0, Message.of("rules.case.csv", e.getMessage())));
            return new CaseTable(file, new ArrayList<>());
        }
    }

    /** The column named {@code code} or {@code chinese} in the header (any of its words); -1 when none is. */
    int column(String code, String chinese) {
        for (int i = 0; i < header.size(); i++) {
            for (String token : header.get(i).strip().split("\\s+")) {
                if (token.equalsIgnoreCase(code) || token.equals(chinese)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** A cell, trimmed; empty when the file has no such column. */
    String get(Row row, String code, String chinese) {
        int i = column(code, chinese);
        return i < 0 ? "" : row.cells.get(i).trim();
    }

    /** Sets a cell when the file has its column. */
    void set(Row row, String code, String chinese, String value) {
        int i = column(code, chinese);
        if (i >= 0) {
            row.cells.set(i, value);
        }
    }

    /** A number cell; null with a problem at the cell when it is not one. */
    BigDecimal decimal(Row row, String code, String chinese, List<RuleProblem> problems) {
        String text = get(row, code, chinese);
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            problems.add(problem(row, chinese, Message.of("rules.cell.notNumber", text)));
            return null;
        }
    }

    /** The subject a row names: {@code CADRE|C1}; the type as written when it is not one. */
    String subjectKey(Row row) {
        String written = get(row, "subject_type", "对象类型");
        SubjectType type = CodedValue.lookup(SubjectType.class, written);
        return (type == null ? written : type.name()) + "|" + get(row, "subject_id", "对象编号");
    }

    /** A problem at a row's cell. */
    RuleProblem problem(Row row, String column, Message message) {

        return new RuleProblem(file, row.line, column, message);
    }

    /** The file as CSV with the same header; rows renumbered in their new order. */
    String write() {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, WRITE)) {
            printer.printRecord(header);
            for (Row row : rows) {
                printer.printRecord(row.cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
