package org.kaohe.audit;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One value in PostgreSQL's {@code COPY} text format (PostgreSQL 15 documentation, COPY, "Text
 * Format"), as {@link BulkTable#copyLine} writes it: values are separated by a tab, a row ends with
 * a newline, and NULL is {@code \N}.
 *
 * <p>In a text, a backslash, newline, carriage return and tab must be written with a backslash
 * ({@code \\}, {@code \n}, {@code \r}, {@code \t}); every other character, other control
 * characters included, stands for itself. COPY compares a value with the NULL marker before it
 * reads the backslashes, so a text that is {@code \N} itself goes as {@code \\N} and stays text,
 * and an empty text (nothing between two tabs) stays empty, not NULL. A number goes as
 * {@link BigDecimal#toPlainString()} (never an exponent), a boolean as {@code t} or {@code f},
 * a date in ISO form ({@code 2026-07-01}), which PostgreSQL reads so whatever its {@code DateStyle};
 * no column Kaohe copies holds a time, so no time zone is involved.
 */
final class CopyText {

    static final String NULL = "\\N";

    private CopyText() {}

    /** Appends the value (null for NULL) as its column's type writes it. */
    static void append(BulkTable.Type type, Object value, StringBuilder out) {
        if (value == null) {
            out.append(NULL);
            return;
        }
        switch (type) {
            case TEXT -> text((String) value, out);
            case BIGINT, INTEGER -> out.append(((Number) value).longValue());
            case NUMERIC -> out.append(((BigDecimal) value).toPlainString());
            case BOOLEAN -> out.append((Boolean) value ? 't' : 'f');
            case DATE -> out.append(date((LocalDate) value));
        }
    }

    private static void text(String value, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
    }

    /**
     * A date of the years 1 to 9999 in ISO form ({@link LocalDate#toString()}: four-digit year).
     * Others would need PostgreSQL's {@code BC} or a fifth digit; an import accepts no date before
     * 1900 and none has five digits, so one here is a bug, refused before anything is written.
     */
    private static String date(LocalDate date) {
        if (date.getYear() < 1 || date.getYear() > 9999) {
            throw new IllegalArgumentException("A date COPY would not store as given: " + date);
        }
        return date.toString();
    }
}
