package org.kaohe.annual;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kaohe.records.SourceRef;
import org.kaohe.records.SubjectType;
import org.kaohe.rules.book.AnnualGateRow;
import org.kaohe.rules.book.AnnualRules;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.Grade;
import org.kaohe.scoring.GradeScale;
import org.kaohe.scoring.Reason;
import org.kaohe.scoring.SubjectResult;

/**
 * One cadre or department while {@link AnnualEvaluation} computes its year: its quarters' results,
 * its annual parts and lines, and its grades as they are decided.
 */
final class AnnualSubject {

    final SubjectType type;
    final String id;
    /** The subject's result in each quarter that has one, in quarter order. */
    final Map<QuarterInput, SubjectResult> results = new LinkedHashMap<>();
    final Map<String, BigDecimal> parts = new LinkedHashMap<>();
    final List<ExplanationLine> lines = new ArrayList<>();
    boolean graded = true;
    boolean vetoed;
    Grade band;
    Grade gated;
    Grade finalGrade;
    int rank;

    AnnualSubject(SubjectType type, String id) {
        this.type = type;
        this.id = id;
    }

    void add(String part, ExplanationLine line) {
        parts.merge(part, line.points(), BigDecimal::add);
        lines.add(line);
    }

    BigDecimal score() {
        return parts.values().stream().reduce(BigDecimal.ZERO.setScale(AnnualEvaluation.CENTS), BigDecimal::add);
    }

    BigDecimal sumOfS() {
        return results.values().stream().map(SubjectResult::score).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The mean quarterly score, exact enough to order ties: compared as sum × other count. */
    Mean meanS() {
        return new Mean(sumOfS(), results.size());
    }

    String quarterList() {
        List<String> cited = new ArrayList<>();
        for (Map.Entry<QuarterInput, SubjectResult> q : results.entrySet()) {
            cited.add(q.getKey().period() + " run #" + q.getKey().runId() + " S=" + q.getValue().score().toPlainString());
        }
        return String.join(",", cited);
    }

    SubjectResult latest() {
        SubjectResult last = null;
        for (SubjectResult r : results.values()) {
            last = r;
        }
        return last;
    }

    SubjectResult result(AnnualRules rules) {
        SubjectResult latest = latest();
        GradeScale scale = rules.grades(type).scale();
        Grade shownBand = band != null ? band : rules.grades(type).band(score());
        Grade shownFinal = graded ? finalGrade : AnnualGrades.ungraded(scale);
        return new SubjectResult(type, id, latest.name(), latest.deptId(), score(), parts, shownBand,
                graded ? gated : shownFinal, shownFinal, graded ? rank : 0, vetoed, lines);
    }

    /** The subjects with a result in any of the quarters, each with its quarters' results, by type then id. */
    static List<AnnualSubject> of(List<QuarterInput> quarters) {
        Map<String, AnnualSubject> subjects = new LinkedHashMap<>();
        for (QuarterInput quarter : quarters) {
            for (SubjectResult r : quarter.subjects()) {
                subjects.computeIfAbsent(QuarterInput.key(r.subjectType(), r.subjectId()), k -> new AnnualSubject(r.subjectType(),
                        r.subjectId())).results.put(quarter, r);
            }
        }
        List<AnnualSubject> ordered = new ArrayList<>(subjects.values());
        ordered.sort(Comparator.comparing((AnnualSubject s) -> s.type).thenComparing(s -> s.id));
        return ordered;
    }

    /** The quarters in which the gate's condition held for the subject, each cited (run, rows or grade). */
    static List<Object> matchingQuarters(AnnualSubject s, AnnualGateRow gate) {
        List<Object> quarters = new ArrayList<>();
        for (Map.Entry<QuarterInput, SubjectResult> q : s.results.entrySet()) {
            if (gate.kind() != null) {
                List<SourceRef> items = q.getKey().items(s.type, s.id, gate.kind());
                if (!items.isEmpty()) {
                    quarters.add(q.getKey().period() + " (run #" + q.getKey().runId() + ", events.csv:"
                            + String.join(",", items.stream().map(r -> Integer.toString(r.line())).toList()) + ")");
                }
            } else if (q.getValue().finalGrade().name().equals(quarterGradeCode(q.getKey(), s.type, gate))) {
                // A clause, not text: the grade's name reads in the reader's language (the rulebook's English name).
                quarters.add(Reason.of("annual.quarter.grade", q.getKey().period().toString(),
                        q.getValue().finalGrade().label(), Long.toString(q.getKey().runId())));
            }
        }
        return quarters;
    }

    /** The code of the quarterly grade a gate names, in the quarter's own scale (null when the run has no such grade). */
    private static String quarterGradeCode(QuarterInput quarter, SubjectType type, AnnualGateRow gate) {
        GradeScale scale = quarter.scales().getOrDefault(type, GradeScale.QUARTERLY);
        if (gate.lowestQuarterGrade()) {
            return scale.lowest().name();
        }
        return scale.find(gate.quarterGrade()).map(Grade::name).orElse(null);
    }

    /** An exact mean (sum ÷ count), ordered without dividing. */
    record Mean(BigDecimal sum, int count) implements Comparable<Mean> {
        @Override
        public int compareTo(Mean other) {
            return sum.multiply(BigDecimal.valueOf(other.count)).compareTo(other.sum.multiply(BigDecimal.valueOf(count)));
        }
    }
}
