package org.kaohe.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.kaohe.errors.Label;
import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.kaohe.scoring.EvaluationOutcome;

import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.ReasonText;
import org.kaohe.scoring.SubjectResult;

/**
 * Compares a scenario case's expected files with what a rulebook gave its records: in
 * {@code expected.csv} every cell that is filled in (score, grade, rank, veto; an empty cell is
 * not checked); in {@code expected-lines.csv} the lines of each subject and part it lists, all of
 * them, each by its points (an empty cell: any points) and words of its reason. A case that names its parts ({@link CaseSpec#parts()}) checks every line of those parts, of
 * every subject, and no other part. Each difference is a problem at the expected row.
 */
final class CaseCheck {

    private final CaseSpec spec;
    private final EvaluationOutcome outcome;
    private final Map<String, SubjectResult> results;
    private final List<RuleProblem> failures;

    CaseCheck(CaseSpec spec, EvaluationOutcome outcome, List<RuleProblem> failures) {
        this.spec = spec;
        this.outcome = outcome;
        this.results = byKey(outcome);
        this.failures = failures;
    }

    /** The outcome's subjects by {@code CADRE|C1}. */
    static Map<String, SubjectResult> byKey(EvaluationOutcome outcome) {
        Map<String, SubjectResult> results = new LinkedHashMap<>();
        outcome.subjects().forEach(s -> results.put(s.subjectType() + "|" + s.subjectId(), s));
        return results;
    }

    void results(CaseTable expected) {
        for (CaseTable.Row row : expected.rows) {
            SubjectResult result = subject(expected, row);
            if (result == null) {
                continue;
            }
            Label type = result.subjectType().named();
            String id = result.subjectId();
            BigDecimal score = expected.get(row, "score", "得分").isEmpty() ? null
                    : expected.decimal(row, "score", "得分", failures);
            if (score != null && score.compareTo(result.score()) != 0) {
                failures.add(expected.problem(row, "得分", Message.of("rules.case.score", type, id, score.toPlainString(),
                        result.score().toPlainString())));
            }
            String grade = expected.get(row, "grade", "等次");
            if (!grade.isEmpty()) {
                var named = outcome.scale(result.subjectType()).find(grade);
                if (named.isEmpty() || !named.get().name().equals(result.finalGrade().name())) {
                    failures.add(expected.problem(row, "等次", Message.of("rules.case.grade", type, id, grade,
                            result.finalGrade().label())));
                }
            }
            String rank = expected.get(row, "rank", "排名");
            if (!rank.isEmpty() && !rank.equals(Integer.toString(result.rank()))) {
                failures.add(expected.problem(row, "排名", Message.of("rules.case.rank", type, id, rank,
                        Integer.toString(result.rank()))));
            }
            String vetoed = expected.get(row, "vetoed", "一票否决");
            if (!vetoed.isEmpty() && isYes(vetoed) != result.vetoed()) {
                failures.add(expected.problem(row, "一票否决", result.vetoed() ? Message.of("rules.case.vetoed", type, id)
                        : Message.of("rules.case.notVetoed", type, id)));

            }
        }
    }

    static boolean isYes(String cell) {
        return "是".equals(cell) || "true".equalsIgnoreCase(cell) || "Y".equalsIgnoreCase(cell);
    }

    /** expected-lines.csv, possibly absent (null): all of it, or for a case with parts, all of those parts. */
    void lines(CaseTable expected) {
        Map<String, List<CaseTable.Row>> groups = new LinkedHashMap<>();
        if (expected != null) {
            for (CaseTable.Row row : expected.rows) {
                String part = expected.get(row, "part", "部分");
                if (spec.focused() && !spec.parts().contains(part)) {
                    failures.add(expected.problem(row, "部分", Message.of("rules.case.partNotChecked", part,
                            String.join("/", spec.parts()))));
                    continue;
                }
                groups.computeIfAbsent(expected.subjectKey(row) + "|" + part, k -> new ArrayList<>()).add(row);
            }
            groups.values().forEach(group -> group(expected, group));
        }
        if (spec.focused()) {
            unlisted(groups);
        }
    }

    private void group(CaseTable expected, List<CaseTable.Row> rows) {
        CaseTable.Row first = rows.get(0);
        SubjectResult result = subject(expected, first);
        if (result == null) {
            return;
        }
        String part = expected.get(first, "part", "部分");
        List<ExplanationLine> actual = new ArrayList<>(linesOf(result, part));
        for (CaseTable.Row row : rows) {
            boolean anyPoints = expected.get(row, "points", "分值").isEmpty();
            BigDecimal points = anyPoints ? null : expected.decimal(row, "points", "分值", failures);
            String words = expected.get(row, "reason", "原因");
            ExplanationLine match = actual.stream().filter(l -> (anyPoints || points != null && l.points().compareTo(points) == 0)
                    && ReasonText.chinese(l.reason()).contains(words)).findFirst().orElse(null);
            if (match == null) {
                failures.add(expected.problem(row, "分值", Message.of("rules.case.noSuchLine", result.subjectId(), part,
                        points == null ? "" : points.toPlainString(), words.isEmpty() ? "" : "「" + words + "」",
                        described(actual))));
            } else {
                actual.remove(match);
            }
        }
        if (!actual.isEmpty()) {
            failures.add(expected.problem(first, "部分", Message.of("rules.case.extraLines", result.subjectId(), part,
                    described(actual))));
        }
    }

    /** A focused case lists every line of its parts: a subject with lines there that it does not list is a difference. */
    private void unlisted(Map<String, List<CaseTable.Row>> groups) {
        for (SubjectResult result : results.values()) {
            for (String part : spec.parts()) {
                List<ExplanationLine> actual = linesOf(result, part);
                if (!actual.isEmpty() && !groups.containsKey(result.subjectType() + "|" + result.subjectId() + "|" + part)) {
                    failures.add(new RuleProblem(spec.file(), spec.partsLine(), "内容", Message.of("rules.case.unlisted",
                            result.subjectType().named(), result.subjectId(), part, described(actual))));
                }
            }
        }
    }

    static List<ExplanationLine> linesOf(SubjectResult result, String part) {
        return result.lines().stream().filter(l -> l.part().equals(part)).toList();
    }

    /** The lines as a message lists them, in each language; worded now, while they are the lines found. */
    private static Label described(List<ExplanationLine> lines) {
        return new Label(describe(lines, Locale.SIMPLIFIED_CHINESE), describe(lines, Locale.ENGLISH));
    }

    /** The lines as points and reason in the reader's language ("none" in it for no line). */
    private static String describe(List<ExplanationLine> lines, Locale locale) {
        return lines.isEmpty() ? MessageText.of(Message.of("rules.case.noLines"), locale) : String.join("; ", lines.stream()
                .map(l -> l.points().toPlainString() + " " + ReasonText.of(l.reason(), locale)).toList());
    }

    private SubjectResult subject(CaseTable table, CaseTable.Row row) {
        SubjectResult result = results.get(table.subjectKey(row));
        if (result == null) {
            failures.add(table.problem(row, "对象编号", Message.of("rules.case.noSubject",
                    table.get(row, "subject_type", "对象类型"), table.get(row, "subject_id", "对象编号"))));
        }
        return result;
    }
}
