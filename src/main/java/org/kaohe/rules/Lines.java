package org.kaohe.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.kaohe.records.Appraisal;
import org.kaohe.records.EventKinds;
import org.kaohe.records.Event;
import org.kaohe.records.SourceRef;
import org.kaohe.records.SubjectType;
import org.kaohe.records.Target;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The explanation lines the rules insert: each computes its points from the numbers the decision
 * tables give and words its reason in Chinese, naming the item. Called from the DRL right-hand
 * sides with {@code kcontext}, so every line carries the name of the rule that made it.
 */
public final class Lines {

    private Lines() {}

    /** 60 × w / Σw × min(actual/planned, 1), × the late factor when late (RULEBOOK §3 T, §5 T_d). */
    public static ScoreLine target(RuleContext rule, Target t, Object weightSum, BigDecimal max,
                                   BigDecimal lateFactor) {
        BigDecimal sumW = Points.decimal(weightSum);
        BigDecimal done = t.actual().min(t.planned());
        BigDecimal factor = lateFactor == null ? BigDecimal.ONE : lateFactor;
        BigDecimal numerator = max.multiply(t.weight()).multiply(done).multiply(factor);
        BigDecimal points = numerator.divide(sumW.multiply(t.planned()), Points.MC);
        String late = lateFactor == null ? "" : ",逾期完成 ×" + Points.plain(lateFactor);
        String reason = "目标「" + t.title() + "」完成 " + Points.plain(t.actual()) + "/" + Points.plain(t.planned())
                + ",权重 " + Points.plain(t.weight()) + "/" + Points.plain(sumW) + late;
        return line(rule, t.ownerType(), t.ownerId(), "T", points, reason, List.of(t.source()));
    }

    public static ScoreLine noTargets(RuleContext rule, Subject s) {
        return line(rule, s.type(), s.id(), "T", BigDecimal.ZERO, "无目标任务,目标任务得 0 分", List.of(s.source()));
    }

    /** A × (wg·good + wf·fair + wa·average + wp·poor) / (scale × total votes) (RULEBOOK §3 A). */
    public static ScoreLine appraisal(RuleContext rule, Appraisal a, BigDecimal max, BigDecimal good,
                                      BigDecimal fair, BigDecimal average, BigDecimal poor, BigDecimal scale) {
        BigDecimal weighted = good.multiply(BigDecimal.valueOf(a.votesGood()))
                .add(fair.multiply(BigDecimal.valueOf(a.votesFair())))
                .add(average.multiply(BigDecimal.valueOf(a.votesAverage())))
                .add(poor.multiply(BigDecimal.valueOf(a.votesPoor())));
        BigDecimal points = max.multiply(weighted)
                .divide(scale.multiply(BigDecimal.valueOf(a.totalVotes())), Points.MC);
        String reason = "民主测评 好" + a.votesGood() + "/较好" + a.votesFair() + "/一般" + a.votesAverage()
                + "/较差" + a.votesPoor() + " 票";
        return line(rule, SubjectType.CADRE, a.cadreId(), "A", points, reason, List.of(a.source()));
    }

    public static ScoreLine noVotes(RuleContext rule, Subject s, Appraisal a) {
        return line(rule, s.type(), s.id(), "A", BigDecimal.ZERO, "无民主测评票,民主测评得 0 分",
                List.of(a == null ? s.source() : a.source()));
    }

    /** factor × leader_score (RULEBOOK §3 L). */
    public static ScoreLine leader(RuleContext rule, Appraisal a, BigDecimal factor) {
        BigDecimal points = factor.multiply(a.leaderScore());
        String reason = "领导评价 " + Points.plain(a.leaderScore()) + " 分 ×" + Points.plain(factor);
        return line(rule, SubjectType.CADRE, a.cadreId(), "L", points, reason, List.of(a.source()));
    }

    public static ScoreLine noLeaderScore(RuleContext rule, Subject s, Appraisal a) {
        return line(rule, s.type(), s.id(), "L", BigDecimal.ZERO, "无领导评价,领导评价得 0 分",
                List.of(a == null ? s.source() : a.source()));
    }

    /**
     * One event record: unit points × count, positive in part B, negative in part D. The item is
     * named by the table row's label (its @itemLabel, the 名称 column) or else by its level and kind.
     */
    public static ScoreLine event(RuleContext rule, Event e, String part, BigDecimal unitPoints) {
        BigDecimal points = unitPoints.multiply(BigDecimal.valueOf(e.count()));
        if ("D".equals(part)) {
            points = points.negate();
        }
        Object label = rule.getRule().getMetaData().get("itemLabel");
        String item = label != null && !label.toString().isBlank() ? label.toString().trim()
                : EventKinds.levelLabel(e.level()) + EventKinds.kindLabel(e.kind());
        String note = e.note() == null || e.note().isBlank() ? "" : "「" + e.note().trim() + "」";
        String reason = item + note
                + " ×" + e.count() + " " + Points.signed(points.setScale(2, RoundingMode.HALF_UP));
        return line(rule, e.subjectType(), e.subjectId(), part, points, reason, List.of(e.source()));
    }

    /** A key-work target done to at least ratio × planned (超额完成重点工作). */
    public static ScoreLine keyWork(RuleContext rule, Target t, BigDecimal points, BigDecimal ratio) {
        String reason = "超额完成重点工作「" + t.title() + "」(完成 " + Points.plain(t.actual()) + "/计划 "
                + Points.plain(t.planned()) + " ≥ " + Points.plain(ratio) + " 倍) " + Points.signed(points);
        return line(rule, t.ownerType(), t.ownerId(), "B", points, reason, List.of(t.source()));
    }

    /** The bonus cap cutting a bonus sum above it: points = cap − sum (negative). */
    public static ScoreLine bonusCap(RuleContext rule, Subject s, Object bonusSum, BigDecimal cap) {
        BigDecimal sum = Points.decimal(bonusSum);
        BigDecimal points = cap.subtract(sum);
        String reason = "加分合计 " + Points.plain(sum) + " 超过上限 " + Points.plain(cap) + ",核减 "
                + Points.plain(points.negate());
        return line(rule, s.type(), s.id(), "B", points, reason, List.of());
    }

    /** The clamp of a total above the maximum (points negative) or below the minimum (positive). */
    public static ScoreLine clamp(RuleContext rule, Subject s, Object total, BigDecimal bound) {
        BigDecimal sum = Points.decimal(total);
        BigDecimal points = bound.subtract(sum);
        String reason = points.signum() < 0
                ? "合计 " + Points.plain(sum) + " 超过最高分 " + Points.plain(bound) + ",按 " + Points.plain(bound) + " 计"
                : "合计 " + Points.plain(sum) + " 低于最低分 " + Points.plain(bound) + ",按 " + Points.plain(bound) + " 计";
        return line(rule, s.type(), s.id(), "CLAMP", points, reason, List.of());
    }

    /** Organization building starts from its full marks (RULEBOOK §5 O). */
    public static ScoreLine organizationBase(RuleContext rule, Subject s, BigDecimal max) {
        return line(rule, s.type(), s.id(), "O", max, "组织建设基础分 " + Points.signed(max), List.of(s.source()));
    }

    public static ScoreLine organizationShortfall(RuleContext rule, OrgShortfall shortfall, BigDecimal points) {
        BigDecimal deduction = points.negate();
        String reason = "组织「" + shortfall.organization().orgId() + "」" + shortfall.label() + " "
                + Points.signed(deduction);
        return line(rule, SubjectType.DEPARTMENT, shortfall.organization().deptId(), "O", deduction, reason,
                List.of(shortfall.organization().source()));
    }

    /** Organization building never goes below 0: this line brings a negative sum back to 0. */
    public static ScoreLine organizationFloor(RuleContext rule, Subject s, Object organizationSum) {
        BigDecimal sum = Points.decimal(organizationSum);
        return line(rule, s.type(), s.id(), "O", sum.negate(),
                "组织建设扣分超过基础分(合计 " + Points.plain(sum) + "),按 0 计", List.of());
    }

    /** C = max × (Σ S of the cadres) / (scale × n): the mean cadre score on the part's scale. */
    public static ScoreLine cadrePerformance(RuleContext rule, Subject s, Object scoreSum, Object cadreCount,
                                             BigDecimal max, BigDecimal scale, List<SourceRef> evidence) {
        BigDecimal sum = Points.decimal(scoreSum);
        BigDecimal n = Points.decimal(cadreCount);
        BigDecimal points = max.multiply(sum).divide(scale.multiply(n), Points.MC);
        BigDecimal mean = sum.divide(n, Points.MC);
        String reason = "干部队伍:" + Points.plain(n) + " 名干部平均得分 "
                + Points.plain(mean.setScale(2, RoundingMode.HALF_UP)) + (mean.scale() > 2 ? "…" : "")
                + ",×" + Points.plain(max) + "/" + Points.plain(scale);
        return line(rule, s.type(), s.id(), "C", points, reason, evidence);
    }

    public static ScoreLine noCadres(RuleContext rule, Subject s) {
        return line(rule, s.type(), s.id(), "C", BigDecimal.ZERO, "部门无干部,干部队伍得 0 分", List.of(s.source()));
    }

    private static ScoreLine line(RuleContext rule, SubjectType type, String id, String part, BigDecimal points,
                                  String reason, List<SourceRef> evidence) {
        return new ScoreLine(type, id, rule.getRule().getName(), part, points, reason, evidence);
    }
}
