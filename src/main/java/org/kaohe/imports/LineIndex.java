package org.kaohe.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Physical line numbers from character positions (a quoted cell may span several lines). */
final class LineIndex {
    private final String text;
    private final int[] starts;

    LineIndex(String text) {
        this.text = text;
        List<Integer> found = new ArrayList<>();
        found.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                found.add(i + 1);
            }
        }
        starts = found.stream().mapToInt(Integer::intValue).toArray();
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
