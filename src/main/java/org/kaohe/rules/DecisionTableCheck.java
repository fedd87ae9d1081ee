package org.kaohe.rules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.kaohe.scoring.Grade;

/**
 * Checks a CSV decision table before Drools sees it, because Drools is too forgiving: a table
 * that yields no rule is only a warning, and a malformed number in {@code Points.of("$param")}
 * would only fail while evaluating. Finds: layout errors (with the cell), tables without rule
 * rows, cells that must be numbers or grades and are not.
 */
final class DecisionTableCheck {

    private static final Pattern DECIMAL_CELL = Pattern.compile("Points\\.of\\(\\s*\"\\$param\"\\s*\\)");
    private static final Pattern COMPARED_CELL = Pattern.compile("[<>]=?\\s*\\$param");
    private static final Pattern GRADE_CELL = Pattern.compile("Grades\\.of\\(\\s*\"\\$param\"\\s*\\)");
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern CELL_REFERENCE = Pattern.compile("cell ([A-Z]+)(\\d+)");
    private static final Pattern GENERATED_RULE = Pattern.compile("(?m)^rule \"");

    private static final Pattern ROW_COMMENT = Pattern.compile("^// rule values at [A-Z]+(\\d+)");

    private DecisionTableCheck() {}

    /** The problems of a table (empty when Drools may compile it) and the DRL Drools makes of it. */
    record Checked(List<RuleProblem> problems, String generatedDrl) {

        /** The table row of the first generated rule whose text contains {@code fragment}, else 0. */
        int rowOf(String fragment) {
            int row = 0;
            for (String line : generatedDrl.split("\n")) {
                Matcher m = ROW_COMMENT.matcher(line);
                if (m.find()) {
                    row = Integer.parseInt(m.group(1));
                } else if (!fragment.isBlank() && line.contains(fragment)) {
                    return row;
                }
            }
            return 0;
        }
    }

    /** Checks one table file. */
    static Checked check(String file, String content) {
        List<RuleProblem> problems = new ArrayList<>();
        String generated;
        try {
            generated = new SpreadsheetCompiler().compile(
                    new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), InputType.CSV);
        } catch (RuntimeException e) {
            problems.add(new RuleProblem(file, lineOfCell(e.getMessage()),
                    "决策表格式错误 / decision table layout error: " + e.getMessage()));
            return new Checked(problems, "");
        }
        List<CSVRecord> rows;
        try (CSVParser parser = CSVParser.parse(new StringReader(content),
                CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).build())) {
            rows = parser.getRecords();
        } catch (IOException | RuntimeException e) {
            problems.add(new RuleProblem(file, 0, "无法读取 CSV / cannot read the CSV: " + e.getMessage()));
            return new Checked(problems, generated);
        }
        checkTables(file, rows, problems);
        if (problems.isEmpty() && !GENERATED_RULE.matcher(generated).find()) {
            problems.add(new RuleProblem(file, 0,
                    "决策表没有生成任何规则(缺少 RuleTable 或规则行)/ the decision table yields no rule"
                            + " (no RuleTable or no rule rows)"));
        }
        return new Checked(problems, generated);
    }

    /** Finds every "RuleTable" and checks its data rows against the snippets of their columns. */
    private static void checkTables(String file, List<CSVRecord> rows, List<RuleProblem> problems) {
        boolean afterATable = false;
        for (int r = 0; r < rows.size(); r++) {
            if (!firstCell(rows.get(r)).toLowerCase(Locale.ROOT).startsWith("ruletable")) {
                if (afterATable && !blank(rows.get(r))) {
                    // Drools ends a table at its first blank row and ignores what follows without a word.
                    problems.add(new RuleProblem(file, line(rows.get(r)), "此行在空行之后,不属于任何决策表,会被忽略;"
                            + "请删除空行 / this row follows a blank row, belongs to no table and would be ignored"));
                }
                continue;
            }
            afterATable = true;
            int snippetRow = r + 3;
            int firstDataRow = r + 5;
            if (snippetRow >= rows.size()) {
                problems.add(new RuleProblem(file, line(rows.get(r)),
                        "RuleTable 后缺少类型行、对象行和代码行 / RuleTable lacks its header rows"));
                continue;
            }
            CSVRecord snippets = rows.get(snippetRow);
            int dataRows = 0;
            for (int d = firstDataRow; d < rows.size() && !blank(rows.get(d)); d++) {
                dataRows++;
                checkRow(file, snippets, rows.get(d), problems);
            }
            if (dataRows == 0) {
                problems.add(new RuleProblem(file, line(rows.get(r)),
                        "决策表 " + rows.get(r).get(0).trim() + " 没有规则行 / the table has no rule rows"));
            }
            r = firstDataRow + dataRows - 1;
        }
    }

    private static void checkRow(String file, CSVRecord snippets, CSVRecord row, List<RuleProblem> problems) {
        for (int c = 0; c < snippets.size(); c++) {
            String cell = c < row.size() ? row.get(c).trim() : "";
            String snippet = snippets.get(c);
            if (cell.isEmpty()) {
                if (DECIMAL_CELL.matcher(snippet).find() || GRADE_CELL.matcher(snippet).find()) {
                    // an empty action cell drops the action: the row would match and do nothing
                    problems.add(new RuleProblem(file, line(row), "第 " + column(c) + " 列缺少数值 / column "
                            + column(c) + ": value missing"));
                }
                continue;
            }
            if ((DECIMAL_CELL.matcher(snippet).find() || COMPARED_CELL.matcher(snippet).find()) && !isNumber(cell)) {
                problems.add(new RuleProblem(file, line(row), "第 " + column(c) + " 列「" + cell
                        + "」不是数字(如 2、0.5)/ column " + column(c) + ": not a number (e.g. 2, 0.5): " + cell));
            }
            if (GRADE_CELL.matcher(snippet).find() && !isGrade(cell)) {
                problems.add(new RuleProblem(file, line(row), "第 " + column(c) + " 列「" + cell
                        + "」不是等次(好/较好/一般/较差)/ column " + column(c) + ": not a grade: " + cell));
            }
        }
    }

    private static boolean isNumber(String cell) {
        if (!PLAIN_NUMBER.matcher(cell).matches()) {
            return false;
        }
        new BigDecimal(cell);
        return true;
    }

    private static boolean isGrade(String cell) {
        try {
            Grade.fromLabel(cell);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The CSV line of a Drools layout error that names a cell ("at cell B6"), else 0. */
    private static int lineOfCell(String message) {
        Matcher m = message == null ? null : CELL_REFERENCE.matcher(message);
        return m != null && m.find() ? Integer.parseInt(m.group(2)) : 0;
    }

    private static String firstCell(CSVRecord row) {
        return row.size() == 0 ? "" : row.get(0).trim();
    }

    private static boolean blank(CSVRecord row) {
        for (String cell : row) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The file line of a row: tables keep one row per line, as Excel and WPS write them. */
    private static int line(CSVRecord row) {
        return (int) row.getRecordNumber();
    }

    private static String column(int index) {
        return String.valueOf((char) ('A' + index));
    }
}
