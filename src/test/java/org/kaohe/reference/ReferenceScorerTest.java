package org.kaohe.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kaohe.records.SubjectType.CADRE;
import static org.kaohe.records.SubjectType.DEPARTMENT;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kaohe.records.DeptType;
import org.kaohe.records.PeriodRecords;
import org.kaohe.testing.TestRecords;

/**
 * The oracle against the rulebook's worked example (§7) and cases computed by hand; each test's
 * comment shows the arithmetic. Scores are compared with compareTo semantics (2 decimals).
 */
class ReferenceScorerTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static ReferenceResult cadre(List<ReferenceResult> results, String id) {
        return ReferenceScorer.find(results, CADRE, id);
    }

    private static ReferenceResult dept(List<ReferenceResult> results, String id) {
        return ReferenceScorer.find(results, DEPARTMENT, id);
    }

    @Test
    void aLineIsItsExactValueRoundedHalfUpOnce() {
        // docs/scheme.md (rounding): 60 × 421/480 = 52.625 exactly, so the line is 52.63. A 34-digit chain
        // (421/480 = 0.87708333…3, × 60 = 52.62499…98) would give 52.62.
        PeriodRecords records = TestRecords.period()
                .department("D1", DeptType.TRADE_UNION)
                .cadre("C1", "D1")
                .target(CADRE, "C1", "1", "480", "421")
                .build();

        ReferenceResult c1 = cadre(ReferenceScorer.evaluate(records), "C1");

        assertThat(c1.part("T")).isEqualByComparingTo("52.63");
    }

    @Test
    void workedExampleOfTheRulebook() {
        // docs/scheme.md. T = 60×2/3×1 + 60×1/3×(2/4)×0.8 = 40 + 8 = 48; A = 20×(600+240+60)/1000 = 18;
        // L = 0.2×90 = 18; B = 2 (provincial award) + 4×0.2 (city publicity) = 2.8; D = 0.5 (overdue).
        // S = 48 + 18 + 18 + 2.8 − 0.5 = 86.3: band 较好, no gate, alone in its department: 较好, rank 1.
        PeriodRecords records = TestRecords.period()
                .department("D1", DeptType.TRADE_UNION)
                .cadre("C1", "D1")
                .target(CADRE, "C1", "2", "10", "10")
                .target(CADRE, "C1", "1", "4", "2", true, false)
                .votes("C1", 6, 3, 1, 0, "90")
                .event(CADRE, "C1", "AWARD", "PROVINCIAL", 1)
                .event(CADRE, "C1", "PUBLICITY", "CITY", 4)
                .event(CADRE, "C1", "OVERDUE", null, 1)
                .build();

        List<ReferenceResult> results = ReferenceScorer.evaluate(records);
        ReferenceResult c1 = cadre(results, "C1");

        assertThat(c1.score()).isEqualByComparingTo("86.3");
        assertThat(c1.part("T")).isEqualByComparingTo("48");
        assertThat(c1.part("A")).isEqualByComparingTo("18");
        assertThat(c1.part("L")).isEqualByComparingTo("18");
        assertThat(c1.part("B")).isEqualByComparingTo("2.8");
        assertThat(c1.part("D")).isEqualByComparingTo("0.5");
        assertThat(c1.parts()).doesNotContainKey("CLAMP");
        assertThat(List.of(c1.bandGrade(), c1.gatedGrade(), c1.finalGrade())).containsOnly("较好");
        assertThat(c1.rank()).isEqualTo(1);
        assertThat(c1.vetoed()).isFalse();
        // one line per target and per event record, plus A and L: 2 + 1 + 1 + 2 + 1
        assertThat(c1.lines()).hasSize(7);
        assertThat(c1.lines().stream().map(ReferenceResult.Line::points).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("86.3");

        // Its department: no targets T 0, no organizations O 20, C = 30 × 86.3 / 100 = 25.89 → S 45.89, 较差.
        ReferenceResult d1 = dept(results, "D1");
        assertThat(d1.part("T")).isEqualByComparingTo("0");
        assertThat(d1.part("O")).isEqualByComparingTo("20");
        assertThat(d1.part("C")).isEqualByComparingTo("25.89");
        assertThat(d1.score()).isEqualByComparingTo("45.89");
        assertThat(d1.finalGrade()).isEqualTo("较差");
    }

    @Test
    void eachLineIsRoundedHalfUpWhenMade() {
        // Three targets of weight 1, each 1 of 3 done: 60 × 1/3 × 1/3 = 6.666… → 6.67 per line, T = 20.01
        // (rounding only the sum would give 20.00).
        // Votes 2/1/0/0: A = 20 × 280 / 300 = 18.666… → 18.67.
        // Leader 77.825: L = 15.565 → 15.57 half up (half even would give 15.56).
        // S = 20.01 + 18.67 + 15.57 = 54.25, 较差.
        PeriodRecords records = TestRecords.period()
                .department("D1", DeptType.OTHER)
                .cadre("C1", "D1")
                .target(CADRE, "C1", "1", "3", "1")
                .target(CADRE, "C1", "1", "3", "1")
                .target(CADRE, "C1", "1", "3", "1")
                .votes("C1", 2, 1, 0, 0, "77.825")
                .build();

        ReferenceResult c1 = cadre(ReferenceScorer.evaluate(records), "C1");

        assertThat(c1.part("T")).isEqualByComparingTo("20.01");
        assertThat(c1.part("A")).isEqualByComparingTo("18.67");
        assertThat(c1.part("L")).isEqualByComparingTo("15.57");
        assertThat(c1.score()).isEqualByComparingTo("54.25");
        assertThat(c1.bandGrade()).isEqualTo("较差");
        assertThat(c1.score().scale()).isEqualTo(2);
    }

    @Test
    void ratioIsCappedAtOneAndLateTargetsEarnFourFifths() {
        // Target A: w 1, 15 of 10 done, 3 days late: r = min(1.5, 1) = 1; 60 × 1/4 × 1 × 0.8 = 12.00.
        // Target B: w 3, 0 of 5 done, on time: 0.00.  T = 12.00. No appraisal: A = L = 0.
        PeriodRecords records = TestRecords.period()
                .department("D1", DeptType.OTHER)
                .cadre("C1", "D1")
                .target(CADRE, "C1", "1", "10", "15", true, false)
                .target(CADRE, "C1", "3", "5", "0")
                .build();

        ReferenceResult c1 = cadre(ReferenceScorer.evaluate(records), "C1");

        assertThat(c1.part("T")).isEqualByComparingTo("12");
        assertThat(c1.part("A")).isEqualByComparingTo("0");
        assertThat(c1.part("L")).isEqualByComparingTo("0");
        assertThat(c1.score()).isEqualByComparingTo("12");
    }

    @Test
    void zeroVotesAndMissingLeaderScoreGiveNothing() {
        // C1: votes 0/0/0/0, leader 80 → A 0, L 16.  C2: votes 5/5/0/0, no leader score → A = 20×900/1000 = 18, L 0.
        // C3: no appraisal row, no targets → everything 0.
        PeriodRecords records = TestRecords.period()
                .department("D1", DeptType.OTHER)
                .cadre("C1", "D1").votes("C1", 0, 0, 0, 0, "80")
                .cadre("C2", "D1").votes("C2", 5, 5, 0, 0, null)
                .cadre("C3", "D1")
                .build();

        List<ReferenceResult> results = ReferenceScorer.evaluate(records);

        assertThat(cadre(results, "C1").part("A")).isEqualByComparingTo("0");
        assertThat(cadre(results, "C1").part("L")).isEqualByComparingTo("16");
        assertThat(cadre(results, "C2").part("A")).isEqualByComparingTo("18");
        assertThat(cadre(results, "C2").part("L")).isEqualByComparingTo("0");
        assertThat(cadre(results, "C3").score()).isEqualByComparingTo("0");
        assertThat(cadre(results, "C3").lines()).extracting(ReferenceResult.Line::rule)
                .containsExactly("no targets", "no votes", "no leader score");
    }

    @Test
    void bonusPastFiveIsCutByACapLine() {
        // C1: target w 1, 12 of 10 done, key work: T 60 and key-work bonus 1 (12 ≥ 1.2 × 10).
        // Two national awards 2 × 3 = 6, three city publicity 3 × 0.2 = 0.6. Bonus lines 7.60,
        // cap line −2.60, B = 5. A 20, L 20. S = 60 + 20 + 20 + 5 = 105 (not clamped).
        // C2: national award 3 + provincial award 2 = exactly 5: no cap line.
        PeriodRecords records = TestRecords.period()
                .department("D1", DeptType.OTHER)
                .cadre("C1", "D1")
                .target(CADRE, "C1", "1", "10", "12", false, true)
                .votes("C1", 10, 0, 0, 0, "100")
                .event(CADRE, "C1", "AWARD", "NATIONAL", 2)
                .event(CADRE, "C1", "PUBLICITY", "CITY", 3)
                .cadre("C2", "D1")
                .event(CADRE, "C2", "AWARD", "NATIONAL", 1)
                .event(CADRE, "C2", "AWARD", "PROVINCIAL", 1)
                .build();

        List<ReferenceResult> results = ReferenceScorer.evaluate(records);
        ReferenceResult c1 = cadre(results, "C1");
        ReferenceResult c2 = cadre(results, "C2");

        assertThat(c1.part("B")).isEqualByComparingTo("5");
        assertThat(c1.lines()).filteredOn(l -> l.rule().equals("bonus cap"))
                .extracting(ReferenceResult.Line::points).containsExactly(d("-2.60"));
        assertThat(c1.score()).isEqualByComparingTo("105");
        assertThat(c1.parts()).doesNotContainKey("CLAMP");
        assertThat(c2.part("B")).isEqualByComparingTo("5");
        assertThat(c2.lines()).noneMatch(l -> l.rule().equals("bonus cap"));
    }

    @Test
    void keyWorkBonusNeedsKeyWorkAndAtLeastOnePointTwoTimesPlanned() {
        // C1 key work 12 of 10 (exactly 1.2): +1.  C2 key work 11.9 of 10: nothing.
        // C3 not key work, 15 of 10: nothing.
        PeriodRecords records = TestRecords.period()
                .department("D1", DeptType.OTHER)
                .cadre("C1", "D1").target(CADRE, "C1", "1", "10", "12", false, true)
                .cadre("C2", "D1").target(CADRE, "C2", "1", "10", "11.9", false, true)
                .cadre("C3", "D1").target(CADRE, "C3", "1", "10", "15", false, false)
                .build();

        List<ReferenceResult> results = ReferenceScorer.evaluate(records);

        assertThat(cadre(results, "C1").part("B")).isEqualByComparingTo("1");
        assertThat(cadre(results, "C2").part("B")).isEqualByComparingTo("0");
        assertThat(cadre(results, "C3").part("B")).isEqualByComparingTo("0");
    }

    @Test
    void scoreBelowZeroIsClampedByALine() {
        // No targets, no appraisal; admonishment × 2 = −6, provincial criticism −1.5, department
        // criticism × 3 = −1.5, commitment breach −1, first-inquiry breach −1: raw −11.00, clamp +11.00, S 0.
        PeriodRecords records = TestRecords.period()
                .department("D1", DeptType.OTHER)
                .cadre("C1", "D1")
                .event(CADRE, "C1", "ADMONISHMENT", null, 2)
                .event(CADRE, "C1", "CRITICISM", "PROVINCIAL", 1)
                .event(CADRE, "C1", "CRITICISM", "DEPARTMENT", 3)
                .event(CADRE, "C1", "COMMITMENT_BREACH", null, 1)
                .event(CADRE, "C1", "FIRST_INQUIRY_BREACH", null, 1)
                .build();

        ReferenceResult c1 = cadre(ReferenceScorer.evaluate(records), "C1");

        assertThat(c1.part("D")).isEqualByComparingTo("11");
        assertThat(c1.part("CLAMP")).isEqualByComparingTo("11");
        assertThat(c1.score()).isEqualByComparingTo("0");
        assertThat(List.of(c1.bandGrade(), c1.gatedGrade(), c1.finalGrade())).containsOnly("较差");
        assertThat(c1.vetoed()).isFalse();
    }

    @Test
    void gatesLowerTheGradeInRulebookOrder() {
        // Every cadre scores 100 before events and is alone in its department (q = 1).
        // C1 sanction: 100, band 好 → 较差, veto.  C2 one complaint: 98 → 较好.
        // C3 two complaint units: 96 → 较好.  C4 complaints 2 + 1 in two rows = 3 units: 94 → 较差, no veto.
        // C5 admonishment: 97 → 一般.  C6 admonishment and one complaint: 95 → 较好 → 一般.
        TestRecords b = TestRecords.period();
        for (int i = 1; i <= 6; i++) {
            b.department("D" + i, DeptType.OTHER).perfectCadre("C" + i, "D" + i);
        }
        PeriodRecords records = b
                .event(CADRE, "C1", "SANCTION", null, 1)
                .event(CADRE, "C2", "COMPLAINT", null, 1)
                .event(CADRE, "C3", "COMPLAINT", null, 2)
                .event(CADRE, "C4", "COMPLAINT", null, 2)
                .event(CADRE, "C4", "COMPLAINT", null, 1)
                .event(CADRE, "C5", "ADMONISHMENT", null, 1)
                .event(CADRE, "C6", "ADMONISHMENT", null, 1)
                .event(CADRE, "C6", "COMPLAINT", null, 1)
                .build();

        List<ReferenceResult> results = ReferenceScorer.evaluate(records);

        assertGrades(cadre(results, "C1"), "100", "好", "较差", true);
        assertGrades(cadre(results, "C2"), "98", "好", "较好", false);
        assertGrades(cadre(results, "C3"), "96", "好", "较好", false);
        assertGrades(cadre(results, "C4"), "94", "好", "较差", false);
        assertGrades(cadre(results, "C5"), "97", "好", "一般", false);
        assertGrades(cadre(results, "C6"), "95", "好", "一般", false);
    }

    private static void assertGrades(ReferenceResult r, String score, String band, String gated, boolean vetoed) {
        assertThat(r.score()).as(r.id()).isEqualByComparingTo(score);
        assertThat(r.bandGrade()).as(r.id()).isEqualTo(band);
        assertThat(r.gatedGrade()).as(r.id()).isEqualTo(gated);
        assertThat(r.finalGrade()).as(r.id()).isEqualTo(gated);
        assertThat(r.vetoed()).as(r.id()).isEqualTo(vetoed);
    }

    @Test
    void bandBoundaries() {
        assertThat(ReferenceScorer.band(d("90.00"))).isEqualTo("好");
        assertThat(ReferenceScorer.band(d("89.99"))).isEqualTo("较好");
        assertThat(ReferenceScorer.band(d("80.00"))).isEqualTo("较好");
        assertThat(ReferenceScorer.band(d("79.99"))).isEqualTo("一般");
        assertThat(ReferenceScorer.band(d("60.00"))).isEqualTo("一般");
        assertThat(ReferenceScorer.band(d("59.99"))).isEqualTo("较差");
    }

    @Test
    void quotaIsFortyPercentRoundedHalfUpAndAtLeastOne() {
        // 0.4n: n=1 → 0.4 → 0 → max 1; 2 → 0.8 → 1; 3 → 1.2 → 1; 4 → 1.6 → 2; 5 → 2; 7 → 2.8 → 3; 15 → 6; 16 → 6.4 → 6.
        assertThat(List.of(1, 2, 3, 4, 5, 7, 15, 16)).extracting(ReferenceScorer::quota)
                .containsExactly(1, 1, 1, 2, 2, 3, 6, 6);
    }

    @Test
    void quotaDemotesTheGoodCadresAfterTheQthAndGatedCadresTakeNoPlace() {
        // Five cadres of D1, leader scores 100/95/90/85/80 → S 100/99/98/97/96, all band 好.
        // n = 5, q = 2. C5 (S 100) has a sanction: 较差, rank 1, takes no 好 place.
        // Order: C5 100, C4 99, C3 98, C2 97, C1 96 → C4, C3 好; C2, C1 较好.
        TestRecords b = TestRecords.period().department("D1", DeptType.OTHER);
        String[] leader = {"80", "85", "90", "95", "100"};
        for (int i = 1; i <= 5; i++) {
            b.cadre("C" + i, "D1").target(CADRE, "C" + i, "1", "10", "10").votes("C" + i, 10, 0, 0, 0, leader[i - 1]);
        }
        PeriodRecords records = b.event(CADRE, "C5", "SANCTION", null, 1).build();

        List<ReferenceResult> results = ReferenceScorer.evaluate(records);

        assertThat(List.of("C5", "C4", "C3", "C2", "C1")).extracting(id -> cadre(results, id).rank())
                .containsExactly(1, 2, 3, 4, 5);
        assertThat(List.of("C5", "C4", "C3", "C2", "C1")).extracting(id -> cadre(results, id).finalGrade())
                .containsExactly("较差", "好", "好", "较好", "较好");
        assertThat(cadre(results, "C2").gatedGrade()).isEqualTo("好");
    }

    @Test
    void tiesAreBrokenByTargetsThenById() {
        // C2 and C1: T 60 (one target done), A 20, leader 50 → L 10: S 90.
        // C3: T = 60 × 5/6 = 50, A 20, leader 100 → L 20: S 90 with a lower T.
        // Order C1, C2 (same S and T: id), C3. n = 3, q = 1: C1 好, C2 and C3 较好.
        PeriodRecords records = TestRecords.period()
                .department("D1", DeptType.OTHER)
                .cadre("C3", "D1").target(CADRE, "C3", "1", "6", "5").votes("C3", 4, 0, 0, 0, "100")
                .cadre("C2", "D1").target(CADRE, "C2", "1", "10", "10").votes("C2", 7, 0, 0, 0, "50")
                .cadre("C1", "D1").target(CADRE, "C1", "2", "3", "3").votes("C1", 3, 0, 0, 0, "50")
                .build();

        List<ReferenceResult> results = ReferenceScorer.evaluate(records);

        assertThat(List.of("C1", "C2", "C3")).extracting(id -> cadre(results, id).score().toPlainString())
                .containsOnly("90.00");
        assertThat(List.of("C1", "C2", "C3")).extracting(id -> cadre(results, id).rank()).containsExactly(1, 2, 3);
        assertThat(List.of("C1", "C2", "C3")).extracting(id -> cadre(results, id).finalGrade())
                .containsExactly("好", "较好", "较好");
    }

    @Test
    void departmentScoreFromItsParts() {
        // D1 (Youth League).
        // T_d: w 2, 80 of 100, late: 50 × 2/3 × 0.8 × 0.8 = 21.333… → 21.33; w 1, 10 of 10: 16.666… → 16.67; T_d 38.00.
        // O: 20; secretary 69 → −1; 0 members and 0 activities → −2 −1; secretary 35 → nothing (not over 35);
        //    secretary 36 → −1. O = 15.
        // C: cadres C1 (perfect, 100) and C2 (one target, 1 of 3: 20.00, no appraisal): mean 60 → 30 × 60/100 = 18.
        // B_d: demo site provincial 2, joint project lead 1, city award 1, provincial publicity × 3 = 1.5 → 5.5, cap −0.5 → 5.
        // D_d: joint project no contribution 1, complaint 2, department criticism 0.5 → 3.5.
        //      Overdue, admonishment and sanction are cadre items: nothing, and no veto.
        // S_d = 38 + 15 + 18 + 5 − 3.5 = 72.50, 一般.
        PeriodRecords records = TestRecords.period()
                .department("D1", DeptType.YOUTH_LEAGUE)
                .target(DEPARTMENT, "D1", "2", "100", "80", true, false)
                .target(DEPARTMENT, "D1", "1", "10", "10")
                .organization("D1", 69, 12, 1)
                .organization("D1", 30, 0, 0)
                .organization("D1", 35, 5, 2)
                .organization("D1", 36, 5, 2)
                .perfectCadre("C1", "D1")
                .cadre("C2", "D1").target(CADRE, "C2", "1", "3", "1")
                .event(DEPARTMENT, "D1", "DEMO_SITE", "PROVINCIAL", 1)
                .event(DEPARTMENT, "D1", "JOINT_PROJECT", "LEAD", 1)
                .event(DEPARTMENT, "D1", "AWARD", "CITY", 1)
                .event(DEPARTMENT, "D1", "PUBLICITY", "PROVINCIAL", 3)
                .event(DEPARTMENT, "D1", "JOINT_PROJECT", "NO_CONTRIBUTION", 1)
                .event(DEPARTMENT, "D1", "COMPLAINT", null, 1)
                .event(DEPARTMENT, "D1", "CRITICISM", "DEPARTMENT", 1)
                .event(DEPARTMENT, "D1", "OVERDUE", null, 2)
                .event(DEPARTMENT, "D1", "ADMONISHMENT", null, 1)
                .event(DEPARTMENT, "D1", "SANCTION", null, 1)
                .build();

        ReferenceResult d1 = dept(ReferenceScorer.evaluate(records), "D1");

        assertThat(d1.part("T")).isEqualByComparingTo("38");
        assertThat(d1.part("O")).isEqualByComparingTo("15");
        assertThat(d1.part("C")).isEqualByComparingTo("18");
        assertThat(d1.part("B")).isEqualByComparingTo("5");
        assertThat(d1.part("D")).isEqualByComparingTo("3.5");
        assertThat(d1.score()).isEqualByComparingTo("72.5");
        assertThat(d1.gatedGrade()).isEqualTo("一般");
        assertThat(d1.vetoed()).isFalse();
    }

    @Test
    void organizationPartIsFlooredAtZeroAndOverAgeCountsOnlyInTheYouthLeague() {
        // D1 (Women's Federation): 8 empty organizations, 20 − 8 × 3 = −4, floor line +4 → O 0;
        // a 69-year-old secretary outside the Youth League costs nothing. No cadres: C 0. S_d 0.
        TestRecords b = TestRecords.period().department("D1", DeptType.WOMENS_FEDERATION);
        for (int i = 0; i < 8; i++) {
            b.organization("D1", 69, 0, 0);
        }
        ReferenceResult d1 = dept(ReferenceScorer.evaluate(b.build()), "D1");

        assertThat(d1.part("O")).isEqualByComparingTo("0");
        assertThat(d1.lines()).filteredOn(l -> l.rule().equals("floor"))
                .extracting(ReferenceResult.Line::points).containsExactly(d("4.00"));
        assertThat(d1.lines()).noneMatch(l -> l.rule().equals("over-age league secretary"));
        assertThat(d1.lines()).filteredOn(l -> l.part().equals("C"))
                .extracting(ReferenceResult.Line::rule).containsExactly("no cadres");
        assertThat(d1.score()).isEqualByComparingTo("0");
    }

    @Test
    void cadrePartUsesTheMeanOfFinalScoresRoundedOnce() {
        // Cadres of D1: C1 perfect, S 100.00; C2 three targets 1 of 3 each, S 20.01 (see the rounding test);
        // C3 zero votes and leader 25.2, S 5.04. Mean = 125.05 / 3 = 41.6833…;
        // C = 30 × 41.6833… / 100 = 12.505 → 12.51 (rounding the mean first would give 41.68 → 12.504 → 12.50).
        // C4 of D2: admonishment × 2 on nothing, clamped to 0: the clamped 0 counts, not −6 → C 0.
        PeriodRecords records = TestRecords.period()
                .department("D1", DeptType.OTHER)
                .department("D2", DeptType.OTHER)
                .perfectCadre("C1", "D1")
                .cadre("C2", "D1")
                .target(CADRE, "C2", "1", "3", "1")
                .target(CADRE, "C2", "1", "3", "1")
                .target(CADRE, "C2", "1", "3", "1")
                .cadre("C3", "D1").votes("C3", 0, 0, 0, 0, "25.2")
                .cadre("C4", "D2")
                .event(CADRE, "C4", "ADMONISHMENT", null, 2)
                .build();

        List<ReferenceResult> results = ReferenceScorer.evaluate(records);

        assertThat(cadre(results, "C2").score()).isEqualByComparingTo("20.01");
        assertThat(cadre(results, "C3").score()).isEqualByComparingTo("5.04");
        assertThat(dept(results, "D1").part("C")).isEqualByComparingTo("12.51");
        assertThat(cadre(results, "C4").score()).isEqualByComparingTo("0");
        assertThat(dept(results, "D2").part("C")).isEqualByComparingTo("0");
    }

    @Test
    void majorIncidentVetoesADepartmentAndDepartmentsShareACityWideQuota() {
        // Each department: one target done (T_d 50), no organizations (O 20), one perfect cadre (C 30) → 100.
        // D01's target is 9 of 10: T_d 45, plus a provincial award 2, a provincial demo site 2 and a city
        //   award 1 (B 5) → 100 with the lower T_d.
        // D04: 100 but a major incident: 较差, veto.
        // Order: D02, D03 (100, T 50, by id), D04 (100, T 50), D01 (100, T 45). N = 4, q = 2:
        // D02 好, D03 好, D04 较差 (gated, takes no place), D01 好 → 较好 (third 好).
        TestRecords b = TestRecords.period();
        for (String id : List.of("D01", "D02", "D03", "D04")) {
            b.department(id, DeptType.OTHER).perfectCadre("C" + id, id)
                    .target(DEPARTMENT, id, "1", "10", id.equals("D01") ? "9" : "10");
        }
        PeriodRecords records = b
                .event(DEPARTMENT, "D01", "AWARD", "PROVINCIAL", 1)
                .event(DEPARTMENT, "D01", "DEMO_SITE", "PROVINCIAL", 1)
                .event(DEPARTMENT, "D01", "AWARD", "CITY", 1)
                .event(DEPARTMENT, "D04", "MAJOR_INCIDENT", null, 1)
                .build();

        List<ReferenceResult> results = ReferenceScorer.evaluate(records);

        List<String> order = List.of("D02", "D03", "D04", "D01");
        assertThat(order).extracting(id -> dept(results, id).score().toPlainString()).containsOnly("100.00");
        assertThat(order).extracting(id -> dept(results, id).rank()).containsExactly(1, 2, 3, 4);
        assertThat(order).extracting(id -> dept(results, id).finalGrade()).containsExactly("好", "好", "较差", "较好");
        assertThat(dept(results, "D04").vetoed()).isTrue();
        assertThat(dept(results, "D01").vetoed()).isFalse();
    }

    @Test
    void unknownKindsAndKindsOfTheOtherSubjectTypeGiveNothing() {
        // C1 is perfect (100) and also has an unknown kind and department-only kinds: still 100, 好, no veto.
        PeriodRecords records = TestRecords.period()
                .department("D1", DeptType.OTHER)
                .perfectCadre("C1", "D1")
                .event(CADRE, "C1", RandomPeriodRecords.UNKNOWN_KIND, null, 3)
                .event(CADRE, "C1", "DEMO_SITE", "PROVINCIAL", 1)
                .event(CADRE, "C1", "JOINT_PROJECT", "NO_CONTRIBUTION", 1)
                .event(CADRE, "C1", "MAJOR_INCIDENT", null, 1)
                .event(DEPARTMENT, "D1", RandomPeriodRecords.UNKNOWN_KIND, null, 2)
                .build();

        List<ReferenceResult> results = ReferenceScorer.evaluate(records);
        ReferenceResult c1 = cadre(results, "C1");

        assertThat(c1.score()).isEqualByComparingTo("100");
        assertThat(c1.part("B")).isEqualByComparingTo("0");
        assertThat(c1.part("D")).isEqualByComparingTo("0");
        assertThat(c1.finalGrade()).isEqualTo("好");
        assertThat(c1.vetoed()).isFalse();
        // D1: T 0, O 20, C 30 → 50; the unknown kind adds no line
        assertThat(dept(results, "D1").score()).isEqualByComparingTo("50");
        assertThat(dept(results, "D1").lines()).hasSize(3);
    }
}
