package org.kaohe.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kaohe.rules.StandardBook.cadre;
import static org.kaohe.rules.StandardBook.department;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kaohe.records.DeptType;
import org.kaohe.scoring.EvaluationOutcome;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.QuarterlyGrades;
import org.kaohe.scoring.ReasonText;
import org.kaohe.scoring.SubjectResult;
import org.kaohe.testing.TestRecords;

/** docs/scheme.md and §5 grade: bands, gates in order, veto, the quota of 好 and the rank. */
class GradesTest {

    /**
     * A cadre scoring 40 + t: one target of planned 60 done to t (T = t), one 好 vote (A = 20),
     * leader rating 100 (L = 20).
     */
    private static TestRecords cadreScoring(TestRecords records, String id, String dept, String t) {
        return records.cadre(id, dept).target(id, "1", "60", t, TestRecords.ON_TIME).votes(id, 1, 0, 0, 0, "100");
    }

    private static TestRecords oneDepartment() {
        return TestRecords.period().department("D1", DeptType.TRADE_UNION);
    }

    @ParameterizedTest(name = "S = 40 + {0} → {1}")
    @CsvSource({"50,好", "49.99,较好", "40,较好", "39.99,一般", "20,一般", "19.99,较差"})
    void scoreBandsAreInclusiveAtTheirLowerBound(String t, String grade) {
        SubjectResult r = cadre(StandardBook.evaluate(cadreScoring(oneDepartment(), "C1", "D1", t)), "C1");
        assertThat(r.bandGrade()).isEqualTo(org.kaohe.scoring.GradeScale.QUARTERLY.find(grade).orElseThrow());
        assertThat(r.finalGrade()).isEqualTo(org.kaohe.scoring.GradeScale.QUARTERLY.find(grade).orElseThrow());
    }

    @Test
    void sanctionVetoesAGoodScore() {
        SubjectResult r = cadre(StandardBook.evaluate(
                cadreScoring(oneDepartment(), "C1", "D1", "60").event("C1", "SANCTION", null, 1)), "C1");
        assertThat(r.score()).isEqualByComparingTo("100");
        assertThat(r.bandGrade()).isEqualTo(QuarterlyGrades.GOOD);
        assertThat(r.gatedGrade()).isEqualTo(QuarterlyGrades.POOR);
        assertThat(r.finalGrade()).isEqualTo(QuarterlyGrades.POOR);
        assertThat(r.vetoed()).isTrue();
        ExplanationLine veto = StandardBook.onlyLine(r, "GRADE");
        assertThat(veto.rule()).isEqualTo("gates.csv:2");
        assertThat(ReasonText.chinese(veto.reason())).isEqualTo("党纪政务处分 ×1:一票否决,等次定为较差");
    }

    @Test
    void threeComplaintUnitsMakeAPoorGradeWithoutVeto() {
        // two records, 1 + 2 units; D = −6, S = 100 − 6 = 94 (好 by band)
        SubjectResult r = cadre(StandardBook.evaluate(cadreScoring(oneDepartment(), "C1", "D1", "60")
                .event("C1", "COMPLAINT", null, 1).event("C1", "COMPLAINT", null, 2)), "C1");
        assertThat(r.score()).isEqualByComparingTo("94");
        assertThat(r.bandGrade()).isEqualTo(QuarterlyGrades.GOOD);
        assertThat(r.gatedGrade()).isEqualTo(QuarterlyGrades.POOR);
        assertThat(r.vetoed()).isFalse();
        ExplanationLine gate = StandardBook.onlyLine(r, "GRADE");
        assertThat(ReasonText.chinese(gate.reason())).isEqualTo("有效投诉 ×3:等次定为较差");
        assertThat(gate.evidence()).hasSize(2);
    }

    @Test
    void oneOrTwoComplaintUnitsCapTheGradeAtFair() {
        SubjectResult good = cadre(StandardBook.evaluate(cadreScoring(oneDepartment(), "C1", "D1", "60")
                .event("C1", "COMPLAINT", null, 2)), "C1");
        assertThat(good.score()).isEqualByComparingTo("96");
        assertThat(good.gatedGrade()).isEqualTo(QuarterlyGrades.FAIR);
        assertThat(ReasonText.chinese(StandardBook.onlyLine(good, "GRADE").reason())).isEqualTo("有效投诉 ×2:等次最高为较好");

        // a gate only lowers: an 一般 band stays 一般
        SubjectResult average = cadre(StandardBook.evaluate(cadreScoring(oneDepartment(), "C1", "D1", "30")
                .event("C1", "COMPLAINT", null, 1)), "C1");
        assertThat(average.bandGrade()).isEqualTo(QuarterlyGrades.AVERAGE);
        assertThat(average.gatedGrade()).isEqualTo(QuarterlyGrades.AVERAGE);
    }

    @Test
    void admonishmentCapsTheGradeAtAverage() {
        SubjectResult r = cadre(StandardBook.evaluate(cadreScoring(oneDepartment(), "C1", "D1", "60")
                .event("C1", "ADMONISHMENT", null, 1)), "C1");
        assertThat(r.score()).isEqualByComparingTo("97");
        assertThat(r.gatedGrade()).isEqualTo(QuarterlyGrades.AVERAGE);
        assertThat(ReasonText.chinese(StandardBook.onlyLine(r, "GRADE").reason())).isEqualTo("诫勉 ×1:等次最高为一般");
    }

    @Test
    void gateLinesFollowTheRulebookOrder() {
        SubjectResult r = cadre(StandardBook.evaluate(cadreScoring(oneDepartment(), "C1", "D1", "60")
                .event("C1", "ADMONISHMENT", null, 1).event("C1", "COMPLAINT", null, 1)
                .event("C1", "SANCTION", null, 1)), "C1");
        assertThat(r.lines().stream().filter(l -> l.part().equals("GRADE")).map(l -> ReasonText.chinese(l.reason()))).containsExactly(
                "党纪政务处分 ×1:一票否决,等次定为较差", "诫勉 ×1:等次最高为一般", "有效投诉 ×1:等次最高为较好");
        assertThat(r.finalGrade()).isEqualTo(QuarterlyGrades.POOR);
    }

    @ParameterizedTest(name = "{0} cadres → at most {1} 好")
    @CsvSource({"1,1", "2,1", "3,1", "4,2", "5,2", "7,3", "10,4"})
    void quotaIsFortyPercentRoundedHalfUpAndAtLeastOne(int n, int quota) {
        TestRecords records = oneDepartment();
        for (int i = 1; i <= n; i++) {
            cadreScoring(records, "C" + (char) ('A' + i), "D1", String.valueOf(50 + i)); // all 好, distinct S
        }
        EvaluationOutcome outcome = StandardBook.evaluate(records);
        var cadres = outcome.subjects().stream().filter(s -> s.deptId().equals("D1") && s.subjectType()
                == org.kaohe.records.SubjectType.CADRE).toList();
        assertThat(cadres).allMatch(c -> QuarterlyGrades.GOOD.equals(c.gatedGrade()));
        assertThat(cadres.stream().filter(c -> QuarterlyGrades.GOOD.equals(c.finalGrade())).count()).isEqualTo(quota);
        assertThat(cadres).filteredOn(c -> QuarterlyGrades.GOOD.equals(c.finalGrade())).allMatch(c -> c.rank() <= quota);
    }

    @Test
    void tiesAreBrokenByTargetsThenByIdAndTheQuotaLineNamesTheRank() {
        // CX: T 50 + A 20 + L 20 + B 5 (national + provincial award) = 95
        // CA, CB: T 55 + 20 + 20 = 95. Order: CA, CB (T 55, by id), then CX (T 50). n = 3 → q = 1.
        TestRecords records = oneDepartment();
        cadreScoring(records, "CX", "D1", "50").event("CX", "AWARD", "NATIONAL", 1).event("CX", "AWARD", "PROVINCIAL", 1);
        cadreScoring(records, "CB", "D1", "55");
        cadreScoring(records, "CA", "D1", "55");
        EvaluationOutcome outcome = StandardBook.evaluate(records);
        SubjectResult ca = cadre(outcome, "CA");
        SubjectResult cb = cadre(outcome, "CB");
        SubjectResult cx = cadre(outcome, "CX");
        assertThat(ca.score()).isEqualByComparingTo(cx.score()).isEqualByComparingTo("95");
        assertThat(ca.rank()).isEqualTo(1);
        assertThat(cb.rank()).isEqualTo(2);
        assertThat(cx.rank()).isEqualTo(3);
        assertThat(ca.finalGrade()).isEqualTo(QuarterlyGrades.GOOD);
        assertThat(cb.finalGrade()).isEqualTo(QuarterlyGrades.FAIR);
        assertThat(cx.finalGrade()).isEqualTo(QuarterlyGrades.FAIR);
        ExplanationLine quota = StandardBook.onlyLine(cb, "GRADE");
        assertThat(quota.rule()).isEqualTo("grades.csv:2");
        assertThat(quota.points()).isEqualByComparingTo("0");
        assertThat(ReasonText.chinese(quota.reason())).isEqualTo("超出\"好\"等次比例(40%,3 名中至多 1 名),部门排名第2,调整为较好");
    }

    @Test
    void gatedCadresDoNotUseTheQuota() {
        // five 好 scores; the best is vetoed, so the quota of 2 goes to ranks 2 and 3
        TestRecords records = oneDepartment();
        for (int i = 1; i <= 5; i++) {
            cadreScoring(records, "C" + i, "D1", String.valueOf(60 - i));
        }
        records.event("C1", "SANCTION", null, 1);
        EvaluationOutcome outcome = StandardBook.evaluate(records);
        assertThat(cadre(outcome, "C1").finalGrade()).isEqualTo(QuarterlyGrades.POOR);
        assertThat(cadre(outcome, "C2").finalGrade()).isEqualTo(QuarterlyGrades.GOOD);
        assertThat(cadre(outcome, "C3").finalGrade()).isEqualTo(QuarterlyGrades.GOOD);
        assertThat(cadre(outcome, "C4").finalGrade()).isEqualTo(QuarterlyGrades.FAIR);
        assertThat(cadre(outcome, "C5").finalGrade()).isEqualTo(QuarterlyGrades.FAIR);
    }

    @Test
    void departmentsAreRankedCityWideWithTheirOwnQuota() {
        // each department: T_d 50, O 20, one cadre of S 100 → C 30: S_d = 100, all tied → by dept_id
        TestRecords records = TestRecords.period();
        for (String d : new String[] {"D3", "D1", "D2"}) {
            records.department(d, DeptType.WOMENS_FEDERATION).deptTarget(d, "1", "1", "1", TestRecords.ON_TIME);
            cadreScoring(records, "C" + d, d, "60");
        }
        EvaluationOutcome outcome = StandardBook.evaluate(records);
        assertThat(department(outcome, "D1").score()).isEqualByComparingTo("100");
        assertThat(department(outcome, "D1").rank()).isEqualTo(1);
        assertThat(department(outcome, "D2").rank()).isEqualTo(2);
        assertThat(department(outcome, "D3").rank()).isEqualTo(3);
        assertThat(department(outcome, "D1").finalGrade()).isEqualTo(QuarterlyGrades.GOOD);
        assertThat(department(outcome, "D2").finalGrade()).isEqualTo(QuarterlyGrades.FAIR);
        assertThat(ReasonText.chinese(StandardBook.onlyLine(department(outcome, "D3"), "GRADE").reason()))
                .isEqualTo("超出\"好\"等次比例(40%,3 名中至多 1 名),全市排名第3,调整为较好");
        assertThat(department(outcome, "D2").deptId()).isEqualTo("D2");
        assertThat(department(outcome, "D2").name()).isEqualTo("部门D2");
    }
}
