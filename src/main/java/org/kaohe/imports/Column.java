package org.kaohe.imports;

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

    /** How messages name the column: {@code planned(计划值)}. */
    String display() {
        return name + "(" + chinese + ")";
    }
}
