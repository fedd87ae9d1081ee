package org.kaohe.errors;

import java.util.Locale;

/**
 * A problem found at a place in what a user sent: a rulebook's file, row and column, or an import's
 * file, line and column. Rule problems and import problems are both this, so each face shows them
 * one way ({@code file:line:column: message}).
 */
public interface Located {

    /** The file; empty when the problem is about no one file. */
    String file();

    /** The row or physical line, from 1; 0 when the problem is the file as a whole. */
    int line();

    /** The column's header; empty or null when the problem is the whole row. */
    String column();

    /** The message in both languages, {@code 中文 / English}: for a reader whose language is not known. */
    String message();

    /** The message worded for {@code locale}; both languages for a null locale. */
    String message(Locale locale);

    /** The typed message, for a test to check its key; null where the message is finished text. */
    Message typed();

    /**
     * {@code file:line:column: message}, worded for {@code locale} (both languages for null): the
     * line left out when it is 0 (the whole file), the column when empty, the place when there is no file.
     */
    default String located(Locale locale) {
        String file = file() == null ? "" : file();
        if (file.isEmpty()) {
            return message(locale);
        }
        StringBuilder where = new StringBuilder(file);
        if (line() > 0) {
            where.append(':').append(line());
            if (column() != null && !column().isEmpty()) {
                where.append(':').append(column());
            }
        }
        return where + ": " + message(locale);
    }
}
