package org.kaohe.rules.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.kaohe.rules.book.BookView;
import org.kaohe.rules.book.GateEffect;
import org.kaohe.rules.book.GradeRow;
import org.kaohe.rules.book.GradeRules;
import org.kaohe.rules.book.PartRow;
import org.kaohe.rules.book.QuotaKind;
import org.kaohe.rules.book.Rulebook;
import org.kaohe.scoring.EnginePart;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.Grade;
import org.kaohe.scoring.GradeScale;
import org.kaohe.scoring.Reason;
import org.kaohe.scoring.SubjectResult;

/**
 * Band, gates, quota and rank of one ranking group (a department's cadres, or all departments of
 * the city), from grades.csv and the gates the session found. The group is ordered by score
 * descending, then the targets parts descending, then id; a subject whose grade is beyond its
 * quota moves one grade down (and further if that grade is full too). Gate, veto and quota lines
 * carry 0 points in part GRADE.
 */
final class Grading {

    private final Rulebook book;

    Grading(Rulebook book) {
        this.book = book;
    }

    /** The group a ranking runs over, as quota lines name it. */
    enum Scope {
        DEPARTMENT("dept"), CITY("city");

        final String key;

        Scope(String key) {
            this.key = key;
        }
    }

    /** Results of one group in rank order. */
    List<SubjectResult> rank(List<ScoredSubject> group, Scope scope) {
        if (group.isEmpty()) {
            return List.of();
        }
        GradeRules rules = book.grades(group.get(0).subject().type());
        GradeScale scale = rules.scale();
        List<ScoredSubject> ordered = new ArrayList<>(group);
        ordered.sort(Comparator.comparing(ScoredSubject::score, Comparator.reverseOrder())
                .thenComparing(ScoredSubject::targetsPoints, Comparator.reverseOrder())
                .thenComparing(s -> s.subject().id()));
        Map<Grade, Integer> taken = new HashMap<>();
        List<SubjectResult> results = new ArrayList<>(ordered.size());
        for (int i = 0; i < ordered.size(); i++) {
            ScoredSubject s = ordered.get(i);
            int rank = i + 1;
            List<ExplanationLine> lines = new ArrayList<>();
            s.lines().forEach(l -> lines.add(new ExplanationLine(l.rule(), l.part(), l.points(), l.reason(), l.evidence())));
            Grade band = rules.band(s.score());
            Grade gated = band;
            boolean vetoed = false;
            List<GateHit> gates = new ArrayList<>(s.gates());
            gates.sort(gateOrder(scale));
            for (GateHit gate : gates) {
                // A gate only ever lowers a grade: 定为 (SET) and 最高为 (CAP) differ in what the line says.
                if (gate.effect() == GateEffect.SET || gate.effect() == GateEffect.CAP) {
                    gated = gated.atMost(scale.find(gate.grade()).orElseThrow());
                } else if (gate.effect() == GateEffect.NO_TOP) {
                    gated = gated.atMost(scale.below(scale.top()));
                }
                vetoed |= gate.veto();
                lines.add(new ExplanationLine(gate.rule(), ExplanationLine.GRADE_PART, zero(), gateReason(gate, scale), gate.evidence()));
            }
            Grade finalGrade = gated;
            OptionalInt quota = rules.quota(finalGrade, ordered.size());
            while (quota.isPresent() && taken.getOrDefault(finalGrade, 0) >= quota.getAsInt()) {
                Grade lower = scale.below(finalGrade);
                lines.add(new ExplanationLine(rules.row(finalGrade).ref().toString(), ExplanationLine.GRADE_PART, zero(),
                        quotaReason(rules.row(finalGrade), ordered.size(), quota.getAsInt(), scope, rank, lower), List.of()));
                finalGrade = lower;
                quota = rules.quota(finalGrade, ordered.size());
            }
            taken.merge(finalGrade, 1, Integer::sum);
            results.add(new SubjectResult(s.subject().type(), s.subject().id(), s.subject().name(), s.subject().deptId(),
                    s.score(), parts(s), band, gated, finalGrade, rank, vetoed, lines));
        }
        return results;
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }

    /** Vetoes first, then the harshest effect, then by rule. */
    private static Comparator<GateHit> gateOrder(GradeScale scale) {
        return Comparator.comparing((GateHit g) -> !g.veto())
                .thenComparing((GateHit g) -> harshness(g, scale), Comparator.reverseOrder())
                .thenComparing(GateHit::rule);
    }

    private static int harshness(GateHit gate, GradeScale scale) {
        return gate.effect() == GateEffect.NO_TOP ? 1 : scale.find(gate.grade()).map(Grade::order).orElse(0);
    }

    /** The gate's line: {@code grade.gate.<trigger>.<effect>[.veto]}, quoting the trigger and the grade. */
    private static Reason gateReason(GateHit gate, GradeScale scale) {
        String effect = switch (gate.effect()) {
            case SET -> "set";
            case CAP -> "cap";
            case NO_TOP -> "noTop";
        };
        String grade = gate.effect() == GateEffect.NO_TOP ? scale.top().label()
                : scale.find(gate.grade()).orElseThrow().label();
        List<Object> args = new ArrayList<>(gate.triggerArgs());
        args.add(grade);
        return new Reason("grade.gate." + gate.trigger() + "." + effect + (gate.veto() ? ".veto" : ""), args);
    }

    /** The quota's line: {@code grade.quota.<share|count>.<scope>}. */
    private static Reason quotaReason(GradeRow row, int n, int quota, Scope scope, int rank, Grade lower) {
        List<Object> args = new ArrayList<>();
        args.add(row.name());
        if (row.quota() == QuotaKind.SHARE) {
            args.add(Points.plain(row.quotaValue().movePointRight(2)));
        }
        args.addAll(List.of(Integer.toString(n), Integer.toString(quota), Integer.toString(rank), lower.label()));
        String kind = row.quota() == QuotaKind.SHARE ? "share" : "count";
        return new Reason("grade.quota." + kind + "." + scope.key, args);
    }

    /** Every part of the subject's view (0.00 when it has no line) and the clamp; they sum to the score. */
    private Map<String, BigDecimal> parts(ScoredSubject s) {
        Map<String, BigDecimal> parts = new LinkedHashMap<>();
        BookView view = book.view(s.subject().deptType());
        for (PartRow part : view.parts(s.subject().type())) {
            parts.put(part.code(), zero());
        }
        parts.put(EnginePart.CLAMP.code(), zero());
        s.lines().forEach(l -> parts.merge(l.part(), l.points(), BigDecimal::add));
        return parts;
    }
}
