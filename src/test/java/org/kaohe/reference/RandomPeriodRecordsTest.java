package org.kaohe.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.kaohe.records.Cadre;
import org.kaohe.records.Department;
import org.kaohe.records.Event;
import org.kaohe.records.EventKinds;
import org.kaohe.records.PeriodRecords;
import org.kaohe.records.SubjectType;
import org.kaohe.records.Target;

/**
 * The random generator makes valid, reproducible records that reach the rulebook's corners, and the
 * oracle's results keep the rulebook's invariants on every one of them.
 */
class RandomPeriodRecordsTest {

    private static final int SEEDS = 300;
    private static final List<String> GRADES = List.of("好", "较好", "一般", "较差");

    @Test
    void sameSeedSameRecordsOtherSeedOtherRecords() {
        assertThat(RandomPeriodRecords.generate(42)).isEqualTo(RandomPeriodRecords.generate(42));
        assertThat(RandomPeriodRecords.generate(42)).isNotEqualTo(RandomPeriodRecords.generate(43));
    }

    @Test
    void recordsAreValid() {
        for (long seed = 0; seed < SEEDS; seed++) {
            PeriodRecords r = RandomPeriodRecords.generate(seed);
            Set<String> depts = ids(r.departments(), Department::deptId);
            Set<String> cadres = ids(r.cadres(), Cadre::cadreId);
            assertThat(ids(r.targets(), Target::targetId)).hasSize(r.targets().size());
            assertThat(ids(r.events(), Event::eventId)).hasSize(r.events().size());
            assertThat(Collections.disjoint(depts, cadres)).isTrue();
            assertThat(r.cadres()).allMatch(c -> depts.contains(c.deptId()));
            assertThat(r.organizations()).allMatch(o -> depts.contains(o.deptId()) && o.members() >= 0
                    && o.activities() >= 0);
            assertThat(r.appraisals()).allMatch(a -> cadres.contains(a.cadreId()));
            assertThat(ids(r.appraisals(), a -> a.cadreId())).hasSize(r.appraisals().size());
            for (Target t : r.targets()) {
                assertThat(t.ownerType() == SubjectType.CADRE ? cadres : depts).contains(t.ownerId());
                assertThat(t.planned().signum()).isPositive();
                assertThat(t.weight().signum()).isPositive();
                assertThat(t.actual().signum()).isNotNegative();
                assertThat(r.period().contains(t.dueDate())).isTrue();
                assertThat(t.doneDate() == null || r.period().contains(t.doneDate())).isTrue();
            }
            for (Event e : r.events()) {
                assertThat(e.subjectType() == SubjectType.CADRE ? cadres : depts).contains(e.subjectId());
                assertThat(e.count()).isBetween(1, 5);
                assertThat(r.period().contains(e.date())).isTrue();
                EventKinds.find(e.kind()).filter(k -> !k.levels().isEmpty())
                        .ifPresent(k -> assertThat(k.levels()).contains(e.level()));
            }
        }
    }

    @Test
    void oracleKeepsTheRulebookInvariants() {
        for (long seed = 0; seed < SEEDS; seed++) {
            PeriodRecords records = RandomPeriodRecords.generate(seed);
            List<ReferenceResult> results = ReferenceScorer.evaluate(records);
            assertThat(results).hasSize(records.cadres().size() + records.departments().size());
            for (ReferenceResult r : results) {
                String what = "seed " + seed + " " + r.subjectType() + " " + r.id();
                BigDecimal lineSum = r.lines().stream().map(ReferenceResult.Line::points)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(lineSum).as(what).isEqualByComparingTo(r.score());
                assertThat(partsTotal(r)).as(what).isEqualByComparingTo(r.score());
                assertThat(r.score()).as(what).isBetween(BigDecimal.ZERO, new BigDecimal("105"));
                assertThat(r.part("B")).as(what).isBetween(BigDecimal.ZERO, new BigDecimal("5"));
                assertThat(r.part("D")).as(what).isGreaterThanOrEqualTo(BigDecimal.ZERO);
                // T is at most its full marks plus the rounding of its lines (half a cent each):
                // the rulebook rounds every line, so three thirds of 60 give 60.01.
                BigDecimal targetRounding = new BigDecimal("0.005").multiply(BigDecimal.valueOf(
                        r.lines().stream().filter(l -> l.part().equals("T")).count()));
                if (r.subjectType() == SubjectType.CADRE) {
                    assertThat(r.part("T")).as(what).isBetween(BigDecimal.ZERO, new BigDecimal("60").add(targetRounding));
                    assertThat(r.part("A")).as(what).isBetween(BigDecimal.ZERO, new BigDecimal("20"));
                    assertThat(r.part("L")).as(what).isBetween(BigDecimal.ZERO, new BigDecimal("20"));
                } else {
                    assertThat(r.part("T")).as(what).isBetween(BigDecimal.ZERO, new BigDecimal("50").add(targetRounding));
                    assertThat(r.part("O")).as(what).isBetween(BigDecimal.ZERO, new BigDecimal("20"));
                    // "at most 30" holds for a mean up to 100; the clamp lets a cadre reach 105, so C ≤ 31.50
                    assertThat(r.part("C")).as(what).isBetween(BigDecimal.ZERO, new BigDecimal("31.50"));
                }
                assertThat(r.bandGrade()).as(what).isEqualTo(ReferenceScorer.band(r.score()));
                assertThat(GRADES.indexOf(r.gatedGrade())).as(what).isGreaterThanOrEqualTo(GRADES.indexOf(r.bandGrade()));
                assertThat(GRADES.indexOf(r.finalGrade())).as(what).isGreaterThanOrEqualTo(GRADES.indexOf(r.gatedGrade()));
                if (r.vetoed()) {
                    assertThat(r.finalGrade()).as(what).isEqualTo("较差");
                }
            }
            Map<String, String> deptOf = records.cadres().stream().collect(Collectors.toMap(Cadre::cadreId, Cadre::deptId));
            Map<String, List<ReferenceResult>> groups = results.stream().collect(Collectors.groupingBy(
                    r -> r.subjectType() == SubjectType.CADRE ? deptOf.get(r.id()) : "city"));
            groups.forEach((group, members) -> assertRankedAndWithinQuota(members));
        }
    }

    /** Ranks are 1..n in S desc, T desc, id asc order, and at most q keep 好. */
    private static void assertRankedAndWithinQuota(List<ReferenceResult> members) {
        List<ReferenceResult> byRank = new ArrayList<>(members);
        byRank.sort((a, b) -> Integer.compare(a.rank(), b.rank()));
        for (int i = 0; i < byRank.size(); i++) {
            assertThat(byRank.get(i).rank()).isEqualTo(i + 1);
            if (i > 0) {
                ReferenceResult before = byRank.get(i - 1);
                ReferenceResult after = byRank.get(i);
                int byScore = before.score().compareTo(after.score());
                int byTargets = before.part("T").compareTo(after.part("T"));
                assertThat(byScore > 0 || byScore == 0 && (byTargets > 0
                        || byTargets == 0 && before.id().compareTo(after.id()) < 0)).isTrue();
            }
        }
        long goods = members.stream().filter(r -> r.finalGrade().equals("好")).count();
        assertThat(goods).isLessThanOrEqualTo(ReferenceScorer.quota(members.size()));
        long gatedGoods = members.stream().filter(r -> r.gatedGrade().equals("好")).count();
        assertThat(goods).isEqualTo(Math.min(gatedGoods, ReferenceScorer.quota(members.size())));
    }

    private static BigDecimal partsTotal(ReferenceResult r) {
        return r.parts().entrySet().stream()
                .map(e -> e.getKey().equals("D") ? e.getValue().negate() : e.getValue())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void generatorReachesTheRulebookCorners() {
        Set<String> seen = new HashSet<>();
        for (long seed = 0; seed < SEEDS; seed++) {
            PeriodRecords records = RandomPeriodRecords.generate(seed);
            List<ReferenceResult> results = ReferenceScorer.evaluate(records);
            for (ReferenceResult r : results) {
                r.lines().forEach(l -> seen.add(r.subjectType() + " " + l.rule()));
                if (r.vetoed()) {
                    seen.add(r.subjectType() + " veto");
                }
                if (r.gatedGrade().equals("好") && !r.finalGrade().equals("好")) {
                    seen.add(r.subjectType() + " quota cut");
                }
                if (r.subjectType() == SubjectType.CADRE && !r.gatedGrade().equals(r.bandGrade()) && !r.vetoed()) {
                    seen.add("cadre gate");
                }
            }
            Map<String, String> deptOf = records.cadres().stream()
                    .collect(Collectors.toMap(Cadre::cadreId, Cadre::deptId));
            for (ReferenceResult a : results) {
                for (ReferenceResult b : results) {
                    if (a != b && a.subjectType() == SubjectType.CADRE && b.subjectType() == SubjectType.CADRE
                            && deptOf.get(a.id()).equals(deptOf.get(b.id())) && a.score().compareTo(b.score()) == 0) {
                        seen.add(a.part("T").compareTo(b.part("T")) == 0 ? "tie in S and T" : "tie in S only");
                    }
                }
            }
            if (records.departments().stream().anyMatch(d -> records.cadres().stream()
                    .noneMatch(c -> c.deptId().equals(d.deptId())))) {
                seen.add("department without cadres");
            }
            if (records.appraisals().stream().anyMatch(a -> a.totalVotes() == 0)) {
                seen.add("zero votes");
            }
        }
        assertThat(seen).contains(
                "CADRE bonus cap", "DEPARTMENT bonus cap", "CADRE clamp to 0", "DEPARTMENT clamp to 0",
                "DEPARTMENT floor", "DEPARTMENT over-age league secretary", "CADRE key work over-fulfilled",
                "CADRE target done late", "CADRE no targets", "CADRE no votes", "CADRE no leader score",
                "DEPARTMENT no cadres", "CADRE veto", "DEPARTMENT veto", "CADRE quota cut", "DEPARTMENT quota cut",
                "cadre gate", "tie in S and T", "tie in S only", "department without cadres", "zero votes");
        assertThat(Stream.of("AWARD", "PUBLICITY", "DEMO_SITE", "JOINT_PROJECT", "COMPLAINT", "CRITICISM")
                .map(k -> "DEPARTMENT " + k)).allMatch(seen::contains);
    }

    private static <T> Set<String> ids(List<T> items, Function<T, String> id) {
        return items.stream().map(id).collect(Collectors.toSet());
    }
}
