package org.kaohe.rules.book;

import java.util.List;

import org.kaohe.errors.Message;
import org.kaohe.rules.RuleProblem;

/**
 * One row of a rule table: its cells' text as read, its place, and the list its problems go to, each at
 * its file, row and column. {@link Cells} reads the typed values on top of it.
 */
abstract class CellRow {

    private final TableText text;
    private final TableText.Row row;
    private final List<RuleProblem> problems;
    private final int before;

    CellRow(TableText text, TableText.Row row, List<RuleProblem> problems) {
        this.text = text;
        this.row = row;
        this.problems = problems;
        this.before = problems.size();
    }

    boolean ok() {
        return problems.size() == before;
    }

    RowRef ref() {
        return new RowRef(text.table().fileName(), row.line());
    }

    String raw(String column) {
        return row.cell(column);
    }

    void error(String column, Message message) {

        problems.add(new RuleProblem(text.table().fileName(), row.line(), column == null ? "" : text.columnName(column),
                message));
    }

    /** The column's definition. */
    BookColumn column(String column) {
        return text.table().column(column);
    }
}
