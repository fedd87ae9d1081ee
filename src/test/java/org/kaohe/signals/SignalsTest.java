package org.kaohe.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.kaohe.records.Appraisal;
import org.kaohe.records.Cadre;
import org.kaohe.records.PeriodRecords;
import org.kaohe.records.SubjectType;
import org.kaohe.records.Target;
import org.kaohe.rules.book.SignalKind;
import org.kaohe.scoring.Grade;
import org.kaohe.scoring.SubjectResult;

/**
 * Each signal on a random city (real engine, standard test book): the pattern planted in one
 * department is flagged with the right figures; the same city without it has no flag of that signal.
 */
class SignalsTest {

    private static final long SEED = 7;
    private static final String DEPT = "D00003";

    @Test
    void uniformAppraisalIsFlaggedWithItsShareAndSpread() {
        SignalCity city = SignalCity.of(SEED, (q, r) -> withAppraisals(r, a -> inDept(r, a.cadreId())
                ? new Appraisal(a.cadreId(), 28, 1, 0, 0, a.leaderScore(), a.source()) : a));
        List<Flag> flags = of(Signals.compute(city.period(2)), SignalKind.UNIFORM_APPRAISAL);

        PeriodRecords q3 = city.records.get(2);
        long good = q3.appraisals().stream().filter(a -> deptOf(q3, a.cadreId()) != null).mapToLong(Appraisal::votesGood).sum();
        long total = q3.appraisals().stream().filter(a -> deptOf(q3, a.cadreId()) != null).mapToLong(Appraisal::totalVotes).sum();
        assertThat(flags).extracting(Flag::deptId).containsOnly(DEPT);
        Flag share = find(flags, Measure.GOOD_SHARE);
        assertThat(share.value()).isEqualByComparingTo("0.9655"); // 28 of 29 votes
        assertThat(share.city()).isEqualByComparingTo(Stats.figure((double) good / total));
        assertThat(share.threshold()).isEqualByComparingTo("0.95");
        assertThat(share.rule()).isEqualTo("signals.csv:3");
        assertThat(share.evidence()).extracting(Evidence::file).containsOnly("appraisals.csv");
        assertThat(share.evidence()).extracting(Evidence::subjectId)
                .containsExactlyInAnyOrderElementsOf(votedCadres(q3, DEPT));
        assertThat(find(flags, Measure.GOOD_SPREAD).value()).isEqualByComparingTo("0");

        assertThat(of(Signals.compute(SignalCity.of(SEED).period(2)), SignalKind.UNIFORM_APPRAISAL)).isEmpty();
    }

    @Test
    void leaderRatingsAllHighAndAlikeAreFlagged() {
        SignalCity city = SignalCity.of(SEED, (q, r) -> withAppraisals(r, a -> inDept(r, a.cadreId())
                ? new Appraisal(a.cadreId(), a.votesGood(), a.votesFair(), a.votesAverage(), a.votesPoor(),
                new BigDecimal("98.5"), a.source()) : a));
        List<Flag> flags = of(Signals.compute(city.year()), SignalKind.LEADER_RATINGS);

        assertThat(flags).extracting(Flag::deptId).containsOnly(DEPT);
        assertThat(find(flags, Measure.LEADER_MEAN).value()).isEqualByComparingTo("98.5");
        assertThat(find(flags, Measure.LEADER_MEAN).threshold()).isEqualByComparingTo("97");
        assertThat(find(flags, Measure.LEADER_SPREAD).value()).isEqualByComparingTo("0");
        double cityMean = city.records.stream().flatMap(r -> r.appraisals().stream()
                        .filter(a -> a.leaderScore() != null && deptOf(r, a.cadreId()) != null))
                .mapToDouble(a -> a.leaderScore().doubleValue()).average().orElseThrow();
        assertThat(find(flags, Measure.LEADER_MEAN).city()).isEqualByComparingTo(Stats.figure(cityMean));

        assertThat(of(Signals.compute(SignalCity.of(SEED).year()), SignalKind.LEADER_RATINGS)).isEmpty();
    }

    @Test
    void targetsFarOverThePlanAreFlaggedAgainstTheCity() {
        SignalCity city = SignalCity.of(SEED, (q, r) -> withTargets(r, t -> ownedInDept(r, t)
                ? new Target(t.targetId(), t.ownerType(), t.ownerId(), t.project(), t.title(), t.planned(),
                t.planned().multiply(BigDecimal.valueOf(2)), t.weight(), t.dueDate(), t.doneDate(), t.keyWork(), t.source())
                : t));
        List<Flag> flags = of(Signals.compute(city.period(1)), SignalKind.SOFT_TARGETS);

        PeriodRecords q2 = city.records.get(1);
        List<Target> counted = q2.targets().stream().filter(t -> dept(q2, t) != null).toList();
        long farOver = counted.stream().filter(t -> t.actual().compareTo(t.planned().multiply(new BigDecimal("1.5"))) >= 0)
                .count();
        assertThat(flags).singleElement().satisfies(f -> {
            assertThat(f.deptId()).isEqualTo(DEPT);
            assertThat(f.measure()).isEqualTo(Measure.FAR_OVER_SHARE);
            assertThat(f.value()).isEqualByComparingTo("1");
            assertThat(f.city()).isEqualByComparingTo(Stats.figure((double) farOver / counted.size()));
            assertThat(f.threshold()).isEqualByComparingTo("0.4");
            assertThat(f.evidence()).hasSize((int) q2.targets().stream().filter(t -> ownedInDept(q2, t)).count());
        });

        assertThat(of(Signals.compute(SignalCity.of(SEED).period(1)), SignalKind.SOFT_TARGETS)).isEmpty();
    }

    @Test
    void aDepartmentWithoutAnyDeductionInTheYearIsFlaggedWhileTheCityHasThem() {
        Set<String> deductionKinds = SignalCity.of(SEED).year().deductionKinds();
        SignalCity city = SignalCity.of(SEED, (q, r) -> new PeriodRecords(r.period(), r.importId(), r.departments(),
                r.cadres(), r.targets(), r.appraisals(), r.events().stream().filter(e -> !deductionKinds.contains(e.kind())
                || !(e.subjectType() == SubjectType.DEPARTMENT ? e.subjectId().equals(DEPT) : inDept(r, e.subjectId())))
                .toList(), r.organizations()));
        List<Flag> flags = of(Signals.compute(city.year()), SignalKind.SILENCE);

        assertThat(flags).singleElement().satisfies(f -> {
            assertThat(f.deptId()).isEqualTo(DEPT);
            assertThat(f.value()).isEqualByComparingTo("0");
            assertThat(f.city()).isEqualByComparingTo("0.9"); // the nine other departments all have one
            assertThat(f.threshold()).isEqualByComparingTo("0.6");
            assertThat(f.evidence()).hasSize(4).extracting(Evidence::file).containsOnly("departments.csv");
        });

        assertThat(of(Signals.compute(city.period(3)), SignalKind.SILENCE)).as("a quarter cannot show it").isEmpty();
        assertThat(of(Signals.compute(SignalCity.of(SEED).year()), SignalKind.SILENCE)).isEmpty();
    }

    @Test
    void theTopGradeTakenInTurnsWithinANarrowBandIsFlagged() {
        SignalCity city = SignalCity.of(SEED);
        List<String> cadres = city.cadresOf(DEPT);
        assertThat(cadres).hasSizeGreaterThanOrEqualTo(4);
        Grade top = city.quarter(0).topCadreGrade();
        for (int q = 0; q < 4; q++) {
            String holder = cadres.get(q);
            city.changeResults(q, r -> !cadres.contains(r.subjectId()) ? r
                    : graded(r, r.subjectId().equals(holder) ? top : second(city),
                    new BigDecimal("80").add(BigDecimal.valueOf(cadres.indexOf(r.subjectId())).movePointLeft(1))));
        }
        List<Flag> flags = of(Signals.compute(city.year()), SignalKind.ROTATION);

        assertThat(flags).singleElement().satisfies(f -> {
            assertThat(f.deptId()).isEqualTo(DEPT);
            assertThat(f.value()).isEqualByComparingTo("0.3"); // holders scored 80.0, 80.1, 80.2, 80.3
            assertThat(f.threshold()).isEqualByComparingTo("3");
            assertThat(f.evidence()).hasSize(4).allSatisfy(e -> assertThat(e.file()).isNull());
        });
        assertThat(of(Signals.compute(city.period(2)), SignalKind.ROTATION)).as("a period cannot show a rotation").isEmpty();

        assertThat(of(Signals.compute(SignalCity.of(SEED).year()), SignalKind.ROTATION)).isEmpty();
    }

    @Test
    void aScoreJumpingFarBeyondTheCitysChangesIsFlagged() {
        SignalCity city = SignalCity.of(SEED);
        String cadre = city.cadresOf(DEPT).get(0);
        BigDecimal before = city.results.get(1).stream().filter(r -> r.subjectId().equals(cadre)).findFirst()
                .orElseThrow().score();
        // the random quarters are independent, so the city's changes spread widely: plant five of their deviations
        BigDecimal drop = BigDecimal.valueOf(Math.round(5 * Stats.spread(changes(city))));
        city.changeResults(2, r -> r.subjectId().equals(cadre) ? graded(r, r.finalGrade(), before.subtract(drop)) : r);
        List<Flag> flags = of(Signals.compute(city.period(2)), SignalKind.JUMPS);

        List<Double> changes = changes(city);
        assertThat(flags).singleElement().satisfies(f -> {
            assertThat(f.cadreId()).isEqualTo(cadre);
            assertThat(f.deptId()).isEqualTo(DEPT);
            assertThat(f.value()).isEqualByComparingTo(drop.negate());
            assertThat(f.city()).isEqualByComparingTo(Stats.figure(Stats.mean(changes)));
            assertThat(f.threshold()).isEqualByComparingTo(Stats.figure(3.5 * Stats.spread(changes)));
            assertThat(f.evidence()).extracting(e -> e.period().toString()).containsExactly("2026-Q2", "2026-Q3");
        });
        assertThat(of(Signals.compute(city.year()), SignalKind.JUMPS)).extracting(Flag::cadreId).contains(cadre);

        assertThat(of(Signals.compute(SignalCity.of(SEED).period(2)), SignalKind.JUMPS)).isEmpty();
    }

    @Test
    void theSameInputsGiveTheSameFlags() {
        SignalCity city = SignalCity.of(SEED, (q, r) -> withAppraisals(r, a -> inDept(r, a.cadreId())
                ? new Appraisal(a.cadreId(), 28, 1, 0, 0, new BigDecimal("99"), a.source()) : a));
        assertThat(Signals.compute(city.year())).isNotEmpty().isEqualTo(Signals.compute(city.year()));
    }

    // --- planting -----------------------------------------------------------------------------------

    static List<Flag> of(List<Flag> flags, SignalKind signal) {
        return flags.stream().filter(f -> f.signal() == signal).toList();
    }

    private static Flag find(List<Flag> flags, Measure measure) {
        return flags.stream().filter(f -> f.measure() == measure).findFirst()
                .orElseThrow(() -> new AssertionError("no flag of " + measure + " in " + flags));
    }

    private static String deptOf(PeriodRecords r, String cadreId) {
        return r.cadres().stream().filter(c -> c.cadreId().equals(cadreId)).map(Cadre::deptId).findFirst().orElse(null);
    }

    private static boolean inDept(PeriodRecords r, String cadreId) {
        return DEPT.equals(deptOf(r, cadreId));
    }

    private static String dept(PeriodRecords r, Target t) {
        return t.ownerType() == SubjectType.DEPARTMENT ? t.ownerId() : deptOf(r, t.ownerId());
    }

    private static boolean ownedInDept(PeriodRecords r, Target t) {
        return DEPT.equals(dept(r, t));
    }

    private static List<String> votedCadres(PeriodRecords r, String dept) {
        return r.appraisals().stream().filter(a -> a.totalVotes() > 0 && dept.equals(deptOf(r, a.cadreId())))
                .map(Appraisal::cadreId).toList();
    }

    private static PeriodRecords withAppraisals(PeriodRecords r, java.util.function.UnaryOperator<Appraisal> change) {
        return new PeriodRecords(r.period(), r.importId(), r.departments(), r.cadres(), r.targets(),
                r.appraisals().stream().map(change).toList(), r.events(), r.organizations());
    }

    private static PeriodRecords withTargets(PeriodRecords r, java.util.function.UnaryOperator<Target> change) {
        return new PeriodRecords(r.period(), r.importId(), r.departments(), r.cadres(),
                r.targets().stream().map(change).collect(Collectors.toList()), r.appraisals(), r.events(), r.organizations());
    }

    private static Grade second(SignalCity city) {
        return city.results.get(0).stream().map(SubjectResult::finalGrade).filter(g -> g.order() == 1).findFirst()
                .orElseThrow();
    }

    private static SubjectResult graded(SubjectResult r, Grade grade, BigDecimal score) {
        return new SubjectResult(r.subjectType(), r.subjectId(), r.name(), r.deptId(), score, r.parts(), r.bandGrade(),
                r.gatedGrade(), grade, r.rank(), r.vetoed(), r.lines());
    }

    /** Each cadre's change of score from 2026-Q2 to 2026-Q3. */
    private static List<Double> changes(SignalCity city) {
        return city.results.get(2).stream().filter(r -> r.subjectType() == SubjectType.CADRE)
                .map(r -> r.score().subtract(score(city.results.get(1), r.subjectId())).doubleValue()).toList();
    }

    private static BigDecimal score(List<SubjectResult> results, String id) {
        return results.stream().filter(r -> r.subjectId().equals(id) && r.subjectType() == SubjectType.CADRE).findFirst()
                .orElseThrow().score();
    }
}
