package org.kaohe.rules.edit;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two texts (longest common subsequence), enough for rule files of a few hundred
 * lines: every line of either text once, marked kept, added or removed.
 */
public final class LineDiff {

    public enum Change { SAME, ADDED, REMOVED }

    public record Line(Change change, int oldNumber, int newNumber, String text) {}

    private LineDiff() {}

    public static List<Line> of(String oldText, String newText) {
        String[] a = lines(oldText);
        String[] b = lines(newText);
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                out.add(new Line(Change.SAME, i + 1, j + 1, a[i]));
                i++;
                j++;
            } else if (j < b.length && (i == a.length || common[i][j + 1] >= common[i + 1][j])) {
                out.add(new Line(Change.ADDED, 0, j + 1, b[j]));
                j++;
            } else {
                out.add(new Line(Change.REMOVED, i + 1, 0, a[i]));
                i++;
            }
        }
        return out;
    }

    public static boolean identical(List<Line> diff) {
        return diff.stream().allMatch(l -> l.change() == Change.SAME);
    }

    private static String[] lines(String text) {
        if (text == null || text.isEmpty()) {
            return new String[0];
        }
        return text.split("\r?\n", -1);
    }
}
