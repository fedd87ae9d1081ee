package org.kaohe.results;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.ReasonText;
import org.kaohe.scoring.SubjectResult;

/**
 * One subject's explanation in two runs, side by side: lines of the same rule and part face each
 * other (in the order both runs have them), a line in one run only faces nothing, and each pair
 * says how many points it moved. The score's difference is the sum of the pairs' differences.
 */
public record ExplanationDiff(SubjectResult before, SubjectResult after, List<Row> rows) {

    /** A line of the earlier run and the matching line of the later one; either may be null. */
    public record Row(ExplanationLine before, ExplanationLine after) {

        public BigDecimal delta() {
            return points(after).subtract(points(before));
        }

        /** The line differs: points, reason or evidence, or it is in one run only. */
        public boolean changed() {
            return before == null || after == null || delta().signum() != 0
                    || !ReasonText.same(before.reason(), after.reason()) || !before.evidence().equals(after.evidence());
        }

        private static BigDecimal points(ExplanationLine line) {
            return line == null ? BigDecimal.ZERO : line.points();
        }
    }

    public ExplanationDiff {
        rows = List.copyOf(rows);
    }

    public static ExplanationDiff of(SubjectResult before, SubjectResult after) {
        List<String> a = keys(before.lines());
        List<String> b = keys(after.lines());
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Row> rows = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                rows.add(new Row(before.lines().get(i++), after.lines().get(j++)));
            } else if (j < b.size() && (i == a.size() || common[i][j + 1] >= common[i + 1][j])) {
                rows.add(new Row(null, after.lines().get(j++)));
            } else {
                rows.add(new Row(before.lines().get(i++), null));
            }
        }
        return new ExplanationDiff(before, after, rows);
    }

    public BigDecimal scoreDelta() {
        return after.score().subtract(before.score());
    }

    public boolean gradeChanged() {
        return before.finalGrade() != after.finalGrade();
    }

    /** A line's identity across runs: its rule and part, and which occurrence of them it is. */
    private static List<String> keys(List<ExplanationLine> lines) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> keys = new ArrayList<>();
        for (ExplanationLine line : lines) {
            String key = line.rule() + "|" + line.part();
            keys.add(key + "#" + seen.merge(key, 1, Integer::sum));
        }
        return keys;
    }
}
