package org.kaohe.imports;

import org.kaohe.errors.Label;

/**
 * A column of an input file: its English header, its Chinese header, and whether the header must
 * be present. Whether a cell may be empty is the row reader's business, not the column's.
 */
record Column(String name, String chinese, boolean required) {

    static Column required(String name, String chinese) {
        return new Column(name, chinese, true);
    }

    static Column optional(String name, String chinese) {
        return new Column(name, chinese, false);
    }

    /** True when a header cell names this column: English case-insensitive, Chinese exact. */
    boolean matches(String header) {
        return name.equalsIgnoreCase(header) || chinese.equals(header);
    }

    /** The column as a message about a cell names it: its Chinese header in Chinese, its English one in English. */
    Label named() {
        return new Label(chinese, name);
    }

    /** How a list of columns in a message names one: {@code planned(计划值)}. */
    String display() {
        return name + "(" + chinese + ")";
    }

    /**
     * The column by both its headers, as a missing header's message names it: {@link #display}, in
     * English {@code planned (计划值)}.
     */
    Label namedInFull() {
        return new Label(display(), name + " (" + chinese + ")");
    }
}
