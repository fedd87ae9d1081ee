package org.kaohe.rules.book;

/** A row of a rule table: the file and the line Excel shows. Explanation lines cite rules this way. */
public record RowRef(String file, int line) {
    @Override
    public String toString() {
        return file + ":" + line;
    }

    /** Parses {@code parts.csv:3}; null when the text is not such a reference. */
    public static RowRef parse(String text) {
        int colon = text == null ? -1 : text.lastIndexOf(':');
        if (colon <= 0) {
            return null;
        }
        try {
            return new RowRef(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
