package org.kaohe.imports;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kaohe.errors.Message;

/**
 * Numbers and dates as people type them into spreadsheets, read strictly but with a message that
 * says what is wrong: a decimal comma, scientific notation, a percent sign, an impossible date.
 * Full-width digits (typed with a Chinese input method) read as ASCII ones.
 */
final class CellText {

    /**
     * A parsed value, or the reason the text is not one: a message whose last argument, the cell's
     * text, is added where the problem is reported ({@link #withText}).
     */
    record Parsed<T>(T value, Message problem) {
        static <T> Parsed<T> of(T value) {
            return new Parsed<>(value, null);
        }

        static <T> Parsed<T> problem(Message problem) {
            return new Parsed<>(null, problem);
        }

        /** The problem with the cell's text as its last argument. */
        Message withText(String text) {
            List<Object> args = new ArrayList<>(problem.args());
            args.add(text);
            return new Message(problem.key(), args);
        }
    }

    static final int MAX_DECIMALS = 10;
    private static final int MAX_INTEGER_DIGITS = 20;
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern SCIENTIFIC = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)[eE][+-]?\\d+");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,18}");
    private static final Pattern LONG_INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DATE =
            Pattern.compile("(\\d{4})(?:[-/](\\d{1,2})[-/](\\d{1,2})|年(\\d{1,2})月(\\d{1,2})日)");

    private CellText() {}

    /** A decimal of at most 20 integer digits and 10 decimals (the database keeps NUMERIC(30, 10)). */
    static Parsed<BigDecimal> decimal(String text) {
        String s = normalize(text);
        if (!DECIMAL.matcher(s).matches()) {
            return Parsed.problem(whyNotANumber(s));
        }
        BigDecimal value = new BigDecimal(s);
        if (Math.max(value.scale(), 0) > MAX_DECIMALS) {
            return Parsed.problem(Message.of("import.cell.decimals", Integer.toString(MAX_DECIMALS)));
        }
        if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            return Parsed.problem(Message.of("import.cell.tooLarge"));
        }
        return Parsed.of(value);
    }

    /** A whole number; one too long for a long is "too large", not "not a number". */
    static Parsed<Long> wholeNumber(String text) {
        String s = normalize(text);
        if (INTEGER.matcher(s).matches()) {
            return Parsed.of(Long.parseLong(s));
        }
        if (LONG_INTEGER.matcher(s).matches()) {
            return Parsed.problem(Message.of("import.cell.tooLarge"));
        }
        return Parsed.problem(DECIMAL.matcher(s).matches() ? Message.of("import.cell.wholeNumber") : whyNotANumber(s));
    }

    /** A date written 2026-07-01, 2026/7/1 (as Excel writes it) or 2026年7月1日, from the year 1900. */
    static Parsed<LocalDate> date(String text) {
        Matcher m = DATE.matcher(normalize(text));
        if (!m.matches()) {
            return Parsed.problem(Message.of("import.cell.dateFormat"));
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(4));
        int day = Integer.parseInt(m.group(3) != null ? m.group(3) : m.group(5));
        if (year < 1900) {
            return Parsed.problem(Message.of("import.cell.dateBefore1900"));
        }
        try {
            return Parsed.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Parsed.problem(Message.of("import.cell.noSuchDate"));
        }
    }

    private static Message whyNotANumber(String s) {
        if (s.contains(",")) {
            return Message.of("import.cell.decimalComma");
        }
        if (SCIENTIFIC.matcher(s).matches()) {
            return Message.of("import.cell.scientific");
        }
        if (s.endsWith("%")) {
            return Message.of("import.cell.percent");
        }
        return Message.of("import.cell.notANumber");
    }

    private static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC);
    }
}
