package org.kaohe.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kaohe.rules.StandardBook.department;
import static org.kaohe.rules.StandardBook.onlyLine;
import static org.kaohe.rules.StandardBook.sumOfLines;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kaohe.records.DeptType;
import org.kaohe.records.SourceRef;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.QuarterlyGrades;
import org.kaohe.scoring.ReasonText;
import org.kaohe.scoring.SubjectResult;
import org.kaohe.testing.TestRecords;

/** One test per department rule of docs/scheme.md. */
class DepartmentPartsTest {

    private static TestRecords league() {
        return TestRecords.period().department("D1", DeptType.YOUTH_LEAGUE);
    }

    private static SubjectResult d1(TestRecords records) {
        SubjectResult result = department(StandardBook.evaluate(records), "D1");
        assertThat(sumOfLines(result)).isEqualByComparingTo(result.score());
        return result;
    }

    private static java.util.List<ExplanationLine> lines(SubjectResult r, String part) {
        return r.lines().stream().filter(l -> l.part().equals(part)).toList();
    }

    @Test
    void departmentTargetsShareFifty() {
        SubjectResult r = d1(league().deptTarget("D1", "3", "10", "10", TestRecords.ON_TIME)
                .deptTarget("D1", "1", "10", "10", TestRecords.LATE));
        // 50 × 3/4 = 37.5; 50 × 1/4 × 0.8 = 10
        assertThat(lines(r, "T")).extracting(ExplanationLine::points)
                .containsExactly(new BigDecimal("37.50"), new BigDecimal("10.00"));
        assertThat(r.parts().get("T")).isEqualByComparingTo("47.5");
    }

    @Test
    void departmentWithoutTargetsGetsAnExplainedZero() {
        assertThat(ReasonText.chinese(onlyLine(d1(league()), "T").reason())).contains("无目标任务");
    }

    @Test
    void organizationBuildingStartsFromTwenty() {
        SubjectResult r = d1(league().organization("D1", 30, 10, 2));
        ExplanationLine base = onlyLine(r, "O");
        assertThat(base.points()).isEqualByComparingTo("20");
        assertThat(ReasonText.chinese(base.reason())).isEqualTo("组织建设基础分 +20");
    }

    @Test
    void eachShortfallOfAnOrganizationIsDeducted() {
        // O1: no members −2; O2: no activities −1; O3 league secretary 36 −1; O4 secretary 35: nothing
        SubjectResult r = d1(league().organization("D1", 30, 0, 3).organization("D1", 30, 8, 0)
                .organization("D1", 36, 8, 3).organization("D1", 35, 8, 3));
        assertThat(lines(r, "O")).extracting(l -> ReasonText.chinese(l.reason())).containsExactly(
                "组织建设基础分 +20", "组织「O1」有组织无人员 −2", "组织「O2」有组织无活动 −1", "组织「O3」书记超龄(36岁) −1");
        assertThat(lines(r, "O").get(1).evidence()).containsExactly(new SourceRef("organizations.csv", 2));
        assertThat(r.parts().get("O")).isEqualByComparingTo("16");
    }

    @Test
    void overAgeSecretariesCountOnlyInTheYouthLeague() {
        SubjectResult r = d1(TestRecords.period().department("D1", DeptType.TRADE_UNION).organization("D1", 50, 8, 3));
        assertThat(r.parts().get("O")).isEqualByComparingTo("20");
    }

    @Test
    void organizationBuildingNeverGoesBelowZero() {
        // 8 organizations with neither members nor activities: 20 − 8 × 3 = −4 → floor line +4
        TestRecords records = league();
        for (int i = 0; i < 8; i++) {
            records.organization("D1", 30, 0, 0);
        }
        SubjectResult r = d1(records);
        ExplanationLine floor = lines(r, "O").get(lines(r, "O").size() - 1);
        assertThat(floor.rule()).isEqualTo("parts.csv:8");
        assertThat(floor.points()).isEqualByComparingTo("4");
        assertThat(r.parts().get("O")).isEqualByComparingTo("0");
    }

    @Test
    void cadrePerformanceIsThirtyTimesTheMeanCadreScoreOverAHundred() {
        // C1 = 18 (votes only: A = 18), C2 = 0.5 (a county award): C = 30 × 18.5 / 200 = 2.775 → 2.78
        SubjectResult r = d1(league().cadre("C1", "D1").cadre("C2", "D1").votes("C1", 6, 3, 1, 0, null)
                .event("C2", "AWARD", "COUNTY", 1));
        ExplanationLine c = onlyLine(r, "C");
        assertThat(c.points()).isEqualByComparingTo("2.78");
        assertThat(c.evidence()).containsExactly(new SourceRef("cadres.csv", 2), new SourceRef("cadres.csv", 3));
        assertThat(c.reason().key()).isEqualTo("line.cadreMean");
        assertThat(ReasonText.chinese(c.reason())).endsWith(":2 名干部平均得分 9.25,×30/100");
    }

    @Test
    void aMeanThatIsNotExactReadsAsRounded() {
        // C1 = 18, C2 = 0.5, C3 = 0: the mean 6.1666… reads 6.17…; C = 30 × 18.5 / 300 = 1.85
        SubjectResult r = d1(league().cadre("C1", "D1").cadre("C2", "D1").cadre("C3", "D1")
                .votes("C1", 6, 3, 1, 0, null).event("C2", "AWARD", "COUNTY", 1));
        ExplanationLine c = onlyLine(r, "C");
        assertThat(c.points()).isEqualByComparingTo("1.85");
        assertThat(c.reason().key()).isEqualTo("line.cadreMean.approx");
        assertThat(ReasonText.chinese(c.reason())).endsWith(":3 名干部平均得分 6.17…,×30/100");
        assertThat(ReasonText.of(c.reason(), java.util.Locale.ENGLISH)).endsWith(": mean score of 3 cadres 6.17…, ×30/100");
    }

    @Test
    void departmentWithoutCadresGetsAnExplainedZero() {
        ExplanationLine c = onlyLine(d1(league()), "C");
        assertThat(c.points()).isEqualByComparingTo("0");
        assertThat(ReasonText.chinese(c.reason())).contains("部门无干部");
    }

    @ParameterizedTest(name = "{0} {1} ×{2}: {3} {4}")
    @CsvSource(delimiter = '|', textBlock = """
            AWARD        |NATIONAL       |1|B| 3.00|国家级表彰 ×1 +3
            AWARD        |CITY           |1|B| 1.00|市级表彰 ×1 +1
            PUBLICITY    |PROVINCIAL     |2|B| 1.00|省级宣传信息采用 ×2 +1
            DEMO_SITE    |PROVINCIAL     |1|B| 2.00|省级示范点 ×1 +2
            DEMO_SITE    |CITY           |1|B| 1.00|市级示范点 ×1 +1
            JOINT_PROJECT|LEAD           |1|B| 1.00|牵头资源整合项目 ×1 +1
            JOINT_PROJECT|CONTRIBUTED    |1|B| 0.50|参与且有实绩资源整合项目 ×1 +0.5
            JOINT_PROJECT|NO_CONTRIBUTION|2|D|-2.00|参与未干事资源整合项目 ×2 −2
            COMPLAINT    |               |1|D|-2.00|有效投诉 ×1 −2
            CRITICISM    |CITY           |1|D|-1.00|市级通报批评 ×1 −1
            """)
    void departmentEventGivesUnitPointsTimesCount(String kind, String level, int count, String part, String points,
                                                  String reason) {
        ExplanationLine line = onlyLine(d1(league().deptEvent("D1", kind, level, count)), part);
        assertThat(line.points()).isEqualByComparingTo(points);
        assertThat(ReasonText.chinese(line.reason())).isEqualTo(reason);
    }

    @ParameterizedTest(name = "{0} is not a department item")
    @CsvSource({"COMMITMENT_BREACH", "OVERDUE", "FIRST_INQUIRY_BREACH", "ADMONISHMENT", "SANCTION"})
    void cadreOnlyEventsGiveADepartmentNoPoints(String kind) {
        SubjectResult r = d1(league().deptEvent("D1", kind, null, 1));
        assertThat(r.lines()).noneMatch(l -> l.part().equals("B") || l.part().equals("D"));
        assertThat(r.score()).isEqualByComparingTo("20");
        assertThat(r.gatedGrade()).isEqualTo(r.bandGrade());
    }

    @Test
    void departmentBonusIsCappedAtFive() {
        SubjectResult r = d1(league().deptEvent("D1", "DEMO_SITE", "PROVINCIAL", 3));
        assertThat(r.parts().get("B")).isEqualByComparingTo("5");
        assertThat(r.lines()).filteredOn(l -> l.rule().equals("parts.csv:10")).singleElement()
                .extracting(ExplanationLine::points).isEqualTo(new BigDecimal("-1.00"));
    }

    @Test
    void departmentScoreBelowZeroIsClamped() {
        // O 20, eleven complaints −22: −2 → clamp +2
        SubjectResult r = d1(league().deptEvent("D1", "COMPLAINT", null, 11));
        assertThat(onlyLine(r, "CLAMP").points()).isEqualByComparingTo("2");
        assertThat(r.score()).isEqualByComparingTo("0");
        assertThat(r.gatedGrade()).as("complaints gate cadres only").isEqualTo(QuarterlyGrades.POOR);
        assertThat(r.vetoed()).isFalse();
    }

    @Test
    void majorIncidentVetoesTheDepartment() {
        SubjectResult r = d1(league().deptTarget("D1", "1", "1", "1", TestRecords.ON_TIME)
                .deptEvent("D1", "DEMO_SITE", "PROVINCIAL", 3).deptEvent("D1", "MAJOR_INCIDENT", null, 1));
        // 50 + 20 + 0 + 5 = 75 → band 一般, veto → 较差
        assertThat(r.score()).isEqualByComparingTo("75");
        assertThat(r.bandGrade()).isEqualTo(QuarterlyGrades.AVERAGE);
        assertThat(r.gatedGrade()).isEqualTo(QuarterlyGrades.POOR);
        assertThat(r.finalGrade()).isEqualTo(QuarterlyGrades.POOR);
        assertThat(r.vetoed()).isTrue();
        ExplanationLine veto = onlyLine(r, "GRADE");
        assertThat(veto.points()).isEqualByComparingTo("0");
        assertThat(ReasonText.chinese(veto.reason())).isEqualTo("重大事故或群体性事件 ×1:一票否决,等次定为较差");
        assertThat(veto.evidence()).hasSize(1);
    }
}
