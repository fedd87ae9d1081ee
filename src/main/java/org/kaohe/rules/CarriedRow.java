package org.kaohe.rules;

/**
 * A registry or price row a rollback carried over into the book it publishes, because imported
 * data use a kind or level the earlier version lacks: the table and row it has in the published
 * book, the row as written, what it is about (a kind's or level's name) and why (which period's
 * data use it, in which rows).
 */
public record CarriedRow(String file, int line, String row, String about, String why) {

    @Override
    public String toString() {
        return file + ":" + line + ": 沿用 / carried over: " + row + "(" + why + ")";
    }
}
