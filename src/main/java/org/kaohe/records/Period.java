package org.kaohe.records;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kaohe.errors.Echo;
import org.kaohe.errors.InvalidInputException;
import org.kaohe.errors.Message;

/** An assessment period: one quarter, written {@code YYYY-Qn} (docs/scheme.md). */
public record Period(int year, int quarter) implements Comparable<Period> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-Q([1-4])");

    public Period {
        if (year < 1900 || year > 9999 || quarter < 1 || quarter > 4) {
            throw new InvalidInputException(Message.of("input.period.invalid", year + "-Q" + quarter));
        }
    }

    /** Parses {@code 2026-Q3}; throws with a bilingual message on anything else. */
    public static Period parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text.trim());
        if (m == null || !m.matches()) {
            throw new InvalidInputException(Message.of("input.period.format", Echo.of(text)));
        }
        return new Period(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** A period written in a file or folder name: 2026-Q3, 2026Q3, 2026q3, 2026年第三季度, 2026年3季度. */
    private static final Pattern IN_NAME = Pattern.compile(
            "(?<!\\d)(\\d{4})(?:\\s*[-_ ]?\\s*[Qq]([1-4])|年第?([1-4一二三四])季度)(?!\\d)");

    /**
     * The period a folder, zip or workbook name stands for ({@code 2026-Q3}, {@code 青川市2026-Q3.xlsx},
     * {@code 2026年第三季度考核数据.zip}), if it names exactly one.
     */
    public static java.util.Optional<Period> findIn(String name) {
        if (name == null) {
            return java.util.Optional.empty();
        }
        Matcher m = IN_NAME.matcher(name);
        Period found = null;
        while (m.find()) {
            String q = m.group(2) != null ? m.group(2) : m.group(3);
            int quarter = "一二三四".indexOf(q) >= 0 ? "一二三四".indexOf(q) + 1 : Integer.parseInt(q);
            int year = Integer.parseInt(m.group(1));
            if (year < 1900) {
                continue;
            }
            Period period = new Period(year, quarter);
            if (found != null && !found.equals(period)) {
                return java.util.Optional.empty(); // two different periods named: let the user say which
            }
            found = period;
        }
        return java.util.Optional.ofNullable(found);
    }

    public LocalDate startDate() {
        return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    }

    /** The last day of the quarter. */
    public LocalDate endDate() {
        LocalDate firstOfLastMonth = LocalDate.of(year, quarter * 3, 1);
        return firstOfLastMonth.withDayOfMonth(firstOfLastMonth.lengthOfMonth());
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(startDate()) && !date.isAfter(endDate());
    }

    @Override
    public int compareTo(Period other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(quarter, other.quarter);
    }

    @Override
    public String toString() {
        return year + "-Q" + quarter;
    }
}
