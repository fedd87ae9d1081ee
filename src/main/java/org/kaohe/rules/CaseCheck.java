package org.kaohe.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
            String who = result.subjectType().label() + " " + result.subjectId();
            BigDecimal score = expected.get(row, "score", "得分").isEmpty() ? null
                    : expected.decimal(row, "score", "得分", failures);
            if (score != null && score.compareTo(result.score()) != 0) {
                failures.add(expected.problem(row, "得分", who + " 的得分应为 " + score.toPlainString() + ",实际为 "
                        + result.score().toPlainString() + " / expected score " + score.toPlainString() + ", got "
                        + result.score().toPlainString()));
            }
            String grade = expected.get(row, "grade", "等次");
            if (!grade.isEmpty()) {
                var named = outcome.scale(result.subjectType()).find(grade);
                if (named.isEmpty() || !named.get().name().equals(result.finalGrade().name())) {
                    failures.add(expected.problem(row, "等次", who + " 的等次应为 " + grade + ",实际为 "
                            + result.finalGrade().label() + " / expected grade " + grade + ", got " + result.finalGrade().label()));
                }
            }
            String rank = expected.get(row, "rank", "排名");
            if (!rank.isEmpty() && !rank.equals(Integer.toString(result.rank()))) {
                failures.add(expected.problem(row, "排名", who + " 的排名应为 " + rank + ",实际为 " + result.rank()
                        + " / expected rank " + rank + ", got " + result.rank()));
            }
            String vetoed = expected.get(row, "vetoed", "一票否决");
            if (!vetoed.isEmpty() && isYes(vetoed) != result.vetoed()) {
                failures.add(expected.problem(row, "一票否决", who + (result.vetoed() ? " 被一票否决,用例预期没有"
                        : " 没有被一票否决,用例预期有") + " / veto differs"));
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
                    failures.add(expected.problem(row, "部分", "部分「" + part + "」不在用例检查的部分(" + String.join("/", spec.parts())
                            + ")中:在 case.csv 中加上它,或删去此行 / not among the parts the case checks"));
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
                failures.add(expected.problem(row, "分值", result.subjectId() + " 没有 " + part + " 部分 "
                        + (points == null ? "" : points.toPlainString()) + " 分" + (words.isEmpty() ? "" : "「" + words + "」")
                        + "的得分行;实有:" + describe(actual) + " / no such line"));
            } else {
                actual.remove(match);
            }
        }
        if (!actual.isEmpty()) {
            failures.add(expected.problem(first, "部分", result.subjectId() + " 的 " + part + " 部分多出得分行:"
                    + describe(actual) + " / unexpected lines"));
        }
    }

    /** A focused case lists every line of its parts: a subject with lines there that it does not list is a difference. */
    private void unlisted(Map<String, List<CaseTable.Row>> groups) {
        for (SubjectResult result : results.values()) {
            for (String part : spec.parts()) {
                List<ExplanationLine> actual = linesOf(result, part);
                if (!actual.isEmpty() && !groups.containsKey(result.subjectType() + "|" + result.subjectId() + "|" + part)) {
                    failures.add(new RuleProblem(spec.file(), spec.partsLine(), "内容", result.subjectType().label() + " "
                            + result.subjectId() + " 的 " + part + " 部分有用例未列出的得分行:" + describe(actual)
                            + " / lines expected-lines.csv does not list"));
                }
            }
        }
    }

    static List<ExplanationLine> linesOf(SubjectResult result, String part) {
        return result.lines().stream().filter(l -> l.part().equals(part)).toList();
    }

    private static String describe(List<ExplanationLine> lines) {
        return lines.isEmpty() ? "无" : String.join(";", lines.stream()
                .map(l -> l.points().toPlainString() + " " + ReasonText.chinese(l.reason())).toList());
    }

    private SubjectResult subject(CaseTable table, CaseTable.Row row) {
        SubjectResult result = results.get(table.subjectKey(row));
        if (result == null) {
            failures.add(table.problem(row, "对象编号", "用例结果中没有对象「" + table.get(row, "subject_type", "对象类型") + " "
                    + table.get(row, "subject_id", "对象编号") + "」/ no such subject in the case's results"));
        }
        return result;
    }
}
