package org.kaohe.annual;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

import org.kaohe.records.AnnualAppraisal;
import org.kaohe.records.SubjectType;
import org.kaohe.rules.book.AnnualGateRow;
import org.kaohe.rules.book.AnnualRules;
import org.kaohe.rules.book.AnnualSettingName;
import org.kaohe.rules.book.GradeRules;
import org.kaohe.rules.book.QuotaScope;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.Grade;
import org.kaohe.scoring.GradeScale;
import org.kaohe.scoring.Reason;
import org.kaohe.scoring.SubjectResult;

/**
 * Computes a year from its four quarters and its year-end appraisal by the rulebook's annual
 * tables. Pure and exact: every line's points are the exact value rounded once, half up, to 2
 * decimals (a quotient is rounded only where its line is made), and a subject's score is the sum
 * of its lines. Plain Java over the tables: the steps are few and run once per subject.
 */
public final class AnnualEvaluation {

    static final int CENTS = 2;

    private final AnnualRules rules;
    private final int year;

    public AnnualEvaluation(AnnualRules rules, int year) {
        this.rules = rules;
        this.year = year;
    }

    /** Every cadre and department with a result in at least one of the four quarters (given in order Q1..Q4). */
    public List<SubjectResult> evaluate(List<QuarterInput> quarters, Map<String, AnnualAppraisal> appraisals) {
        List<AnnualSubject> cadres = new ArrayList<>();
        List<AnnualSubject> departments = new ArrayList<>();
        for (AnnualSubject s : AnnualSubject.of(quarters)) {
            if (s.type == SubjectType.CADRE) {
                cadreScore(s, appraisals.get(s.id));
                cadres.add(s);
            } else {
                departmentScore(s);
                departments.add(s);
            }
        }
        int minQuarters = rules.setting(AnnualSettingName.MIN_QUARTERS).intValueExact();
        for (AnnualSubject s : cadres) {
            s.graded = s.results.size() >= minQuarters;
            if (!s.graded) {
                s.lines.add(new ExplanationLine(rules.settingRef(AnnualSettingName.MIN_QUARTERS).toString(),
                        ExplanationLine.GRADE_PART, BigDecimal.ZERO, Reason.of("annual.notGraded",
                        Integer.toString(s.results.size()), Integer.toString(minQuarters)), List.of()));
            }
        }
        for (AnnualSubject s : cadres) {
            if (s.graded) {
                grade(s);
            } else {
                ungradedVetoes(s);
            }
        }
        for (AnnualSubject s : departments) {
            grade(s);
        }
        QuotaScope cadreScope = rules.quotaScope(SubjectType.CADRE);
        Map<String, List<AnnualSubject>> groups = new TreeMap<>();
        cadres.stream().filter(s -> s.graded).forEach(s -> groups.computeIfAbsent(
                cadreScope == QuotaScope.CITY ? "" : s.latest().deptId(), d -> new ArrayList<>()).add(s));
        groups.values().forEach(group -> quota(group, AnnualQuotas.scopeKey(SubjectType.CADRE, cadreScope)));
        quota(departments, AnnualQuotas.scopeKey(SubjectType.DEPARTMENT, QuotaScope.CITY));
        List<SubjectResult> results = new ArrayList<>();
        departments.forEach(s -> results.add(s.result(rules)));
        cadres.forEach(s -> results.add(s.result(rules)));
        return results;
    }

    /** The annual grade scales, per subject type. */
    public Map<SubjectType, GradeScale> scales() {
        Map<SubjectType, GradeScale> scales = new EnumMap<>(SubjectType.class);
        for (SubjectType type : SubjectType.values()) {
            scales.put(type, rules.grades(type).scale());
        }
        return scales;
    }

    // --- scores ------------------------------------------------------------------------------

    /** Q = weight × mean S over the quarters with a result; E from the year-end appraisal. */
    private void cadreScore(AnnualSubject s, AnnualAppraisal appraisal) {
        BigDecimal weight = rules.setting(AnnualSettingName.QUARTERLY_WEIGHT);
        BigDecimal q = weight.multiply(s.sumOfS()).divide(BigDecimal.valueOf(s.results.size()), CENTS, RoundingMode.HALF_UP);
        s.add("Q", new ExplanationLine(rules.settingRef(AnnualSettingName.QUARTERLY_WEIGHT).toString(), "Q", q,
                Reason.of("annual.quarterly", weight.toPlainString(), s.sumOfS().toPlainString(),
                        Integer.toString(s.results.size()), s.quarterList()), List.of()));
        BigDecimal max = rules.setting(AnnualSettingName.APPRAISAL_MAX);
        String rule = rules.settingRef(AnnualSettingName.APPRAISAL_MAX).toString();
        if (appraisal == null || appraisal.totalVotes() == 0) {
            s.add("E", new ExplanationLine(rule, "E", BigDecimal.ZERO.setScale(CENTS),
                    Reason.of(appraisal == null ? "annual.appraisal.missing" : "annual.appraisal.noVotes"),
                    appraisal == null ? List.of() : List.of(appraisal.source())));
            return;
        }
        BigDecimal points = rules.setting(AnnualSettingName.VOTE_WEIGHT_EXCELLENT).multiply(BigDecimal.valueOf(appraisal.excellent()))
                .add(rules.setting(AnnualSettingName.VOTE_WEIGHT_COMPETENT).multiply(BigDecimal.valueOf(appraisal.competent())))
                .add(rules.setting(AnnualSettingName.VOTE_WEIGHT_BASIC).multiply(BigDecimal.valueOf(appraisal.basic())))
                .add(rules.setting(AnnualSettingName.VOTE_WEIGHT_INCOMPETENT).multiply(BigDecimal.valueOf(appraisal.incompetent())));
        BigDecimal scale = rules.setting(AnnualSettingName.VOTE_SCALE).multiply(BigDecimal.valueOf(appraisal.totalVotes()));
        BigDecimal e = max.multiply(points).divide(scale, CENTS, RoundingMode.HALF_UP);
        s.add("E", new ExplanationLine(rule, "E", e, Reason.of("annual.appraisal", max.toPlainString(),
                points.toPlainString(), rules.setting(AnnualSettingName.VOTE_SCALE).toPlainString(),
                Long.toString(appraisal.totalVotes()), Integer.toString(appraisal.excellent()),
                Integer.toString(appraisal.competent()), Integer.toString(appraisal.basic()),
                Integer.toString(appraisal.incompetent())), List.of(appraisal.source())));
    }

    /** Y_d = mean of the department's quarterly scores over the quarters with a result. */
    private void departmentScore(AnnualSubject s) {
        BigDecimal y = s.sumOfS().divide(BigDecimal.valueOf(s.results.size()), CENTS, RoundingMode.HALF_UP);
        s.add("Q", new ExplanationLine("QUARTERLY_MEAN", "Q", y, Reason.of("annual.department", s.sumOfS().toPlainString(),
                Integer.toString(s.results.size()), s.quarterList()), List.of()));
    }

    // --- grades ------------------------------------------------------------------------------

    /** Band by score, then every gate whose number of quarters matches (gates only ever lower a grade). */
    private void grade(AnnualSubject s) {
        GradeRules grades = rules.grades(s.type);
        s.band = grades.band(s.score());
        s.gated = s.band;
        for (AnnualGateRow gate : rules.gates(s.type)) {
            List<Object> quarters = AnnualSubject.matchingQuarters(s, gate);
            if (quarters.isEmpty() || !gate.matches(quarters.size())) {
                continue;
            }
            Grade limit = grades.scale().find(gate.grade()).orElseThrow();
            if (gate.veto()) {
                s.vetoed = true;
            }
            Grade before = s.gated;
            s.gated = s.gated.atMost(limit);
            String effect = "annual.effect." + gate.effect().name().toLowerCase(java.util.Locale.ROOT);
            Reason outcome = before.equals(s.gated) ? Reason.of(effect + ".same", limit.label())
                    : Reason.of(effect, limit.label(), before.label(), s.gated.label());
            s.lines.add(gateLine(gate, quarters, outcome));
        }
        s.finalGrade = s.gated;
    }

    /**
     * A cadre not graded keeps 不定等次, but a veto in a quarter of the year is still a fact of the
     * year: the cadre is reported as vetoed, with the veto's line (other gates set no grade here).
     */
    private void ungradedVetoes(AnnualSubject s) {
        for (AnnualGateRow gate : rules.gates(s.type)) {
            List<Object> quarters = gate.veto() ? AnnualSubject.matchingQuarters(s, gate) : List.of();
            if (!quarters.isEmpty() && gate.matches(quarters.size())) {
                s.vetoed = true;
                s.lines.add(gateLine(gate, quarters, Reason.of("annual.effect.ungraded")));
            }
        }
    }

    private static ExplanationLine gateLine(AnnualGateRow gate, List<Object> quarters, Reason outcome) {
        Reason condition = gate.kind() != null ? Reason.of("annual.condition.kind", gate.kind())
                : gate.lowestQuarterGrade() ? Reason.of("annual.condition.lowest")
                : Reason.of("annual.condition.grade", gate.quarterGrade());
        return new ExplanationLine(gate.ref().toString(), ExplanationLine.GRADE_PART, BigDecimal.ZERO,
                Reason.of(gate.veto() ? "annual.gate.veto" : "annual.gate", condition,
                        Integer.toString(quarters.size()), quarterList(quarters), outcome), List.of());
    }

    /**
     * The quarters a gate counted, "; " between them: as text when each is text (items' quarters), else
     * as clauses ({@code annual.quarters}), so the quarterly grades they name read in the reader's language.
     */
    private static Object quarterList(List<Object> quarters) {
        if (quarters.stream().allMatch(String.class::isInstance)) {
            return String.join("; ", quarters.stream().map(String.class::cast).toList());
        }
        Object list = quarters.get(quarters.size() - 1);
        for (int i = quarters.size() - 2; i >= 0; i--) {
            list = Reason.of("annual.quarters", quarters.get(i), list);
        }
        return list;
    }

    /**
     * Ranks a group (Y desc, mean quarterly score desc, id asc) and holds each grade with a quota
     * to its number of places: a subject beyond them moves one grade down, with a line saying so.
     */
    private void quota(List<AnnualSubject> group, String scopeKey) {
        if (group.isEmpty()) {
            return;
        }
        group.sort(Comparator.comparing(AnnualSubject::score).reversed()
                .thenComparing((a, b) -> b.meanS().compareTo(a.meanS()))
                .thenComparing(s -> s.id));
        for (int i = 0; i < group.size(); i++) {
            group.get(i).rank = i + 1;
        }
        GradeRules grades = rules.grades(group.get(0).type);
        for (Grade grade : grades.scale().grades()) {
            OptionalInt places = grades.quota(grade, group.size());
            if (places.isEmpty()) {
                continue;
            }
            int taken = 0;
            for (AnnualSubject s : group) {
                if (!s.finalGrade.equals(grade)) {
                    continue;
                }
                if (++taken > places.getAsInt()) {
                    Grade lower = grades.scale().below(grade);
                    s.lines.add(new ExplanationLine(grades.row(grade).ref().toString(), ExplanationLine.GRADE_PART,
                            BigDecimal.ZERO, Reason.of("annual.quota", Reason.of(scopeKey), Integer.toString(group.size()),
                            grade.label(), Integer.toString(places.getAsInt()), Integer.toString(s.rank), lower.label()),
                            List.of()));
                    s.finalGrade = lower;
                }
            }
        }
    }
}
