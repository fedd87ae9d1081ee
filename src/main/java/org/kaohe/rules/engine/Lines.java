package org.kaohe.rules.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.kaohe.records.Appraisal;
import org.kaohe.records.SourceRef;
import org.kaohe.records.SubjectType;
import org.kaohe.records.Target;
import org.kaohe.rules.book.PartRow;
import org.kaohe.rules.book.PriceRow;
import org.kaohe.rules.book.Rulebook;
import org.kaohe.rules.book.SettingName;

/**
 * The explanation lines the rules insert, one method per kind of line: each computes its points
 * from the part's maximum, the settings and the records (the formulas of docs/scheme.md), words
 * its reason in Chinese and cites the table row that gave it.
 */
public final class Lines {

    private Lines() {}

    /** max × w / Σw × min(actual, planned) / planned, × the late factor when done late. */
    public static ScoreLine target(PartRow part, Target t, Object weightSum, Settings settings) {
        BigDecimal sumW = Points.decimal(weightSum);
        BigDecimal done = t.actual().min(t.planned());
        BigDecimal factor = t.late() ? settings.lateFactor() : BigDecimal.ONE;
        BigDecimal points = Points.quotient(part.max().multiply(t.weight()).multiply(done).multiply(factor),
                sumW.multiply(t.planned()));
        String late = t.late() ? ",逾期完成 ×" + Points.plain(factor) : "";
        String reason = "目标「" + t.title() + "」完成 " + Points.plain(t.actual()) + "/" + Points.plain(t.planned())
                + ",权重 " + Points.plain(t.weight()) + "/" + Points.plain(sumW) + late;
        return line(part, t.ownerType(), t.ownerId(), points, reason, List.of(t.source()));
    }

    public static ScoreLine noTargets(PartRow part, Subject s) {
        return line(part, s.type(), s.id(), BigDecimal.ZERO, "无目标任务," + part.name() + "得 0 分", List.of(s.source()));
    }

    /** max × (wg·good + wf·fair + wa·average + wp·poor) / (scale × total votes). */
    public static ScoreLine appraisal(PartRow part, Appraisal a, Settings s) {
        BigDecimal weighted = s.voteGood().multiply(BigDecimal.valueOf(a.votesGood()))
                .add(s.voteFair().multiply(BigDecimal.valueOf(a.votesFair())))
                .add(s.voteAverage().multiply(BigDecimal.valueOf(a.votesAverage())))
                .add(s.votePoor().multiply(BigDecimal.valueOf(a.votesPoor())));
        BigDecimal points = Points.quotient(part.max().multiply(weighted),
                s.voteScale().multiply(BigDecimal.valueOf(a.totalVotes())));
        String reason = part.name() + " 好" + a.votesGood() + "/较好" + a.votesFair() + "/一般" + a.votesAverage()
                + "/较差" + a.votesPoor() + " 票";
        return line(part, SubjectType.CADRE, a.cadreId(), points, reason, List.of(a.source()));
    }

    public static ScoreLine noVotes(PartRow part, Subject s) {
        return line(part, s.type(), s.id(), BigDecimal.ZERO, "无民主测评票," + part.name() + "得 0 分", List.of(s.source()));
    }

    /** A participation rule gives the appraisal part nothing for too few votes. */
    public static ScoreLine tooFewVotes(PartRow part, Subject s, LowParticipation low) {
        String reason = "测评票数 " + low.votes() + " 少于 " + low.minVotes() + " 票," + part.name() + "计 0 分";
        return new ScoreLine(s.type(), s.id(), low.rule(), part.code(), BigDecimal.ZERO, reason, low.evidence(), false);
    }

    /** max × leader_score / 100. */
    public static ScoreLine leader(PartRow part, Appraisal a) {
        BigDecimal points = Points.quotient(part.max().multiply(a.leaderScore()), BigDecimal.valueOf(100));
        String reason = part.name() + " " + Points.plain(a.leaderScore()) + " 分 × " + Points.plain(part.max()) + "/100";
        return line(part, SubjectType.CADRE, a.cadreId(), points, reason, List.of(a.source()));
    }

    public static ScoreLine noLeaderScore(PartRow part, Subject s) {
        return line(part, s.type(), s.id(), BigDecimal.ZERO, "无领导评价," + part.name() + "得 0 分", List.of(s.source()));
    }

    /** A part scored from its full marks down starts with a line of its maximum. */
    public static ScoreLine base(PartRow part, Subject s) {
        return line(part, s.type(), s.id(), part.max(), part.name() + "基础分 " + Points.signed(part.max()),
                List.of(s.source()));
    }

    /** One item priced by a bonus or deduction row: unit points × units, negative for a deduction. */
    public static ScoreLine item(PartRow part, PriceRow price, Item item, Rulebook book) {
        BigDecimal points = price.points().multiply(BigDecimal.valueOf(item.units()));
        if (price.deduction()) {
            points = points.negate();
        }
        String name = !price.label().isBlank() ? price.label()
                : book.levelName(item.level()) + book.kindName(item.kind());
        String units = item.recorded() ? " ×" + item.units() : "";
        String reason = item.prefix() + name + item.detail() + units + " "
                + Points.signed(points.setScale(2, RoundingMode.HALF_UP));
        return new ScoreLine(item.subjectType(), item.subjectId(), price.ref().toString(), part.code(), points, reason,
                item.evidence(), false);
    }

    /** A bonus part's sum above its maximum: points = max − sum (negative). */
    public static ScoreLine bonusCap(PartRow part, Subject s, Object sum) {
        BigDecimal total = Points.decimal(sum);
        BigDecimal points = part.max().subtract(total);
        String reason = part.name() + "合计 " + Points.plain(total) + " 超过上限 " + Points.plain(part.max()) + ",核减 "
                + Points.plain(points.negate());
        return limit(part, s, points, reason);
    }

    /** A deduction part capped at its maximum: points = −max − sum (positive). */
    public static ScoreLine deductionCap(PartRow part, Subject s, Object sum) {
        BigDecimal total = Points.decimal(sum);
        BigDecimal points = part.max().negate().subtract(total);
        String reason = part.name() + "合计 " + Points.plain(total.negate()) + " 超过上限 " + Points.plain(part.max())
                + ",按 " + Points.plain(part.max()) + " 扣";
        return limit(part, s, points, reason);
    }

    /** A part scored from its full marks down never goes below 0. */
    public static ScoreLine floor(PartRow part, Subject s, Object sum) {
        BigDecimal total = Points.decimal(sum);
        return limit(part, s, total.negate(), part.name() + "扣分超过基础分(合计 " + Points.plain(total) + "),按 0 计");
    }

    /** The total brought back into [SCORE_MIN, SCORE_MAX]. */
    public static ScoreLine clamp(Settings settings, Subject s, Object total) {
        BigDecimal sum = Points.decimal(total);
        boolean above = sum.compareTo(settings.scoreMax()) > 0;
        BigDecimal bound = above ? settings.scoreMax() : settings.scoreMin();
        String reason = "合计 " + Points.plain(sum) + (above ? " 超过最高分 " : " 低于最低分 ") + Points.plain(bound)
                + ",按 " + Points.plain(bound) + " 计";
        String rule = settings.rule(above ? SettingName.SCORE_MAX : SettingName.SCORE_MIN);
        return new ScoreLine(s.type(), s.id(), rule, "CLAMP", bound.subtract(sum), reason, List.of(), true);
    }

    /** max × (Σ S of the cadres) / (scale × n): the cadres' mean score on the part's scale. */
    public static ScoreLine cadreMean(PartRow part, Subject s, Object scoreSum, Object cadreCount, Settings settings,
                                      List<SourceRef> evidence) {
        BigDecimal sum = Points.decimal(scoreSum);
        BigDecimal n = Points.decimal(cadreCount);
        BigDecimal points = Points.quotient(part.max().multiply(sum), settings.cadreScoreScale().multiply(n));
        BigDecimal mean = sum.divide(n, 2, RoundingMode.HALF_UP);
        boolean exact = mean.multiply(n).compareTo(sum) == 0;
        String reason = part.name() + ":" + Points.plain(n) + " 名干部平均得分 " + Points.plain(mean) + (exact ? "" : "…")
                + ",×" + Points.plain(part.max()) + "/" + Points.plain(settings.cadreScoreScale());
        return line(part, s.type(), s.id(), points, reason, evidence);
    }

    public static ScoreLine noCadres(PartRow part, Subject s) {
        return line(part, s.type(), s.id(), BigDecimal.ZERO, "部门无干部," + part.name() + "得 0 分", List.of(s.source()));
    }

    private static ScoreLine line(PartRow part, SubjectType type, String id, BigDecimal points, String reason,
                                  List<SourceRef> evidence) {
        return new ScoreLine(type, id, part.rule(), part.code(), points, reason, evidence, false);
    }

    private static ScoreLine limit(PartRow part, Subject s, BigDecimal points, String reason) {
        return new ScoreLine(s.type(), s.id(), part.rule(), part.code(), points, reason, List.of(), true);
    }
}
