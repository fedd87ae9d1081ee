package org.kaohe.rules;

import java.util.Locale;

import org.kaohe.errors.Located;
import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;

/**
 * One problem of a rulebook: the file, the row in it (0 when the problem is the file or the book
 * as a whole), the column (empty when it is the whole row) and a message: typed ({@link Message},
 * worded per reader) or, where not yet converted, finished text in Chinese with English. Printed as
 * {@code file:row:column: message}, the way a leader finds the cell in Excel.
 */
public record RuleProblem(String file, int line, String column, String message, Message typed) implements Located {

    public RuleProblem {
        column = column == null ? "" : column;
    }

    public RuleProblem(String file, int line, String column, String message) {
        this(file, line, column, message, null);
    }

    public RuleProblem(String file, int line, String column, Message message) {
        this(file, line, column, MessageText.bilingual(message), message);
    }

    public RuleProblem(String file, int line, String message) {
        this(file, line, "", message);
    }

    public RuleProblem(String file, int line, Message message) {
        this(file, line, "", message);
    }

    @Override
    public String message(Locale locale) {
        return typed == null || locale == null ? message : MessageText.of(typed, locale);
    }

    /** {@code file:row:column: message} in both languages ({@link Located#located}). */
    @Override
    public String toString() {
        return located(null);
    }
}
