package org.kaohe.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kaohe.rules.StandardBook.cadre;
import static org.kaohe.rules.StandardBook.department;
import static org.kaohe.rules.StandardBook.sumOfLines;

import java.math.BigDecimal;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kaohe.records.DeptType;
import org.kaohe.scoring.EvaluationOutcome;
import org.kaohe.scoring.Grade;
import org.kaohe.scoring.QuarterlyGrades;
import org.kaohe.scoring.ReasonText;
import org.kaohe.scoring.SubjectResult;
import org.kaohe.testing.TestRecords;

/**
 * A city of five departments worked out by hand (the computation is in the comments): quota with
 * ties, every gate, the veto, the bonus cap, the clamp at both ends, late targets, missing votes,
 * over-age secretaries and joint projects.
 */
class CityCaseTest {

    static EvaluationOutcome city;

    @BeforeAll
    static void evaluateTheCity() {
        TestRecords r = TestRecords.period();

        // ---- D1 工会: five cadres, n = 5 → q = round_half_up(2.0) = 2 -------------------------------
        r.department("D1", DeptType.TRADE_UNION);
        // A1: T = 60×2/3 + 60×1/3×0.8 (late) = 40 + 16 = 56; A = 20; L = 0.2×95 = 19;
        //     B = 3 + 2 + 5×0.2 = 6 → cap line −1 → 5;  S = 56 + 20 + 19 + 5 = 100
        r.cadre("A1", "D1").target("A1", "2", "10", "10", TestRecords.ON_TIME)
                .target("A1", "1", "10", "10", TestRecords.LATE).votes("A1", 10, 0, 0, 0, "95")
                .event("A1", "AWARD", "NATIONAL", 1).event("A1", "AWARD", "PROVINCIAL", 1)
                .event("A1", "PUBLICITY", "CITY", 5);
        // A2: T = 60; A = 20×(800+160)/1000 = 19.2; L = 18; D = −3 (诫勉);  S = 94.2, band 好, gate → 一般
        r.cadre("A2", "D1").target("A2", "1", "8", "8", TestRecords.ON_TIME).votes("A2", 8, 2, 0, 0, "90")
                .event("A2", "ADMONISHMENT", null, 1);
        // A3: T = 60×9/10 = 54; A = 20×900/1000 = 18; L = 20; B = 1; D = −2 (1 complaint);
        //     S = 91, band 好, gate → at most 较好
        r.cadre("A3", "D1").target("A3", "1", "10", "9", TestRecords.ON_TIME).votes("A3", 5, 5, 0, 0, "100")
                .event("A3", "AWARD", "CITY", 1).event("A3", "COMPLAINT", null, 1);
        // A4, A5: T = 60; A = 20×980/1000 = 19.6; L = 16;  S = 95.6 each, T 60 each: tie broken by id
        r.cadre("A5", "D1").target("A5", "1", "10", "10", TestRecords.ON_TIME).votes("A5", 9, 1, 0, 0, "80");
        r.cadre("A4", "D1").target("A4", "1", "10", "10", TestRecords.ON_TIME).votes("A4", 9, 1, 0, 0, "80");
        // Order: A1 100 (好), A4 95.6 (好), A5 95.6 (3rd 好 → 较好, rank 3), A2 94.2 (一般), A3 91 (较好).
        // D1: T_d = 50×1/2×80/100 + 50×1/2×0.8 (late) = 20 + 20 = 40; O = 20 (a 工会 secretary's age
        //     does not count); C = 30 × 476.4 / 500 = 28.584 → 28.58; B = 1 (牵头) + 1 (市级示范点) = 2;
        //     S_d = 90.58
        r.deptTarget("D1", "1", "100", "80", TestRecords.ON_TIME).deptTarget("D1", "1", "50", "50", TestRecords.LATE)
                .organization("D1", 50, 10, 2)
                .deptEvent("D1", "JOINT_PROJECT", "LEAD", 1).deptEvent("D1", "DEMO_SITE", "CITY", 1);

        // ---- D2 共青团: three cadres, over-age secretaries ----------------------------------------
        r.department("D2", DeptType.YOUTH_LEAGUE);
        // B1: T = 60; no appraisal: A = 0, L = 0 (explained);  S = 60
        r.cadre("B1", "D2").target("B1", "1", "10", "10", TestRecords.ON_TIME);
        // B2: no target, no appraisal; 3 complaints: D = −6 → clamp +6;  S = 0, gate 较差, no veto
        r.cadre("B2", "D2").event("B2", "COMPLAINT", null, 3);
        // B3: T = 60×10/12 = 50; votes 0/0/0/0: A = 0 (explained); L = 0.2×50 = 10;  S = 60, T 50 → after B1
        r.cadre("B3", "D2").target("B3", "1", "12", "10", TestRecords.ON_TIME).votes("B3", 0, 0, 0, 0, "50");
        // D2: T_d = 0 (no targets); O = 20 − 1 (O2 书记36岁) − 2 − 1 (O3 no members, no activities)
        //     − 1 − 1 (O4 no activities, 书记40岁) = 14; C = 30 × 120 / 300 = 12; B = 0.5 (参与且有实绩)
        //     + 1 (国家级宣传) = 1.5; D = −1 (市级通报批评);  S_d = 26.5
        r.organization("D2", 36, 5, 1).organization("D2", 35, 0, 0).organization("D2", 40, 3, 0)
                .deptEvent("D2", "JOINT_PROJECT", "CONTRIBUTED", 1).deptEvent("D2", "PUBLICITY", "NATIONAL", 1)
                .deptEvent("D2", "CRITICISM", "CITY", 1);

        // ---- D3 妇联: no cadres, a major incident, a score below 0 --------------------------------
        // T_d = 50×5/10 (not done, not late) = 25; O = 20; C = 0 (no cadres); D = −1 (参与未干事)
        // − 25×2 (complaints) = −51;  25 + 20 − 51 = −6 → clamp +6;  S_d = 0, veto
        r.department("D3", DeptType.WOMENS_FEDERATION).deptTarget("D3", "1", "10", "5", null)
                .deptEvent("D3", "JOINT_PROJECT", "NO_CONTRIBUTION", 1).deptEvent("D3", "COMPLAINT", null, 25)
                .deptEvent("D3", "MAJOR_INCIDENT", null, 1);

        // ---- D4 科协: a vetoed cadre, and a department above 105 -----------------------------------
        // E1: T 60 + A 20 + L 20 + B 3 = 103, band 好, SANCTION → 较差, vetoed
        r.department("D4", DeptType.SCIENCE_ASSOCIATION).cadre("E1", "D4")
                .target("E1", "1", "1", "1", TestRecords.ON_TIME).votes("E1", 1, 0, 0, 0, "100")
                .event("E1", "AWARD", "NATIONAL", 1).event("E1", "SANCTION", null, 1);
        // D4: T_d = 50; O = 20; C = 30 × 103 / 100 = 30.9; B = 2 + 1 + 2 + 1 = 6 → cap −1 → 5;
        //     50 + 20 + 30.9 + 5 = 105.9 → clamp −0.9;  S_d = 105
        r.deptTarget("D4", "1", "10", "10", TestRecords.ON_TIME).deptEvent("D4", "AWARD", "PROVINCIAL", 1)
                .deptEvent("D4", "PUBLICITY", "CITY", 5).deptEvent("D4", "DEMO_SITE", "PROVINCIAL", 1)
                .deptEvent("D4", "JOINT_PROJECT", "LEAD", 1);

        // ---- D5 残联: ties with D1 on S_d and T_d --------------------------------------------------
        // F1: T 60 + A 20 + L 0.2×76.35 = 15.27;  S = 95.27
        r.department("D5", DeptType.DISABLED_FEDERATION).cadre("F1", "D5")
                .target("F1", "1", "1", "1", TestRecords.ON_TIME).votes("F1", 1, 0, 0, 0, "76.35");
        // D5: T_d = 50×0.8 (late) = 40; O = 20; C = 30 × 95.27 / 100 = 28.581 → 28.58; B = 1 + 1 = 2;
        //     S_d = 90.58 = S_d of D1 with the same T_d: D1 before D5 by dept_id
        r.deptTarget("D5", "1", "10", "10", TestRecords.LATE)
                .deptEvent("D5", "JOINT_PROJECT", "LEAD", 1).deptEvent("D5", "DEMO_SITE", "CITY", 1);

        // City: N = 5 → q = 2. D4 105 (好), D1 90.58 (好), D5 90.58 (3rd 好 → 较好), D2 26.5, D3 0.
        city = StandardBook.evaluate(r);
    }

    private static void assertCadre(String id, String score, Grade band, Grade gated, Grade fin, int rank,
                                    boolean vetoed) {
        SubjectResult c = cadre(city, id);
        assertThat(c.score()).as(id + " score").isEqualByComparingTo(score);
        assertThat(c.bandGrade()).as(id + " band").isEqualTo(band);
        assertThat(c.gatedGrade()).as(id + " gated").isEqualTo(gated);
        assertThat(c.finalGrade()).as(id + " final").isEqualTo(fin);
        assertThat(c.rank()).as(id + " rank").isEqualTo(rank);
        assertThat(c.vetoed()).as(id + " vetoed").isEqualTo(vetoed);
    }

    @Test
    void cadresOfTheTradeUnionAndTheirQuota() {
        assertCadre("A1", "100", QuarterlyGrades.GOOD, QuarterlyGrades.GOOD, QuarterlyGrades.GOOD, 1, false);
        assertCadre("A4", "95.6", QuarterlyGrades.GOOD, QuarterlyGrades.GOOD, QuarterlyGrades.GOOD, 2, false);
        assertCadre("A5", "95.6", QuarterlyGrades.GOOD, QuarterlyGrades.GOOD, QuarterlyGrades.FAIR, 3, false);
        assertCadre("A2", "94.2", QuarterlyGrades.GOOD, QuarterlyGrades.AVERAGE, QuarterlyGrades.AVERAGE, 4, false);
        assertCadre("A3", "91", QuarterlyGrades.GOOD, QuarterlyGrades.FAIR, QuarterlyGrades.FAIR, 5, false);
        assertThat(cadre(city, "A1").parts()).containsEntry("T", new BigDecimal("56.00"))
                .containsEntry("B", new BigDecimal("5.00"));
        assertThat(cadre(city, "A5").lines()).extracting(l -> ReasonText.chinese(l.reason()))
                .contains("超出\"好\"等次比例(40%,5 名中至多 2 名),部门排名第3,调整为较好");
    }

    @Test
    void cadresOfTheYouthLeague() {
        assertCadre("B1", "60", QuarterlyGrades.AVERAGE, QuarterlyGrades.AVERAGE, QuarterlyGrades.AVERAGE, 1, false);
        assertCadre("B3", "60", QuarterlyGrades.AVERAGE, QuarterlyGrades.AVERAGE, QuarterlyGrades.AVERAGE, 2, false);
        assertCadre("B2", "0", QuarterlyGrades.POOR, QuarterlyGrades.POOR, QuarterlyGrades.POOR, 3, false);
        assertThat(cadre(city, "B1").lines()).extracting(l -> ReasonText.chinese(l.reason()))
                .contains("无民主测评票,民主测评得 0 分", "无领导评价,领导评价得 0 分");
        assertThat(cadre(city, "B2").parts()).containsEntry("D", new BigDecimal("-6.00"))
                .containsEntry("CLAMP", new BigDecimal("6.00"));
    }

    @Test
    void vetoedAndSingleCadres() {
        assertCadre("E1", "103", QuarterlyGrades.GOOD, QuarterlyGrades.POOR, QuarterlyGrades.POOR, 1, true);
        assertCadre("F1", "95.27", QuarterlyGrades.GOOD, QuarterlyGrades.GOOD, QuarterlyGrades.GOOD, 1, false);
    }

    @Test
    void departmentsScoresAndCityRanking() {
        assertDepartment("D4", "105", QuarterlyGrades.GOOD, QuarterlyGrades.GOOD, 1, false);
        assertDepartment("D1", "90.58", QuarterlyGrades.GOOD, QuarterlyGrades.GOOD, 2, false);
        assertDepartment("D5", "90.58", QuarterlyGrades.GOOD, QuarterlyGrades.FAIR, 3, false);
        assertDepartment("D2", "26.5", QuarterlyGrades.POOR, QuarterlyGrades.POOR, 4, false);
        assertDepartment("D3", "0", QuarterlyGrades.POOR, QuarterlyGrades.POOR, 5, true);
        assertThat(department(city, "D1").parts()).containsEntry("T", new BigDecimal("40.00"))
                .containsEntry("O", new BigDecimal("20.00")).containsEntry("C", new BigDecimal("28.58"))
                .containsEntry("B", new BigDecimal("2.00"));
        assertThat(department(city, "D2").parts()).containsEntry("O", new BigDecimal("14.00"))
                .containsEntry("C", new BigDecimal("12.00")).containsEntry("D", new BigDecimal("-1.00"));
        assertThat(department(city, "D4").parts()).containsEntry("C", new BigDecimal("30.90"))
                .containsEntry("CLAMP", new BigDecimal("-0.90"));
        assertThat(department(city, "D3").parts()).containsEntry("CLAMP", new BigDecimal("6.00"));
        // each clamp names the setting it applied (PIT: a clamp naming SCORE_MIN above the maximum survived)
        assertThat(department(city, "D4").lines()).filteredOn(l -> l.part().equals("CLAMP")).singleElement()
                .satisfies(l -> assertThat(l.rule()).isEqualTo("settings.csv:5"));
        assertThat(department(city, "D3").lines()).filteredOn(l -> l.part().equals("CLAMP")).singleElement()
                .satisfies(l -> assertThat(l.rule()).isEqualTo("settings.csv:4"));
    }

    private static void assertDepartment(String id, String score, Grade band, Grade fin, int rank, boolean vetoed) {
        SubjectResult d = department(city, id);
        assertThat(d.score()).as(id + " score").isEqualByComparingTo(score);
        assertThat(d.bandGrade()).as(id + " band").isEqualTo(band);
        assertThat(d.finalGrade()).as(id + " final").isEqualTo(fin);
        assertThat(d.rank()).as(id + " rank").isEqualTo(rank);
        assertThat(d.vetoed()).as(id + " vetoed").isEqualTo(vetoed);
    }

    @Test
    void everySubjectsLinesAndPartsAddUpToItsScore() {
        assertThat(city.subjects()).hasSize(15); // 5 departments, 10 cadres
        for (SubjectResult s : city.subjects()) {
            assertThat(sumOfLines(s)).as(s.subjectId()).isEqualByComparingTo(s.score());
            assertThat(s.parts().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                    .as(s.subjectId()).isEqualByComparingTo(s.score());
            assertThat(s.lines()).allMatch(l -> l.points().scale() == 2);
            assertThat(s.lines()).filteredOn(l -> l.part().equals("GRADE"))
                    .allMatch(l -> l.points().signum() == 0);
        }
        assertThat(city.rulebookVersion()).isEqualTo(StandardBook.get().version());
    }
}
