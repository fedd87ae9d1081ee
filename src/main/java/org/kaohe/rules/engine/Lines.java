package org.kaohe.rules.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.kaohe.records.Appraisal;
import org.kaohe.records.SourceRef;
import org.kaohe.records.SubjectType;
import org.kaohe.records.Target;
import org.kaohe.rules.book.PartRow;
import org.kaohe.rules.book.PriceRow;
import org.kaohe.rules.book.Rulebook;
import org.kaohe.rules.book.SettingName;
import org.kaohe.scoring.EnginePart;
import org.kaohe.scoring.Reason;

/**
 * The explanation lines the rules insert, one method per kind of line: each takes its points from
 * {@link Formulas}, states its reason as a {@link Reason} (a key of the reasons bundle and the
 * quantities it quotes, worded only when shown) and cites the table row that gave it.
 */
public final class Lines {

    private Lines() {}

    public static ScoreLine target(PartRow part, Target t, Object weightSum, Settings settings) {
        BigDecimal sumW = Points.decimal(weightSum);
        BigDecimal factor = t.late() ? settings.lateFactor() : BigDecimal.ONE;
        BigDecimal points = Formulas.target(part.max(), t.weight(), sumW, t.actual(), t.planned(), factor);
        List<Object> args = new ArrayList<>(List.of(t.title(), Points.plain(t.actual()), Points.plain(t.planned()),
                Points.plain(t.weight()), Points.plain(sumW)));
        if (t.late()) {
            args.add(Points.plain(factor));
        }
        Reason reason = new Reason(t.late() ? "line.target.late" : "line.target", args);
        return line(part, t.ownerType(), t.ownerId(), points, reason, List.of(t.source()));
    }

    public static ScoreLine noTargets(PartRow part, Subject s) {
        return zero(part, s, "line.noTargets");
    }

    public static ScoreLine appraisal(PartRow part, Appraisal a, Settings s) {
        BigDecimal weighted = Formulas.weightedVotes(s, a.votesGood(), a.votesFair(), a.votesAverage(), a.votesPoor());
        BigDecimal points = Formulas.appraisal(part.max(), weighted, s.voteScale(), a.totalVotes());
        Reason reason = Reason.of("line.appraisal", part.name(), Integer.toString(a.votesGood()),
                Integer.toString(a.votesFair()), Integer.toString(a.votesAverage()), Integer.toString(a.votesPoor()));
        return line(part, SubjectType.CADRE, a.cadreId(), points, reason, List.of(a.source()));
    }

    public static ScoreLine noVotes(PartRow part, Subject s) {
        return zero(part, s, "line.noVotes");
    }

    /** A participation rule gives the appraisal part nothing for too few votes. */
    public static ScoreLine tooFewVotes(PartRow part, Subject s, LowParticipation low) {
        Reason reason = Reason.of("line.tooFewVotes", Integer.toString(low.votes()), Integer.toString(low.minVotes()),
                part.name());
        return new ScoreLine(s.type(), s.id(), low.rule(), part.code(), BigDecimal.ZERO, reason, low.evidence(), false);
    }

    public static ScoreLine leader(PartRow part, Appraisal a) {
        BigDecimal points = Formulas.leader(part.max(), a.leaderScore());
        Reason reason = Reason.of("line.leader", part.name(), Points.plain(a.leaderScore()), Points.plain(part.max()));
        return line(part, SubjectType.CADRE, a.cadreId(), points, reason, List.of(a.source()));
    }

    public static ScoreLine noLeaderScore(PartRow part, Subject s) {
        return zero(part, s, "line.noLeaderScore");
    }

    /** A part scored from its full marks down starts with a line of its maximum. */
    public static ScoreLine base(PartRow part, Subject s) {
        return line(part, s.type(), s.id(), part.max(), Reason.of("line.base", part.name(), Points.signed(part.max())),
                List.of(s.source()));
    }

    /** One item priced by a bonus or deduction row: unit points × units, negative for a deduction. */
    public static ScoreLine item(PartRow part, PriceRow price, Item item, Rulebook book) {
        BigDecimal points = Formulas.item(price.points(), item.units(), price.deduction());
        String name = !price.label().isBlank() ? price.label()
                : book.levelName(item.level()) + book.kindName(item.kind());
        List<Object> args = new ArrayList<>();
        args.add(name);
        args.addAll(item.wordingArgs());
        args.add(Points.signed(points.setScale(2, RoundingMode.HALF_UP)));
        return new ScoreLine(item.subjectType(), item.subjectId(), price.ref().toString(), part.code(), points,
                new Reason("line.item." + item.wording(), args), item.evidence(), false);
    }

    /** A bonus part's sum above its maximum: points = max − sum (negative). */
    public static ScoreLine bonusCap(PartRow part, Subject s, Object sum) {
        BigDecimal total = Points.decimal(sum);
        BigDecimal points = Formulas.bonusCap(part.max(), total);
        return limit(part, s, points, Reason.of("line.bonusCap", part.name(), Points.plain(total),
                Points.plain(part.max()), Points.plain(points.negate())));
    }

    /** A deduction part capped at its maximum: points = −max − sum (positive). */
    public static ScoreLine deductionCap(PartRow part, Subject s, Object sum) {
        BigDecimal total = Points.decimal(sum);
        return limit(part, s, Formulas.deductionCap(part.max(), total), Reason.of("line.deductionCap", part.name(),
                Points.plain(total.negate()), Points.plain(part.max())));
    }

    /** A part scored from its full marks down never goes below 0. */
    public static ScoreLine floor(PartRow part, Subject s, Object sum) {
        BigDecimal total = Points.decimal(sum);
        return limit(part, s, Formulas.floor(total), Reason.of("line.floor", part.name(), Points.plain(total)));
    }

    /** The total brought back into [SCORE_MIN, SCORE_MAX]. */
    public static ScoreLine clamp(Settings settings, Subject s, Object total) {
        BigDecimal sum = Points.decimal(total);
        BigDecimal bound = Formulas.clampBound(sum, settings.scoreMin(), settings.scoreMax());
        boolean above = sum.compareTo(settings.scoreMax()) > 0;
        Reason reason = Reason.of(above ? "line.clamp.above" : "line.clamp.below", Points.plain(sum), Points.plain(bound));
        String rule = settings.rule(above ? SettingName.SCORE_MAX : SettingName.SCORE_MIN);
        return new ScoreLine(s.type(), s.id(), rule, EnginePart.CLAMP.code(), bound.subtract(sum), reason, List.of(), true);
    }

    public static ScoreLine cadreMean(PartRow part, Subject s, Object scoreSum, Object cadreCount, Settings settings,
                                      List<SourceRef> evidence) {
        BigDecimal sum = Points.decimal(scoreSum);
        BigDecimal n = Points.decimal(cadreCount);
        BigDecimal points = Formulas.cadreMean(part.max(), sum, n, settings.cadreScoreScale());
        BigDecimal mean = sum.divide(n, 2, RoundingMode.HALF_UP);
        boolean exact = mean.multiply(n).compareTo(sum) == 0;
        Reason reason = Reason.of(exact ? "line.cadreMean" : "line.cadreMean.approx", part.name(), Points.plain(n),
                Points.plain(mean), Points.plain(part.max()), Points.plain(settings.cadreScoreScale()));
        return line(part, s.type(), s.id(), points, reason, evidence);
    }

    public static ScoreLine noCadres(PartRow part, Subject s) {
        return zero(part, s, "line.noCadres");
    }

    /** A part that has nothing to score from: 0 points, citing the subject's own row. */
    private static ScoreLine zero(PartRow part, Subject s, String key) {
        return line(part, s.type(), s.id(), BigDecimal.ZERO, Reason.of(key, part.name()), List.of(s.source()));
    }

    private static ScoreLine line(PartRow part, SubjectType type, String id, BigDecimal points, Reason reason,
                                  List<SourceRef> evidence) {
        return new ScoreLine(type, id, part.rule(), part.code(), points, reason, evidence, false);
    }

    private static ScoreLine limit(PartRow part, Subject s, BigDecimal points, Reason reason) {
        return new ScoreLine(s.type(), s.id(), part.rule(), part.code(), points, reason, List.of(), true);
    }
}
