package org.kaohe.rules.book;

/**
 * One column of a rule table as its template defines it: the English code and the Chinese name
 * (a header cell may give either, or both as the default files do: {@code 满分 max}). An
 * {@code optional} column was added after books were written without it: a header may leave it
 * out, and then every cell of it is empty (its default).
 */
public record BookColumn(String code, String chinese, boolean optional) {

    public BookColumn(String code, String chinese) {
        this(code, chinese, false);
    }

    /** The header cell the default files write. */
    public String header() {
        return chinese + " " + code;
    }

    /** True when a header cell names this column: its Chinese name, its code, or both. */
    boolean named(String headerCell) {
        for (String token : headerCell.trim().split("[\\s/()（）]+")) {
            if (token.equals(chinese) || token.equalsIgnoreCase(code)) {
                return true;
            }
        }
        return false;
    }
}
