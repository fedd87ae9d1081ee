package org.kaohe.imports;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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
    /** Up to 18 digits a long always holds; 19 may be too large, and are refused as such. */
    private static final int MAX_LONG_DIGITS = 18;

    private CellText() {}

    /** A decimal of at most 20 integer digits and 10 decimals (the database keeps NUMERIC(30, 10)). */
    static Parsed<BigDecimal> decimal(String text) {
        String s = normalize(text);
        if (!CellTextShapes.decimal(s)) {
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
        int digits = CellTextShapes.wholeNumberDigits(s);
        if (digits > 0 && digits <= MAX_LONG_DIGITS) {
            return Parsed.of(Long.parseLong(s));
        }
        if (digits > 0) {
            return Parsed.problem(Message.of("import.cell.tooLarge"));
        }
        return Parsed.problem(CellTextShapes.decimal(s) ? Message.of("import.cell.wholeNumber") : whyNotANumber(s));
    }

    /** A date written 2026-07-01, 2026/7/1 (as Excel writes it) or 2026年7月1日, from the year 1900. */
    static Parsed<LocalDate> date(String text) {
        CellTextShapes.DateParts parts = CellTextShapes.date(normalize(text));
        if (parts == null) {
            return Parsed.problem(Message.of("import.cell.dateFormat"));
        }
        if (parts.year() < 1900) {
            return Parsed.problem(Message.of("import.cell.dateBefore1900"));
        }
        try {
            return Parsed.of(LocalDate.of(parts.year(), parts.month(), parts.day()));
        } catch (DateTimeException e) {
            return Parsed.problem(Message.of("import.cell.noSuchDate"));
        }
    }

    private static Message whyNotANumber(String s) {
        if (s.contains(",")) {
            return Message.of("import.cell.decimalComma");
        }
        if (CellTextShapes.scientific(s)) {
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
