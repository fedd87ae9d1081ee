package org.kaohe.reference;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kaohe.records.Appraisal;
import org.kaohe.records.Event;
import org.kaohe.records.Organization;
import org.kaohe.records.SubjectType;
import org.kaohe.records.Target;
import org.kaohe.rules.book.AppraisalEffect;
import org.kaohe.rules.book.GateEffect;
import org.kaohe.rules.book.GateRow;
import org.kaohe.rules.book.ItemSource;
import org.kaohe.rules.book.Method;
import org.kaohe.rules.book.ParticipationRow;
import org.kaohe.rules.book.PartRow;
import org.kaohe.rules.book.SettingName;

/**
 * The reference's scoring of one subject from its own records, written from docs/scheme.md and
 * rules/README.md: each part of its view by its method, the items priced by the bonus and
 * deduction tables, each part's limit, the clamp, the band and the gates.
 */
final class SubjectScoring {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** One item of a subject: a kind, a level, units, and the name its line gets. */
    private record Item(String kind, String level, int units, String name) {}

    /** A gate that applies: its effect and grade, and whether it vetoes. */
    private record Gate(GateEffect effect, String grade, boolean veto) {}

    private SubjectScoring() {}

    /** Scores the subject; {@code cadres} are a department's scored cadres (for its cadres' mean). */
    static void score(ReferenceSubject s, List<Object> own, List<ReferenceSubject> cadres) {
        List<Target> targets = of(own, Target.class);
        Appraisal appraisal = of(own, Appraisal.class).stream().findFirst().orElse(null);
        List<ParticipationRow> low = s.type == SubjectType.CADRE ? lowParticipation(s.view, appraisal) : List.of();
        for (PartRow part : s.view.parts(s.type)) {
            switch (part.method()) {
                case TARGETS -> targets(s, part, targets.stream().filter(t -> part.covers(t.project())).toList());
                case APPRAISAL -> appraisal(s, part, appraisal, low);
                case LEADER_RATING -> leader(s, part, appraisal);
                case BASE_MINUS -> s.add(part.code(), "base", part.max());
                case CADRE_MEAN -> cadreMean(s, part, cadres);
                case BONUS, DEDUCTION -> { }
            }
        }
        List<Item> items = items(s, own, targets);
        for (Item item : items) {
            for (ReferenceBook.Priced priced : s.view.prices(s.type, item.kind(), item.level())) {
                if (priced.part() != null) {
                    BigDecimal points = priced.row().points().multiply(BigDecimal.valueOf(item.units()));
                    s.add(priced.part().code(), item.name(), priced.row().deduction() ? points.negate() : points);
                }
            }
        }
        limits(s);
        clamp(s);
        grade(s, items, low);
    }

    private static void targets(ReferenceSubject s, PartRow part, List<Target> targets) {
        if (targets.isEmpty()) {
            s.add(part.code(), "no targets", BigDecimal.ZERO);
            return;
        }
        BigDecimal weights = targets.stream().map(Target::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        for (Target t : targets) {
            // max × w / Σw × min(actual / planned, 1) [× LATE_FACTOR]: one fraction, divided once
            boolean reached = t.actual().compareTo(t.planned()) >= 0;
            BigDecimal numerator = part.max().multiply(t.weight()).multiply(reached ? BigDecimal.ONE : t.actual());
            BigDecimal denominator = weights.multiply(reached ? BigDecimal.ONE : t.planned());
            if (t.late()) {
                numerator = numerator.multiply(s.view.setting(SettingName.LATE_FACTOR));
            }
            s.add(part.code(), t.late() ? "target done late" : "target", ReferenceScorer.line(numerator, denominator));
        }
    }

    /** The participation rows a cadre's votes fall short of (no appraisal row: 0 votes). */
    private static List<ParticipationRow> lowParticipation(ReferenceBook view, Appraisal appraisal) {
        int votes = appraisal == null ? 0 : appraisal.totalVotes();
        return view.participation().stream().filter(r -> votes < r.minVotes()).toList();
    }

    private static void appraisal(ReferenceSubject s, PartRow part, Appraisal a, List<ParticipationRow> low) {
        if (low.stream().anyMatch(r -> r.appraisal() == AppraisalEffect.ZERO)) {
            s.add(part.code(), "too few votes", BigDecimal.ZERO);
        } else if (a == null || a.totalVotes() == 0) {
            s.add(part.code(), "no votes", BigDecimal.ZERO);
        } else {
            ReferenceBook v = s.view;
            BigDecimal weighted = v.setting(SettingName.VOTE_WEIGHT_GOOD).multiply(BigDecimal.valueOf(a.votesGood()))
                    .add(v.setting(SettingName.VOTE_WEIGHT_FAIR).multiply(BigDecimal.valueOf(a.votesFair())))
                    .add(v.setting(SettingName.VOTE_WEIGHT_AVERAGE).multiply(BigDecimal.valueOf(a.votesAverage())))
                    .add(v.setting(SettingName.VOTE_WEIGHT_POOR).multiply(BigDecimal.valueOf(a.votesPoor())));
            s.add(part.code(), "appraisal", ReferenceScorer.line(part.max().multiply(weighted),
                    v.setting(SettingName.VOTE_SCALE).multiply(BigDecimal.valueOf(a.totalVotes()))));
        }
    }

    private static void leader(ReferenceSubject s, PartRow part, Appraisal a) {
        if (a == null || a.leaderScore() == null) {
            s.add(part.code(), "no leader score", BigDecimal.ZERO);
        } else {
            s.add(part.code(), "leader score", ReferenceScorer.line(part.max().multiply(a.leaderScore()), HUNDRED));
        }
    }

    /** max × Σ final cadre scores / (CADRE_SCORE_SCALE × n), rounded once. */
    private static void cadreMean(ReferenceSubject s, PartRow part, List<ReferenceSubject> cadres) {
        if (cadres.isEmpty()) {
            s.add(part.code(), "no cadres", BigDecimal.ZERO);
            return;
        }
        BigDecimal total = cadres.stream().map(ReferenceSubject::score).reduce(BigDecimal.ZERO, BigDecimal::add);
        s.add(part.code(), "cadre mean", ReferenceScorer.line(part.max().multiply(total),
                s.view.setting(SettingName.CADRE_SCORE_SCALE).multiply(BigDecimal.valueOf(cadres.size()))));
    }

    /** Events of a kind of kinds.csv; an organization's shortfalls; key work done past the ratio. */
    private static List<Item> items(ReferenceSubject s, List<Object> own, List<Target> targets) {
        ReferenceBook v = s.view;
        List<Item> items = new ArrayList<>();
        for (Event e : of(own, Event.class)) {
            if (v.knows(e.kind(), ItemSource.EVENT)) {
                items.add(new Item(e.kind(), e.level(), e.count(), e.kind()));
            }
        }
        for (Organization o : of(own, Organization.class)) {
            derived(items, v, o.members() == 0, "NO_MEMBERS", "no members");
            derived(items, v, o.activities() == 0, "NO_ACTIVITIES", "no activities");
            derived(items, v, BigDecimal.valueOf(o.secretaryAge()).compareTo(v.setting(SettingName.SECRETARY_AGE_LIMIT)) > 0,
                    "OVER_AGE_SECRETARY", "over-age league secretary");
        }
        BigDecimal ratio = v.setting(SettingName.KEY_WORK_RATIO);
        for (Target t : targets) {
            if (t.keyWork() && t.actual().compareTo(ratio.multiply(t.planned())) >= 0
                    && v.knows("KEY_WORK_OVERFULFILLED", ItemSource.TARGET)) {
                items.add(new Item("KEY_WORK_OVERFULFILLED", null, 1, "key work over-fulfilled"));
            }
        }
        return items;
    }

    private static void derived(List<Item> items, ReferenceBook v, boolean holds, String kind, String name) {
        if (holds && v.knows(kind, ItemSource.ORGANIZATION)) {
            items.add(new Item(kind, null, 1, name));
        }
    }

    /** A bonus part above its maximum, a capped deduction part below −maximum, a base-minus part below 0. */
    private static void limits(ReferenceSubject s) {
        for (PartRow part : s.view.parts(s.type)) {
            BigDecimal sum = s.sum(part.code());
            if (part.method() == Method.BONUS && sum.compareTo(part.max()) > 0) {
                s.add(part.code(), "bonus cap", part.max().subtract(sum));
            } else if (part.method() == Method.DEDUCTION && part.max() != null
                    && sum.compareTo(part.max().negate()) < 0) {
                s.add(part.code(), "deduction cap", part.max().negate().subtract(sum));
            } else if (part.method() == Method.BASE_MINUS && sum.signum() < 0) {
                s.add(part.code(), "floor", sum.negate());
            }
        }
    }

    private static void clamp(ReferenceSubject s) {
        BigDecimal min = s.view.setting(SettingName.SCORE_MIN);
        BigDecimal max = s.view.setting(SettingName.SCORE_MAX);
        BigDecimal raw = s.score();
        if (raw.compareTo(min) < 0) {
            s.add(ReferenceSubject.CLAMP, "clamp to " + min.stripTrailingZeros().toPlainString(), min.subtract(raw));
        } else if (raw.compareTo(max) > 0) {
            s.add(ReferenceSubject.CLAMP, "clamp to " + max.stripTrailingZeros().toPlainString(), max.subtract(raw));
        }
    }

    /** The band, then every gate whose range holds the subject's units of its kind, and the participation rows' effects. */
    private static void grade(ReferenceSubject s, List<Item> items, List<ParticipationRow> low) {
        ReferenceGrades grades = s.grades();
        s.band = grades.band(s.score());
        Map<String, Integer> units = new LinkedHashMap<>();
        items.forEach(i -> units.merge(i.kind(), i.units(), Integer::sum));
        List<Gate> gates = new ArrayList<>();
        for (GateRow row : s.view.gates(s.type)) {
            Integer n = units.get(row.kind());
            if (n != null && n >= row.minUnits() && (row.maxUnits() == null || n <= row.maxUnits())) {
                gates.add(new Gate(row.effect(), row.grade(), row.veto()));
            }
        }
        low.stream().filter(r -> r.effect() != null).forEach(r -> gates.add(new Gate(r.effect(), r.grade(), false)));
        String gated = s.band;
        for (Gate gate : gates) {
            // every gate only lowers: SET and CAP to its grade, NO_TOP to the second grade
            gated = grades.atMost(gated, gate.effect() == GateEffect.NO_TOP ? grades.below(grades.top()) : gate.grade());
            s.vetoed |= gate.veto();
        }
        s.gated = gated;
    }

    private static <T> List<T> of(List<Object> facts, Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
