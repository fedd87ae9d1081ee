package org.kaohe.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

import org.kaohe.errors.InvalidInputException;
import org.kaohe.errors.Label;
import org.kaohe.errors.Message;
import org.kaohe.records.CodedValue;
import org.kaohe.records.Period;
import org.kaohe.records.SourceRef;

/**
 * Reads the typed values of one row, reporting each bad cell as a located problem (the file, the
 * row's line, the column as the file names it) instead of stopping at the first. A getter returns
 * null for a bad cell; {@link #ok()} tells whether the row had no error, so that only whole,
 * valid records are built.
 */
final class RowFields {

    /** An id's longest length, in code points (characters beyond Unicode's first plane count once). */
    private static final int MAX_ID_LENGTH = 64;

    private final CsvTable table;
    private final CsvRow row;
    private final Problems problems;
    private final int errorsBefore;

    RowFields(CsvTable table, CsvRow row, Problems problems) {
        this.table = table;
        this.row = row;
        this.problems = problems;
        this.errorsBefore = problems.errorCount();
    }

    boolean ok() {
        return problems.errorCount() == errorsBefore;
    }

    SourceRef source() {
        return new SourceRef(table.fileName(), row.line());
    }

    int line() {
        return row.line();
    }

    String raw(String column) {
        return table.cell(row, column);
    }

    void error(String column, Message message) {
        problems.error(table.fileName(), row.line(), column == null ? null : table.header(column), message);
    }

    void warning(String column, Message message) {
        problems.warning(table.fileName(), row.line(), column == null ? null : table.header(column), message);
    }

    /** A required id: a well-formed code, at most 64 characters. */
    String id(String column) {
        String value = required(column);
        if (value == null) {
            return null;
        }
        if (!wellFormedId(value)) {
            error(column, Message.of("import.row.idFormat", value));
            return null;
        }
        return value;
    }

    /**
     * Letters (Chinese too), digits, {@code _ - .}; not starting like a spreadsheet formula; at most
     * 64: the texts {@code [\p{L}\p{Nd}_.][\p{L}\p{Nd}_.\-]{0,63}} matches, checked by a loop over
     * the code points as the pattern reads them (a matcher per id was a share of the import's
     * reading thread, issue 19; {@code RowFieldsIdTest} compares the two). {@code \p{L}} is
     * {@link Character#isLetter(int)}, {@code \p{Nd}} {@link Character#isDigit(int)}: any script's
     * decimal digits, '٣' too.
     */
    static boolean wellFormedId(String value) {
        int count = 0;
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            boolean allowed = Character.isLetter(c) || Character.isDigit(c) || c == '_' || c == '.'
                    || (c == '-' && count > 0);
            if (!allowed || ++count > MAX_ID_LENGTH) {
                return false;
            }
            i += Character.charCount(c);
        }
        return count > 0;
    }

    /** A required text of at most {@code maxLength} characters. */
    String text(String column, int maxLength) {
        String value = required(column);
        return value == null ? null : checkedText(column, value, maxLength);
    }

    /** An optional text: "" when empty. */
    String optionalText(String column, int maxLength) {
        return checkedText(column, raw(column), maxLength);
    }

    private String checkedText(String column, String value, int maxLength) {
        if (value.length() > maxLength) {
            error(column, Message.of("import.row.textTooLong", Integer.toString(maxLength), Integer.toString(value.length())));
            return null;
        }
        if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) {
            // Kept as typed: the exports neutralise such cells so a spreadsheet never runs them.
            warning(column, Message.of("import.row.formulaLike", value));
        }
        return value;
    }

    /** A required number greater than zero. */
    BigDecimal positive(String column) {
        BigDecimal value = decimal(column, required(column));
        if (value != null && value.signum() <= 0) {
            error(column, Message.of("import.row.positive", columnNamed(column), raw(column)));
            return null;
        }
        return value;
    }

    /** A required number of zero or more. */
    BigDecimal nonNegative(String column) {
        BigDecimal value = decimal(column, required(column));
        if (value != null && value.signum() < 0) {
            error(column, Message.of("import.row.nonNegative", columnNamed(column), raw(column)));
            return null;
        }
        return value;
    }

    /** An optional score from 0 to 100; null when empty. */
    BigDecimal optionalScore(String column) {
        String text = raw(column);
        if (text.isEmpty()) {
            return null;
        }
        BigDecimal value = decimal(column, text);
        if (value != null && (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0)) {
            error(column, Message.of("import.row.score", columnNamed(column), text));
            return null;
        }
        return value;
    }

    private BigDecimal decimal(String column, String text) {
        return text == null ? null : reported(column, text, CellText.decimal(text));
    }

    /** A whole number from {@code min} to {@code max}; {@code whenEmpty} (null: required) when empty. */
    Integer integer(String column, int min, int max, Integer whenEmpty) {
        String text = raw(column);
        if (text.isEmpty() && whenEmpty != null) {
            return whenEmpty;
        }
        text = required(column);
        Long value = text == null ? null : reported(column, text, CellText.wholeNumber(text));
        if (value != null && (value < min || value > max)) {
            String range = min + ".." + max;
            error(column, Message.of("import.row.range", columnNamed(column), range, text));
            return null;
        }
        return value == null ? null : value.intValue();
    }

    /** A required date, written 2026-07-01, 2026/7/1 (as Excel writes it) or 2026年7月1日. */
    LocalDate date(String column) {
        String text = required(column);
        return text == null ? null : reported(column, text, CellText.date(text));
    }

    /** An optional date; null when empty. */
    LocalDate optionalDate(String column) {
        String text = raw(column);
        return text.isEmpty() ? null : reported(column, text, CellText.date(text));
    }

    private <T> T reported(String column, String text, CellText.Parsed<T> parsed) {
        if (parsed.problem() != null) {
            error(column, parsed.withText(text));
        }
        return parsed.value();
    }

    /** A required code, by English name (any case) or Chinese label. */
    <E extends Enum<E> & CodedValue> E code(String column, Class<E> type) {
        String text = required(column);
        if (text == null) {
            return null;
        }
        E value = CodedValue.lookup(type, text);
        if (value == null) {
            String allowed = String.join(", ", Arrays.stream(type.getEnumConstants())
                    .map(e -> e.name() + " " + e.label()).toList());
            error(column, Message.of("import.row.code", allowed, text));
        }
        return value;
    }

    /** A required yes/no: Y/N, 是/否, TRUE/FALSE, YES/NO. */
    Boolean yesNo(String column) {
        String text = required(column);
        if (text == null) {
            return null;
        }
        switch (text.toUpperCase(Locale.ROOT)) {
            case "Y", "YES", "TRUE", "是":
                return true;
            case "N", "NO", "FALSE", "否":
                return false;
            default:
                error(column, Message.of("import.row.yesNo", text));
                return null;
        }
    }

    /** The optional period column: when given, it must be the import's period. */
    void samePeriod(String column, Period period) {
        String text = raw(column);
        if (text.isEmpty() || text.equals(period.toString())) { // the period as written by every export: nothing to parse
            return;
        }
        try {
            if (!Period.parse(text).equals(period)) {
                error(column, Message.of("import.row.period", period.toString(), text));
            }
        } catch (InvalidInputException e) {
            error(column, e.message().orElseGet(() -> Message.of("import.row.asGiven", e.getMessage())));
        }
    }

    private String required(String column) {
        String value = raw(column);
        if (value.isEmpty()) {
            error(column, Message.of("import.row.required"));
            return null;
        }
        return value;
    }

    private Label columnNamed(String column) {
        return table.file().columns().stream().filter(c -> c.name().equals(column)).findFirst()
                .map(Column::named).orElse(new Label(column, column));
    }
}
