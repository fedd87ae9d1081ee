package org.kaohe.results;

import java.util.List;

/**
 * Renders rows as an aligned plain-text table for a terminal. Chinese characters take two
 * columns on a terminal, so widths count them double.
 */
public final class TextTable {

    private TextTable() {}

    public static String render(String[] header, List<String[]> rows) {
        int[] widths = new int[header.length];
        measure(widths, header);
        rows.forEach(row -> measure(widths, row));
        StringBuilder out = new StringBuilder();
        appendRow(out, widths, header);
        for (int i = 0; i < widths.length; i++) {
            out.append("-".repeat(widths[i])).append(i + 1 < widths.length ? "  " : "\n");
        }
        rows.forEach(row -> appendRow(out, widths, row));
        return out.toString();
    }

    private static void measure(int[] widths, String[] row) {
        for (int i = 0; i < row.length; i++) {
            widths[i] = Math.max(widths[i], displayWidth(row[i]));
        }
    }

    private static void appendRow(StringBuilder out, int[] widths, String[] row) {
        for (int i = 0; i < row.length; i++) {
            out.append(row[i]);
            if (i + 1 < row.length) {
                out.append(" ".repeat(widths[i] - displayWidth(row[i]) + 2));
            }
        }
        out.append('\n');
    }

    static int displayWidth(String text) {
        return text.codePoints().map(cp -> isWide(cp) ? 2 : 1).sum();
    }

    private static boolean isWide(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN
                || (codePoint >= 0x3000 && codePoint <= 0x303F)   // CJK punctuation
                || (codePoint >= 0xFF00 && codePoint <= 0xFFEF);  // full-width forms
    }
}
