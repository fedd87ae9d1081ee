package org.kaohe.records;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An assessment period: one quarter, written {@code YYYY-Qn} (docs/scheme.md). */
public record Period(int year, int quarter) implements Comparable<Period> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-Q([1-4])");

    public Period {
        if (year < 1900 || year > 9999 || quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("考核期无效 / invalid period: " + year + "-Q" + quarter);
        }
    }

    /** Parses {@code 2026-Q3}; throws with a bilingual message on anything else. */
    public static Period parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text.trim());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException(
                    "考核期格式应为 YYYY-Qn(如 2026-Q3)/ period must look like 2026-Q3: " + text);
        }
        return new Period(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
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
