package org.kaohe.rules;

/**
 * One problem of a rulebook: the file, the row in it (0 when the problem is the file or the book
 * as a whole), the column (empty when it is the whole row) and a message in Chinese with English.
 * Printed as {@code file:row:column: message}, the way a leader finds the cell in Excel.
 */
public record RuleProblem(String file, int line, String column, String message) {

    public RuleProblem {
        column = column == null ? "" : column;
    }

    public RuleProblem(String file, int line, String message) {
        this(file, line, "", message);
    }

    @Override
    public String toString() {
        if (file.isEmpty()) {
            return message;
        }
        StringBuilder where = new StringBuilder(file);
        if (line > 0) {
            where.append(':').append(line);
            if (!column.isEmpty()) {
                where.append(':').append(column);
            }
        }
        return where + ": " + message;
    }
}
