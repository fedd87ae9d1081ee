package org.kaohe.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kaohe.records.SubjectType;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.Grade;
import org.kaohe.scoring.SubjectResult;

/**
 * Gates, quota and rank of one ranking group (a department's cadres, or all departments of the
 * city): RULEBOOK §4.2–4.4 and §5 grade. The group is ordered by S descending, T descending,
 * id ascending; at most q = max(QUOTA_MIN, round_half_up(QUOTA_RATIO × n)) keep 好, and a 好
 * after the q-th becomes 较好. Gate, veto and quota lines carry 0 points in part GRADE.
 */
final class Grading {

    static final String QUOTA_RULE = "GRADE: quota of 好";

    private final BigDecimal quotaRatio;
    private final BigDecimal quotaMin;

    Grading(Map<String, BigDecimal> settings) {
        this.quotaRatio = settings.get("QUOTA_RATIO");
        this.quotaMin = settings.get("QUOTA_MIN");
    }

    /** How many 好 a group of n may have. */
    int quota(int n) {
        BigDecimal share = quotaRatio.multiply(BigDecimal.valueOf(n)).setScale(0, RoundingMode.HALF_UP);
        return share.max(quotaMin).intValueExact();
    }

    /** Results of one group in rank order. {@code scope} names the group in the quota line: 部门 or 全市. */
    List<SubjectResult> rank(List<ScoredSubject> group, String scope) {
        List<ScoredSubject> ordered = new ArrayList<>(group);
        ordered.sort(Comparator.comparing(ScoredSubject::score, Comparator.reverseOrder())
                .thenComparing(s -> s.part("T"), Comparator.reverseOrder())
                .thenComparing(s -> s.subject().id()));
        int q = quota(ordered.size());
        int goodSoFar = 0;
        List<SubjectResult> results = new ArrayList<>(ordered.size());
        for (int i = 0; i < ordered.size(); i++) {
            ScoredSubject s = ordered.get(i);
            int rank = i + 1;
            List<ExplanationLine> lines = new ArrayList<>();
            s.lines().forEach(l -> lines.add(new ExplanationLine(l.rule(), l.part(), l.points(), l.reason(), l.evidence())));
            Grade gated = s.band();
            boolean vetoed = false;
            for (GateHit gate : s.gates()) {
                gated = gated.atMost(gate.cap());
                vetoed |= gate.veto();
                lines.add(gradeLine(gate.rule(), gate.reason(), gate));
            }
            Grade finalGrade = gated;
            if (gated == Grade.GOOD && ++goodSoFar > q) {
                finalGrade = Grade.FAIR;
                String reason = "超出\"好\"等次比例(" + Points.plain(quotaRatio.movePointRight(2)) + "%," + ordered.size()
                        + " 名中至多 " + q + " 名),"
                        + scope + "排名第" + rank + ",调整为" + Grade.FAIR.label();
                lines.add(new ExplanationLine(QUOTA_RULE, "GRADE", BigDecimal.ZERO.setScale(2), reason, List.of()));
            }
            results.add(new SubjectResult(s.subject().type(), s.subject().id(), s.subject().name(),
                    s.subject().deptId(), s.score(), parts(s), s.band(), gated, finalGrade, rank, vetoed, lines));
        }
        return results;
    }

    private static ExplanationLine gradeLine(String rule, String reason, GateHit gate) {
        return new ExplanationLine(rule, "GRADE", BigDecimal.ZERO.setScale(2), reason, gate.evidence());
    }

    /** Every part of the subject's type (0.00 when it has no line) and any part a rule added; sums to S. */
    private static Map<String, BigDecimal> parts(ScoredSubject s) {
        Map<String, BigDecimal> parts = new LinkedHashMap<>();
        List<String> standard = s.subject().type() == SubjectType.CADRE
                ? List.of("T", "A", "L", "B", "D", "CLAMP")
                : List.of("T", "O", "C", "B", "D", "CLAMP");
        standard.forEach(p -> parts.put(p, BigDecimal.ZERO.setScale(2)));
        s.lines().forEach(l -> parts.merge(l.part(), l.points(), BigDecimal::add));
        return parts;
    }
}
