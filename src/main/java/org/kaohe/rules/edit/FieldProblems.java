package org.kaohe.rules.edit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.kaohe.rules.RuleProblem;

/**
 * The problems of a book placed where the editor shows them: at the cell a problem names (file,
 * row, column), at the row when it names no column, at the table when it names no row the form
 * shows, and for the whole book otherwise (scenario cases, publication). Every problem is placed
 * exactly once. A cell's and a row's messages are worded for the page's reader.
 */
public final class FieldProblems {

    private final Map<String, List<String>> cells = new LinkedHashMap<>();
    private final Map<String, List<String>> rows = new LinkedHashMap<>();
    private final Map<String, List<RuleProblem>> tables = new LinkedHashMap<>();
    private final List<RuleProblem> book = new ArrayList<>();
    private final int total;

    private FieldProblems(int total) {
        this.total = total;
    }

    /** No problem anywhere. */
    public static FieldProblems none() {
        return new FieldProblems(0);
    }

    /**
     * Places each problem by the table it names, the row at its line and the column it names; the
     * messages of cells and rows worded for {@code locale} (both languages for null).
     */
    public static FieldProblems place(List<RuleProblem> problems, Map<String, EditableTable> byFile, Locale locale) {
        FieldProblems placed = new FieldProblems(problems.size());
        for (RuleProblem p : problems) {
            EditableTable table = byFile.get(p.file());
            if (table == null) {
                placed.book.add(p);
                continue;
            }
            int row = p.line() > 0 && table.formEditable() ? table.rowAt(p.line()) : -1;
            String column = table.columnCode(p.column());
            if (row < 0) {
                placed.tables.computeIfAbsent(p.file(), f -> new ArrayList<>()).add(p);
            } else if (column == null) {
                placed.rows.computeIfAbsent(rowKey(p.file(), row), k -> new ArrayList<>()).add(p.message(locale));
            } else {
                placed.cells.computeIfAbsent(cellKey(p.file(), row, column), k -> new ArrayList<>()).add(p.message(locale));

            }
        }
        return placed;
    }

    /** Messages for one cell (row index in file order, column code). */
    public List<String> cell(String file, int row, String column) {
        return cells.getOrDefault(cellKey(file, row, column), List.of());
    }

    /** Messages for a row as a whole. */
    public List<String> row(String file, int row) {
        return rows.getOrDefault(rowKey(file, row), List.of());
    }

    /** Problems of a table that name no row the form shows (the file as a whole, a header). */
    public List<RuleProblem> table(String file) {
        return tables.getOrDefault(file, List.of());
    }

    /** How many problems a table has, wherever they are placed in it. */
    public int count(String file) {
        String prefix = file + "|";
        return table(file).size()
                + rows.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToInt(e -> e.getValue().size()).sum()
                + cells.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToInt(e -> e.getValue().size()).sum();
    }

    /** Problems of no table: the book, its scenario cases, its publication. */
    public List<RuleProblem> book() {
        return book;
    }

    public int total() {
        return total;
    }

    public boolean isEmpty() {
        return total == 0;
    }

    private static String rowKey(String file, int row) {
        return file + "|" + row;
    }

    private static String cellKey(String file, int row, String column) {
        return file + "|" + row + "|" + column;
    }
}
