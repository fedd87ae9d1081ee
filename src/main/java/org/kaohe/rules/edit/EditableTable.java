package org.kaohe.rules.edit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.kaohe.rules.RuleProblem;
import org.kaohe.rules.book.BookColumn;
import org.kaohe.rules.book.BookLimits;
import org.kaohe.rules.book.BookTable;
import org.kaohe.rules.book.TableText;

/**
 * One rule table as the editor shows it: its rows (each with the line Excel shows and its cells by
 * column code) and how each column is named in the file. A table whose shape is broken (header
 * unusable, a row with too many cells) has no form: saving a form would drop what it cannot show,
 * so such a table is edited as text only, with its shape problems.
 */
public final class EditableTable {

    private final BookTable table;
    private final String content;
    private final List<TableText.Row> rows;
    private final List<RuleProblem> shapeProblems;
    private final Map<String, String> columnNames;
    private final boolean overLimit;

    private EditableTable(BookTable table, String content, List<TableText.Row> rows, List<RuleProblem> shapeProblems,
                          Map<String, String> columnNames, boolean overLimit) {
        this.table = table;
        this.content = content;
        this.rows = List.copyOf(rows);
        this.shapeProblems = List.copyOf(shapeProblems);
        this.columnNames = Map.copyOf(columnNames);
        this.overLimit = overLimit;
    }

    /**
     * Reads a table's text; a missing table ({@code content} null) is an empty table with its header
     * only. A table past the book's limits (a draft kept before they were checked) is not read at all:
     * the editor shows neither its rows nor its text.
     */
    public static EditableTable read(BookTable table, String content) {
        String text = content == null ? table.headerLine() + "\n" : content;
        if (text.length() > BookLimits.MAX_FILE_CHARS || TableText.moreRowsThan(text, BookLimits.maxRows(table))) {
            Map<String, String> names = new LinkedHashMap<>();
            table.columns().forEach(c -> names.put(c.code(), c.chinese()));
            return new EditableTable(table, text, List.of(), List.of(), names, true);
        }
        List<RuleProblem> problems = new ArrayList<>();
        TableText read = TableText.read(table, text, problems);
        Map<String, String> names = new LinkedHashMap<>();
        for (BookColumn column : table.columns()) {
            names.put(column.code(), read == null ? column.chinese() : read.columnName(column.code()));
        }
        return new EditableTable(table, text, read == null ? List.of() : read.rows(), problems, names, false);
    }

    public BookTable table() {
        return table;
    }

    /** The table's text as stored. */
    public String content() {
        return content;
    }

    public List<TableText.Row> rows() {
        return rows;
    }

    /**
     * True when the form can show every row: the header is whole, no row was skipped, and the table
     * has no more rows than the form shows ({@link BookLimits#MAX_FORM_ROWS}); otherwise it is edited as text.
     */
    public boolean formEditable() {
        return shapeProblems.isEmpty() && !overLimit && rows.size() <= BookLimits.MAX_FORM_ROWS;
    }

    /** True when the table passes the book's limits: not shown, to be replaced by an upload or discarded. */
    public boolean overLimit() {
        return overLimit;
    }

    public List<RuleProblem> shapeProblems() {
        return shapeProblems;
    }

    /** How problems name the column in this table's layout, e.g. {@code E(满分)}. */
    public String columnName(String code) {
        return columnNames.get(code);
    }

    /** The row index (0-based, in file order) of the row at {@code line}, or -1. */
    public int rowAt(int line) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).line() == line) {
                return i;
            }
        }
        return -1;
    }

    /** The column code a problem's column text names in this table ({@code E(满分)}, {@code 满分}, {@code E}), or null. */
    public String columnCode(String problemColumn) {
        if (problemColumn == null || problemColumn.isBlank()) {
            return null;
        }
        for (Map.Entry<String, String> name : columnNames.entrySet()) {
            if (name.getValue().equals(problemColumn)) {
                return name.getKey();
            }
        }
        int open = problemColumn.indexOf('(');
        String chinese = open >= 0 && problemColumn.endsWith(")")
                ? problemColumn.substring(open + 1, problemColumn.length() - 1) : problemColumn;
        return table.columns().stream().filter(c -> c.chinese().equals(chinese) || c.code().equals(chinese))
                .map(BookColumn::code).findFirst().orElse(null);
    }

    /** True when {@code other} rows hold the same cells in the same order (text layout aside). */
    public boolean sameCells(List<Map<String, String>> other) {
        List<Map<String, String>> kept = withoutBlankRows(other);
        if (kept.size() != rows.size()) {
            return false;
        }
        for (int i = 0; i < rows.size(); i++) {
            for (BookColumn column : table.columns()) {
                if (!Objects.equals(rows.get(i).cell(column.code()), clean(kept.get(i).get(column.code())))) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The table's text for rows given by column code: the header the default files write, then one
     * line per row with its cells in the template's order. Rows with no cell filled are left out; a
     * line break typed into a cell becomes a space, so row N of the form is line N + 1 of the file.
     */
    public static String csv(BookTable table, List<Map<String, String>> rows) {
        StringBuilder out = new StringBuilder(table.headerLine()).append('\n');
        for (Map<String, String> row : withoutBlankRows(rows)) {
            out.append(String.join(",", table.columns().stream().map(c -> quoted(clean(row.get(c.code())))).toList()))
                    .append('\n');
        }
        return out.toString();
    }

    /** A cell as the default files write it: quoted only when it holds a comma or a quote. */
    private static String quoted(String cell) {
        return cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }

    private static List<Map<String, String>> withoutBlankRows(List<Map<String, String>> rows) {
        return rows.stream().filter(r -> r.values().stream().anyMatch(v -> !clean(v).isEmpty())).toList();
    }

    private static String clean(String cell) {
        return cell == null ? "" : cell.replace('\r', ' ').replace('\n', ' ').replace('\u3000', ' ').strip();
    }
}
