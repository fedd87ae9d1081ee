package org.kaohe.imports;

import java.util.Arrays;

/** Physical line numbers from character positions (a quoted cell may span several lines). */
final class LineIndex {
    private final String text;
    private final int[] starts;

    LineIndex(String text) {
        this.text = text;
        // Into an int array grown as needed, not a list of boxed integers streamed into one: every
        // line of every file boxed and copied was a share of the import's reading thread (issue 19).
        int[] found = new int[64];
        int count = 1; // found[0] = 0: the first line starts the text
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, 2 * count);
                }
                found[count++] = i + 1;
            }
        }
        starts = Arrays.copyOf(found, count);
    }

    /** The line of a record starting at {@code position}; Commons CSV counts skipped blank lines in. */
    int lineAt(long position) {
        int p = (int) position;
        while (p < text.length() && (text.charAt(p) == '\r' || text.charAt(p) == '\n')) {
            p++;
        }
        int i = Arrays.binarySearch(starts, p);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    int lastLine() {
        return starts.length;
    }
}
