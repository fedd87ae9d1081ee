package org.kaohe.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kaohe.scoring.EvaluationOutcome;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.ReasonText;
import org.kaohe.scoring.SubjectResult;

/**
 * A scenario case's expectation files rewritten to a rulebook's results ({@link ScenarioCases#accept}):
 * the same header and rows, each value the case states replaced by what the rulebook gives, and
 * nothing it does not state added to {@code expected.csv}. A row whose values changed gets a
 * generated note marked to re-check ({@link CaseNotes}). A row naming a subject the case does not
 * score is kept as it is (the check still names it).
 */
final class CaseRewrite {

    static final String LINES_HEADER = "对象类型 subject_type,对象编号 subject_id,部分 part,分值 points,原因 reason";

    private final CaseSpec spec;
    private final EvaluationOutcome outcome;
    private final Map<String, SubjectResult> results;
    /** The subjects whose lines {@link #lines} changed: their notes are generated anew too. */
    private final Set<String> linesChanged = new java.util.HashSet<>();

    CaseRewrite(CaseSpec spec, EvaluationOutcome outcome) {
        this.spec = spec;
        this.outcome = outcome;
        this.results = CaseCheck.byKey(outcome);
    }

    /**
     * expected.csv, after {@link #lines}: each value a row states (score, grade, rank, veto); the note
     * of a row whose values or lines changed generated anew.
     */
    String expected(CaseTable table) {
        for (CaseTable.Row row : table.rows) {
            SubjectResult result = results.get(table.subjectKey(row));
            if (result == null) {
                continue;
            }
            boolean changed = linesChanged.contains(table.subjectKey(row));
            String score = table.get(row, "score", "得分");
            if (!score.isEmpty() && !sameNumber(score, result.score())) {
                table.set(row, "score", "得分", result.score().toPlainString());
                changed = true;
            }
            String grade = table.get(row, "grade", "等次");
            if (!grade.isEmpty() && !outcome.scale(result.subjectType()).find(grade)
                    .map(g -> g.name().equals(result.finalGrade().name())).orElse(false)) {
                table.set(row, "grade", "等次", result.finalGrade().label());
                changed = true;
            }
            String rank = table.get(row, "rank", "排名");
            if (!rank.isEmpty() && !rank.equals(Integer.toString(result.rank()))) {
                table.set(row, "rank", "排名", Integer.toString(result.rank()));
                changed = true;
            }
            String vetoed = table.get(row, "vetoed", "一票否决");
            if (!vetoed.isEmpty() && CaseCheck.isYes(vetoed) != result.vetoed()) {
                table.set(row, "vetoed", "一票否决", result.vetoed() ? "是" : "否");
                changed = true;
            }
            if (changed) {
                table.set(row, "note", "说明", CaseNotes.accepted(result, spec.parts(), !score.isEmpty(), !grade.isEmpty()));
            }
        }
        return table.write();
    }

    /**
     * expected-lines.csv (null: none yet): the lines of each listed subject and part as the rulebook
     * gives them, and for a case with parts, of every subject in those parts. An expected line whose
     * words are still in a line's reason keeps its words with the new points; a line nobody expected
     * is added with its whole reason; an expected line that matches nothing goes. Rows of a part the
     * case does not check stay as they are.
     */
    String lines(CaseTable table) {
        CaseTable lines = table != null ? table : CaseTable.empty(spec.file().replace(CaseSpec.FILE,
                ScenarioCases.EXPECTED_LINES), LINES_HEADER);
        Map<String, List<CaseTable.Row>> groups = new LinkedHashMap<>();
        List<CaseTable.Row> rewritten = new ArrayList<>();
        for (CaseTable.Row row : lines.rows) {
            String part = lines.get(row, "part", "部分");
            if (spec.focused() && !spec.parts().contains(part)) {
                rewritten.add(row);
            } else {
                groups.computeIfAbsent(lines.subjectKey(row) + "|" + part, k -> new ArrayList<>()).add(row);
            }
        }
        Set<String> keys = new LinkedHashSet<>(groups.keySet());
        if (spec.focused()) {
            for (SubjectResult result : results.values()) {
                spec.parts().forEach(part -> {
                    if (!CaseCheck.linesOf(result, part).isEmpty()) {
                        keys.add(result.subjectType() + "|" + result.subjectId() + "|" + part);
                    }
                });
            }
        }
        for (String key : keys) {
            List<CaseTable.Row> before = groups.getOrDefault(key, List.of());
            String was = text(lines, before);
            List<CaseTable.Row> after = group(lines, key, before);
            if (!was.equals(text(lines, after))) {
                linesChanged.add(key.substring(0, key.lastIndexOf('|')));
            }
            rewritten.addAll(after);
        }
        lines.rows.clear();
        lines.rows.addAll(rewritten);
        return lines.write();
    }

    private List<CaseTable.Row> group(CaseTable table, String key, List<CaseTable.Row> rows) {
        String[] parts = key.split("\\|", 3);
        SubjectResult result = results.get(parts[0] + "|" + parts[1]);
        if (result == null) {
            return rows;
        }
        List<ExplanationLine> actual = new ArrayList<>(CaseCheck.linesOf(result, parts[2]));
        List<CaseTable.Row> out = new ArrayList<>();
        for (CaseTable.Row row : rows) {
            String words = table.get(row, "reason", "原因");
            ExplanationLine match = actual.stream().filter(l -> ReasonText.chinese(l.reason()).contains(words))
                    .findFirst().orElse(null);
            if (match != null) {
                actual.remove(match);
                if (!table.get(row, "points", "分值").isEmpty()) { // an empty cell states no points: it stays so
                    table.set(row, "points", "分值", plain(match.points()));
                }
                out.add(row);
            }
        }
        for (ExplanationLine line : actual) {
            CaseTable.Row row = rows.isEmpty() ? blank(table, parts) : new CaseTable.Row(0, new ArrayList<>(rows.get(0).cells));
            table.set(row, "points", "分值", plain(line.points()));
            table.set(row, "reason", "原因", ReasonText.chinese(line.reason()));
            out.add(row);
        }
        return out;
    }

    /** Rows' points and reasons, to tell whether a group changed (read before it is rewritten in place). */
    private static String text(CaseTable table, List<CaseTable.Row> rows) {
        StringBuilder text = new StringBuilder();
        rows.forEach(r -> text.append(table.get(r, "points", "分值")).append(' ').append(table.get(r, "reason", "原因")).append('\n'));
        return text.toString();
    }

    private static CaseTable.Row blank(CaseTable table, String[] key) {
        List<String> cells = new ArrayList<>();
        table.header.forEach(h -> cells.add(""));
        CaseTable.Row row = new CaseTable.Row(0, cells);
        table.set(row, "subject_type", "对象类型", key[0]);
        table.set(row, "subject_id", "对象编号", key[1]);
        table.set(row, "part", "部分", key[2]);
        return row;
    }

    private static boolean sameNumber(String text, BigDecimal value) {
        try {
            return new BigDecimal(text).compareTo(value) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String plain(BigDecimal points) {
        return points.stripTrailingZeros().toPlainString();
    }
}
