package org.kaohe.results;

/**
 * Neutralises text that a spreadsheet would run as a formula (cells starting with =, +, -, @, or
 * a tab or carriage return): a leading apostrophe makes Excel and WPS show it as plain text.
 * Names and notes come from imported files, so they may hold such text.
 */
public final class SpreadsheetSafe {

    private SpreadsheetSafe() {}

    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        boolean formulaLike = first == '=' || first == '+' || first == '-' || first == '@'
                || first == '\t' || first == '\r';
        return formulaLike ? "'" + value : value;
    }
}
