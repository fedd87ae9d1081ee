package org.kaohe.rules;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.kaohe.records.CodedValue;
import org.kaohe.records.SubjectType;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.ReasonText;
import org.kaohe.scoring.SubjectResult;

/**
 * A scenario case's expectation files rewritten to a rulebook's results ({@link ScenarioCases#acceptResults}):
 * the same header, the same rows and notes, the expected values replaced by what the rulebook gives.
 * A row naming a subject the case does not score is kept as it is (the check will still name it).
 */
final class CaseRewrite {

    private static final CSVFormat READ = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

    private CaseRewrite() {}

    /** expected.csv: each subject's score; its grade, rank and veto where the row states them. */
    static String expected(String content, Map<String, SubjectResult> results) {
        Table table = Table.read(content);
        for (List<String> row : table.rows) {
            SubjectResult result = results.get(table.subjectKey(row));
            if (result == null) {
                continue;
            }
            table.set(row, "score", "得分", result.score().toPlainString(), true);
            table.set(row, "grade", "等次", result.finalGrade().label(), false);
            table.set(row, "rank", "排名", Integer.toString(result.rank()), false);
            table.set(row, "vetoed", "一票否决", result.vetoed() ? "是" : "否", false);
        }
        return table.write();
    }

    /**
     * expected-lines.csv: the lines of each listed subject and part as the rulebook gives them. An
     * expected line whose words are still in a line's reason keeps its words with the new points;
     * a line nobody expected is added with its whole reason; an expected line that matches nothing goes.
     */
    static String lines(String content, Map<String, SubjectResult> results) {
        Table table = Table.read(content);
        Map<String, List<List<String>>> groups = new LinkedHashMap<>();
        for (List<String> row : table.rows) {
            groups.computeIfAbsent(table.subjectKey(row) + "|" + table.get(row, "part", "部分"), k -> new ArrayList<>())
                    .add(row);
        }
        List<List<String>> rewritten = new ArrayList<>();
        for (List<List<String>> group : groups.values()) {
            List<String> first = group.get(0);
            SubjectResult result = results.get(table.subjectKey(first));
            if (result == null) {
                rewritten.addAll(group);
                continue;
            }
            String part = table.get(first, "part", "部分");
            List<ExplanationLine> actual = new ArrayList<>(result.lines().stream().filter(l -> l.part().equals(part)).toList());
            for (List<String> row : group) {
                String words = table.get(row, "reason", "原因");
                ExplanationLine match = actual.stream().filter(l -> ReasonText.chinese(l.reason()).contains(words)).findFirst().orElse(null);
                if (match != null) {
                    actual.remove(match);
                    table.set(row, "points", "分值", plain(match.points()), true);
                    rewritten.add(row);
                }
            }
            for (ExplanationLine line : actual) {
                List<String> row = new ArrayList<>(first);
                table.set(row, "points", "分值", plain(line.points()), true);
                table.set(row, "reason", "原因", ReasonText.chinese(line.reason()), true);
                rewritten.add(row);
            }
        }
        table.rows.clear();
        table.rows.addAll(rewritten);
        return table.write();
    }

    private static String plain(BigDecimal points) {
        return points.stripTrailingZeros().toPlainString();
    }

    /** A case file as its header and rows of cells, written back with the same header. */
    private static final class Table {
        final List<String> header;
        final List<List<String>> rows = new ArrayList<>();

        private Table(List<String> header) {
            this.header = header;
        }

        static Table read(String content) {
            try (CSVParser parser = CSVParser.parse(new StringReader(content), READ)) {
                Table table = new Table(new ArrayList<>(parser.getHeaderNames()));
                for (CSVRecord record : parser) {
                    List<String> row = new ArrayList<>();
                    for (int i = 0; i < table.header.size(); i++) {
                        row.add(i < record.size() ? record.get(i) : "");
                    }
                    if (row.stream().anyMatch(c -> !c.isBlank())) {
                        table.rows.add(row);
                    }
                }
                return table;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        int column(String code, String chinese) {
            for (int i = 0; i < header.size(); i++) {
                for (String token : header.get(i).split("\\s+")) {
                    if (token.equalsIgnoreCase(code) || token.equals(chinese)) {
                        return i;
                    }
                }
            }
            return -1;
        }

        String get(List<String> row, String code, String chinese) {
            int i = column(code, chinese);
            return i < 0 ? "" : row.get(i).trim();
        }

        /** Sets a cell; an empty cell is only filled when {@code always} (an optional expectation stays unstated). */
        void set(List<String> row, String code, String chinese, String value, boolean always) {
            int i = column(code, chinese);
            if (i >= 0 && (always || !row.get(i).isBlank())) {
                row.set(i, value);
            }
        }

        String subjectKey(List<String> row) {
            SubjectType type = CodedValue.lookup(SubjectType.class, get(row, "subject_type", "对象类型"));
            return type + "|" + get(row, "subject_id", "对象编号");
        }

        String write() {
            StringWriter out = new StringWriter();
            try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
                printer.printRecord(header);
                for (List<String> row : rows) {
                    printer.printRecord(row);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toString();
        }
    }
}
