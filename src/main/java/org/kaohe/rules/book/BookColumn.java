package org.kaohe.rules.book;

/**
 * One column of a rule table as its template defines it: the English code and the Chinese name
 * (a header cell may give either, or both as the default files do: {@code 满分 max}).
 */
public record BookColumn(String code, String chinese) {

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
