package org.kaohe.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * {@link LineIndex} with its line starts in a growing {@code int[]} (issue 19) against the list of
 * boxed starts it had before, kept here as the oracle: the same line for every position and the
 * same last line, on texts of every line ending (\n, \r\n, a lone \r, at the start, at the end,
 * several in a row) and on one longer than the array's first size.
 */
class LineIndexTest {

    private static final String[] PIECES = {"a", "张", ",", "\"", "\n", "\r", "\r\n", "\n\n", "\r\r", " "};

    @Test
    void linesAsBefore() {
        List<String> texts = new ArrayList<>(List.of("", "\n", "\r", "\r\n", "a", "a\n", "\na", "a\r\nb\rc\nd",
                "x\n".repeat(10_000), "\r\n".repeat(65), "y\r".repeat(64)));
        Random random = new Random(19);
        for (int i = 0; i < 3_000; i++) {
            StringBuilder text = new StringBuilder();
            int pieces = random.nextInt(200);
            for (int p = 0; p < pieces; p++) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            texts.add(text.toString());
        }
        for (String text : texts) {
            LineIndex lines = new LineIndex(text);
            int[] starts = oldStarts(text);
            assertThat(lines.lastLine()).as("last line of %s", text).isEqualTo(starts.length);
            for (int p = 0; p <= text.length(); p++) {
                assertThat(lines.lineAt(p)).as("line at %d of %s", p, text).isEqualTo(oldLineAt(text, starts, p));
            }
        }
    }

    private static int[] oldStarts(String text) {
        List<Integer> found = new ArrayList<>();
        found.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                found.add(i + 1);
            }
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int oldLineAt(String text, int[] starts, int position) {
        int p = position;
        while (p < text.length() && (text.charAt(p) == '\r' || text.charAt(p) == '\n')) {
            p++;
        }
        int i = Arrays.binarySearch(starts, p);
        return (i >= 0 ? i : -i - 2) + 1;
    }
}
