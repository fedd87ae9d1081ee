package org.kaohe.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.kaohe.records.SourceRef;

/**
 * Two explanations of one subject side by side, line by line: under the published rulebook and a
 * draft (the what-if), or in a run and its re-run (a review). Lines are paired by what they are about — their part and the source
 * rows they used (a target, an event, an appraisal) — not by the rule's row number, which moves
 * when a row is inserted above it; in a stretch that does not pair, a line of the same part on each
 * side is shown as one line changed. Every line of either side appears exactly once.
 */
public final class ExplanationDiff {

    /** How a line differs between the two sides. */
    public enum Change { SAME, CHANGED, ADDED, REMOVED }

    /** One row of the comparison; {@code before} is null for an added line, {@code after} for a removed one. */
    public record LineChange(Change change, String part, String partName, ExplanationLine before,
                             ExplanationLine after) {
        /** Points after minus points before (a missing side counts 0). */
        public BigDecimal difference() {
            return points(after).subtract(points(before));
        }

        public boolean changed() {
            return change != Change.SAME;
        }

        private static BigDecimal points(ExplanationLine line) {
            return line == null ? BigDecimal.ZERO : line.points();
        }
    }

    private ExplanationDiff() {}

    /** One subject in two runs: both results and their lines aligned, for a review's comparison. */
    public record Subjects(SubjectResult before, SubjectResult after, List<LineChange> rows) {
        public BigDecimal scoreDelta() {
            return after.score().subtract(before.score());
        }

        public boolean gradeChanged() {
            return before.finalGrade() != after.finalGrade();
        }
    }

    /** A subject's lines in an earlier and a later run aligned, parts named by their codes. */
    public static Subjects of(SubjectResult before, SubjectResult after) {
        return new Subjects(before, after, of(before.lines(), after.lines(), Map.of()));
    }

    /** The lines of both sides aligned; {@code partNames} names part codes (a code without a name shows as itself). */
    public static List<LineChange> of(List<ExplanationLine> published, List<ExplanationLine> draft,
                                      Map<String, String> partNames) {
        int n = published.size();
        int m = draft.size();
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = key(published.get(i)).equals(key(draft.get(j))) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<LineChange> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (paired(published, draft, common, i, j)) {
                out.add(pair(published.get(i++), draft.get(j++), partNames));
                continue;
            }
            List<ExplanationLine> removed = new ArrayList<>();
            List<ExplanationLine> added = new ArrayList<>();
            while ((i < n || j < m) && !paired(published, draft, common, i, j)) {
                if (j < m && (i == n || common[i][j + 1] >= common[i + 1][j])) {
                    added.add(draft.get(j++));
                } else {
                    removed.add(published.get(i++));
                }
            }
            out.addAll(stretch(removed, added, partNames));
        }
        return out;
    }

    private static boolean paired(List<ExplanationLine> a, List<ExplanationLine> b, int[][] common, int i, int j) {
        return i < a.size() && j < b.size() && key(a.get(i)).equals(key(b.get(j)))
                && common[i][j] == common[i + 1][j + 1] + 1;
    }

    /** A stretch with no common line: lines of one part on both sides pair up in order, the rest stand alone. */
    private static List<LineChange> stretch(List<ExplanationLine> removed, List<ExplanationLine> added,
                                            Map<String, String> partNames) {
        List<LineChange> out = new ArrayList<>();
        boolean[] used = new boolean[added.size()];
        for (ExplanationLine r : removed) {
            int match = -1;
            for (int k = 0; k < added.size() && match < 0; k++) {
                if (!used[k] && added.get(k).part().equals(r.part())) {
                    match = k;
                }
            }
            if (match >= 0) {
                used[match] = true;
                out.add(pair(r, added.get(match), partNames));
            } else {
                out.add(new LineChange(Change.REMOVED, r.part(), name(r.part(), partNames), r, null));
            }
        }
        for (int k = 0; k < added.size(); k++) {
            if (!used[k]) {
                ExplanationLine a = added.get(k);
                out.add(new LineChange(Change.ADDED, a.part(), name(a.part(), partNames), null, a));
            }
        }
        return out;
    }

    private static LineChange pair(ExplanationLine published, ExplanationLine draft, Map<String, String> partNames) {
        boolean same = published.points().compareTo(draft.points()) == 0 && ReasonText.same(published.reason(), draft.reason())
                && published.part().equals(draft.part());
        return new LineChange(same ? Change.SAME : Change.CHANGED, draft.part(), name(draft.part(), partNames),
                published, draft);
    }

    /** What a line is about: its part and its source rows (the rule's row number may differ between the books). */
    private static String key(ExplanationLine line) {
        return line.part() + "|" + String.join(",", line.evidence().stream().map(SourceRef::toString).toList());
    }

    private static String name(String part, Map<String, String> partNames) {
        return Objects.requireNonNullElse(partNames.get(part), part);
    }
}
