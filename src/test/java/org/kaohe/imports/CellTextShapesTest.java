package org.kaohe.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.kaohe.errors.Message;

/**
 * {@link CellTextShapes}' loops against the regular expressions they replaced (issue 19), kept here
 * as the oracle: the same verdict, and the same parts of a date, on edge cases and on many random
 * texts made of the characters that matter (digits of several widths and scripts, signs, points,
 * exponents, separators, spaces, surrogates). And {@link CellText}'s three readings against its
 * former code, message for message.
 */
class CellTextShapesTest {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern SCIENTIFIC = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)[eE][+-]?\\d+");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,18}");
    private static final Pattern LONG_INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DATE =
            Pattern.compile("(\\d{4})(?:[-/](\\d{1,2})[-/](\\d{1,2})|年(\\d{1,2})月(\\d{1,2})日)");

    /** Characters that matter to the shapes, and some that must be refused. */
    private static final String[] PIECES = {"0", "1", "5", "9", "0", "7", "+", "-", ".", "e", "E", "/", "年", "月", "日",
        " ", ",", "%", "０", "９", "٣", "०", "\u00A0", "\u3000", "a", "x", "\uD835\uDFD9" /* 𝟙, NFKC 1 */,
        "\uD840\uDC00" /* 𠀀 */, "\uD83D\uDE00" /* 😀 */, "\uD800" /* a lone high surrogate */, "\uDC00", "\uFF0E" /* ． */,
        "\uFF0D" /* － */, "\uFF0F" /* ／ */, "²", "½", "\n", "\t", "e+", "e-", "2026", "12", "31"};

    private static final String[] EDGES = {"", " ", "+", "-", ".", "+.", "-.", "..", "0", "00", "007", "+0", "-0", "1.",
        ".5", "+.5", "-5.", "1.5.", "1..5", "1.5e3", "1.5E-3", ".5e+3", "5.e3", ".e3", "e3", "1e", "1e+", "1e3.5", "1,5",
        "1 000", " 1", "1 ", "1%", "+-1", "--1", "++1", "１２３", "٣", "1٣", "१२", "\uD835\uDFD9", "1\uD840\uDC00",
        "999999999999999999", "9999999999999999999", "-999999999999999999", "+123456789012345678",
        "1234567890123456789012345", "2026-07-01", "2026/7/1", "2026-7/1", "2026/07-01", "2026年7月1日", "2026年07月01日",
        "2026年7月1", "2026年7-1日", "2026-7月1日", "2026-07-01 ", "02026-07-01", "226-07-01", "2026-007-01",
        "2026-07-001", "2026--01", "2026-07-", "2026-", "2026", "2026年", "2026年7月", "2026年7月1日日", "1899-12-31",
        "0000-00-00", "9999-99-99", "２０２６－０７－０１", "２０２６年７月１日", "2026-02-30", "2026\uD840\uDC0007-01"};

    @Test
    void theLoopsAcceptWhatThePatternsMatched() {
        for (String s : texts()) {
            assertThat(CellTextShapes.decimal(s)).as("decimal %s", s).isEqualTo(DECIMAL.matcher(s).matches());
            assertThat(CellTextShapes.scientific(s)).as("scientific %s", s).isEqualTo(SCIENTIFIC.matcher(s).matches());
            int digits = CellTextShapes.wholeNumberDigits(s);
            assertThat(digits >= 1 && digits <= 18).as("integer %s", s).isEqualTo(INTEGER.matcher(s).matches());
            assertThat(digits >= 1).as("long integer %s", s).isEqualTo(LONG_INTEGER.matcher(s).matches());
            assertThat(CellTextShapes.date(s)).as("date %s", s).isEqualTo(oldDateParts(s));
        }
    }

    @Test
    void cellTextReadsAsItDidWithThePatterns() {
        for (String s : texts()) {
            assertThat(CellText.decimal(s)).as("decimal %s", s).isEqualTo(OldCellText.decimal(s));
            assertThat(CellText.wholeNumber(s)).as("whole number %s", s).isEqualTo(OldCellText.wholeNumber(s));
            assertThat(CellText.date(s)).as("date %s", s).isEqualTo(OldCellText.date(s));
        }
    }

    @Test
    void theTextsCoverEveryVerdict() {
        List<String> texts = texts();
        assertThat(texts).filteredOn(s -> DECIMAL.matcher(s).matches()).hasSizeGreaterThan(1_000);
        assertThat(texts).filteredOn(s -> SCIENTIFIC.matcher(s).matches()).hasSizeGreaterThan(100);
        assertThat(texts).filteredOn(s -> LONG_INTEGER.matcher(s).matches() && !INTEGER.matcher(s).matches())
                .hasSizeGreaterThan(10);
        assertThat(texts).filteredOn(s -> DATE.matcher(s).matches()).hasSizeGreaterThan(1_000);
        assertThat(texts).filteredOn(s -> OldCellText.date(Normalizer.normalize(s, Normalizer.Form.NFKC)).value() != null)
                .hasSizeGreaterThan(100);
    }

    private static CellTextShapes.DateParts oldDateParts(String s) {
        Matcher m = DATE.matcher(s);
        if (!m.matches()) {
            return null;
        }
        return new CellTextShapes.DateParts(Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(4)),
                Integer.parseInt(m.group(3) != null ? m.group(3) : m.group(5)));
    }

    /** The edge cases, random texts of the pieces, near-misses of valid ones, and a few very long ones. */
    static List<String> texts() {
        List<String> texts = new ArrayList<>(List.of(EDGES));
        Random random = new Random(19);
        for (int i = 0; i < 60_000; i++) {
            StringBuilder s = new StringBuilder();
            int pieces = random.nextInt(12);
            for (int p = 0; p < pieces; p++) {
                s.append(PIECES[random.nextInt(PIECES.length)]);
            }
            texts.add(s.toString());
        }
        for (int i = 0; i < 20_000; i++) {
            String valid = validLooking(random);
            texts.add(valid);
            texts.add(mutated(valid, random));
        }
        texts.add("1".repeat(10_000));
        texts.add("-" + "9".repeat(5_000) + "." + "9".repeat(5_000));
        texts.add("1".repeat(5_000) + "e" + "2".repeat(5_000));
        texts.add("2026-07-" + "1".repeat(5_000));
        texts.add("٣".repeat(1_000));
        return texts;
    }

    private static String validLooking(Random random) {
        String sign = new String[] {"", "", "+", "-"}[random.nextInt(4)];
        String digits = Long.toString(Math.abs(random.nextLong()) >> random.nextInt(63));
        String zeros = random.nextInt(5) == 0 ? "000" : "";
        return switch (random.nextInt(6)) {
            case 0 -> sign + zeros + digits;
            case 1 -> sign + zeros + digits + "." + Integer.toString(random.nextInt(100_000)).substring(random.nextInt(3) == 0 ? 1 : 0);
            case 2 -> sign + "." + random.nextInt(1_000);
            case 3 -> sign + digits + (random.nextBoolean() ? "e" : "E") + new String[] {"", "+", "-"}[random.nextInt(3)]
                    + random.nextInt(400);
            case 4 -> (1800 + random.nextInt(300)) + (random.nextBoolean() ? "-" : "/") + random.nextInt(14)
                    + (random.nextBoolean() ? "-" : "/") + (random.nextBoolean() ? "0" : "") + random.nextInt(33);
            default -> (1800 + random.nextInt(300)) + "年" + random.nextInt(14) + "月" + random.nextInt(33) + "日";
        };
    }

    /** The text with one piece put in, one character taken out, or one replaced. */
    private static String mutated(String text, Random random) {
        StringBuilder s = new StringBuilder(text);
        int at = random.nextInt(s.length() + 1);
        String piece = PIECES[random.nextInt(PIECES.length)];
        switch (random.nextInt(3)) {
            case 0 -> s.insert(at, piece);
            case 1 -> {
                if (at < s.length()) {
                    s.deleteCharAt(at);
                }
            }
            default -> {
                if (at < s.length()) {
                    s.replace(at, at + 1, piece);
                }
            }
        }
        return s.toString();
    }

    /** CellText's three readings as they were before the loops, with their patterns: the oracle. */
    private static final class OldCellText {
        private static final int MAX_DECIMALS = 10;
        private static final int MAX_INTEGER_DIGITS = 20;

        static CellText.Parsed<BigDecimal> decimal(String text) {
            String s = normalize(text);
            if (!DECIMAL.matcher(s).matches()) {
                return CellText.Parsed.problem(whyNotANumber(s));
            }
            BigDecimal value = new BigDecimal(s);
            if (Math.max(value.scale(), 0) > MAX_DECIMALS) {
                return CellText.Parsed.problem(Message.of("import.cell.decimals", Integer.toString(MAX_DECIMALS)));
            }
            if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
                return CellText.Parsed.problem(Message.of("import.cell.tooLarge"));
            }
            return CellText.Parsed.of(value);
        }

        static CellText.Parsed<Long> wholeNumber(String text) {
            String s = normalize(text);
            if (INTEGER.matcher(s).matches()) {
                return CellText.Parsed.of(Long.parseLong(s));
            }
            if (LONG_INTEGER.matcher(s).matches()) {
                return CellText.Parsed.problem(Message.of("import.cell.tooLarge"));
            }
            return CellText.Parsed.problem(DECIMAL.matcher(s).matches() ? Message.of("import.cell.wholeNumber")
                    : whyNotANumber(s));
        }

        static CellText.Parsed<LocalDate> date(String text) {
            Matcher m = DATE.matcher(normalize(text));
            if (!m.matches()) {
                return CellText.Parsed.problem(Message.of("import.cell.dateFormat"));
            }
            int year = Integer.parseInt(m.group(1));
            int month = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(4));
            int day = Integer.parseInt(m.group(3) != null ? m.group(3) : m.group(5));
            if (year < 1900) {
                return CellText.Parsed.problem(Message.of("import.cell.dateBefore1900"));
            }
            try {
                return CellText.Parsed.of(LocalDate.of(year, month, day));
            } catch (DateTimeException e) {
                return CellText.Parsed.problem(Message.of("import.cell.noSuchDate"));
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
}
