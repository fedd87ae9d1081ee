package org.kaohe.imports;

/**
 * The shapes of a number's or a date's text that {@link CellText} accepts, checked by hand-written
 * loops. They were regular expressions; a matcher per cell was 17 % of the import's reading thread
 * at 10k cadres and a sixth of what it allocated (issue 19). Each method accepts exactly the texts
 * the pattern in its comment matches with {@code matches()} ({@code CellTextShapesTest} compares
 * them on many texts). A digit is ASCII 0-9 only, as {@code \d} is without
 * {@code UNICODE_CHARACTER_CLASS}: full-width digits were made ASCII before (NFKC), and others
 * such as '٣' are not digits here.
 */
final class CellTextShapes {

    /** The year, month and day of a date's text, as written (not checked as a calendar date). */
    record DateParts(int year, int month, int day) {}

    private CellTextShapes() {}

    /** {@code [+-]?(\d+(\.\d*)?|\.\d+)}. */
    static boolean decimal(String s) {
        return decimalEnd(s) == s.length();
    }

    /** {@code [+-]?(\d+(\.\d*)?|\.\d+)[eE][+-]?\d+}. */
    static boolean scientific(String s) {
        int i = decimalEnd(s);
        if (i < 0 || i == s.length() || (s.charAt(i) != 'e' && s.charAt(i) != 'E')) {
            return false;
        }
        i = afterSign(s, i + 1);
        int digits = digits(s, i);
        return digits > 0 && i + digits == s.length();
    }

    /**
     * How many digits a whole number's text {@code [+-]?\d+} has, or -1 when it is not one (so
     * {@code [+-]?\d{1,18}} is 1 to 18).
     */
    static int wholeNumberDigits(String s) {
        int i = afterSign(s, 0);
        int digits = digits(s, i);
        return digits > 0 && i + digits == s.length() ? digits : -1;
    }

    /**
     * The parts of {@code (\d{4})(?:[-/](\d{1,2})[-/](\d{1,2})|年(\d{1,2})月(\d{1,2})日)}, or null
     * when the text is not of that shape: 2026-07-01, 2026/7/1, 2026-7/1, 2026年7月1日.
     */
    static DateParts date(String s) {
        if (digits(s, 0) != 4 || s.length() < 5) {
            return null;
        }
        char separator = s.charAt(4);
        boolean dashes = separator == '-' || separator == '/';
        if (!dashes && separator != '年') {
            return null;
        }
        int monthDigits = digits(s, 5);
        int afterMonth = 5 + monthDigits;
        if (monthDigits < 1 || monthDigits > 2 || afterMonth == s.length()) {
            return null;
        }
        char second = s.charAt(afterMonth);
        if (dashes ? (second != '-' && second != '/') : second != '月') {
            return null;
        }
        int dayDigits = digits(s, afterMonth + 1);
        int end = afterMonth + 1 + dayDigits;
        if (dayDigits < 1 || dayDigits > 2) {
            return null;
        }
        if (dashes ? end != s.length() : (end + 1 != s.length() || s.charAt(end) != '日')) {
            return null;
        }
        return new DateParts(number(s, 0, 4), number(s, 5, afterMonth), number(s, afterMonth + 1, end));
    }

    /**
     * Where the longest {@code [+-]?(\d+(\.\d*)?|\.\d+)} at the text's start ends, or -1 when there
     * is none. The longest is the only one a whole match can use: what follows a shorter one is a
     * digit or the point, which neither the end, nor an exponent's [eE], can be.
     */
    private static int decimalEnd(String s) {
        int i = afterSign(s, 0);
        int whole = digits(s, i);
        i += whole;
        int fraction = 0;
        if (i < s.length() && s.charAt(i) == '.') {
            fraction = digits(s, i + 1);
            i += 1 + fraction;
        }
        return whole + fraction > 0 ? i : -1;
    }

    /** The index after one optional + or - at {@code i}. */
    private static int afterSign(String s, int i) {
        return i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-') ? i + 1 : i;
    }

    /** How many ASCII digits follow one another from {@code i}. */
    private static int digits(String s, int i) {
        int j = i;
        while (j < s.length() && isDigit(s.charAt(j))) {
            j++;
        }
        return j - i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The value of the ASCII digits from {@code from} to {@code to} (at most four). */
    private static int number(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (s.charAt(i) - '0');
        }
        return value;
    }
}
