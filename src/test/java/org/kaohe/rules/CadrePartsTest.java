package org.kaohe.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kaohe.rules.StandardBook.cadre;
import static org.kaohe.rules.StandardBook.onlyLine;
import static org.kaohe.rules.StandardBook.sumOfLines;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kaohe.records.DeptType;
import org.kaohe.records.SourceRef;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.ReasonText;
import org.kaohe.scoring.SubjectResult;
import org.kaohe.testing.TestRecords;

/** One test per cadre rule of docs/scheme.md: given these records, this line with these points and reason. */
class CadrePartsTest {

    private static TestRecords oneCadre() {
        return TestRecords.period().department("D1", DeptType.TRADE_UNION).cadre("C1", "D1");
    }

    private static SubjectResult c1(TestRecords records) {
        SubjectResult result = cadre(StandardBook.evaluate(records), "C1");
        assertThat(sumOfLines(result)).isEqualByComparingTo(result.score());
        return result;
    }

    @Test
    void targetDoneOnTimeEarnsItsWeightShareOfSixty() {
        SubjectResult r = c1(oneCadre().target("C1", "1", "10", "10", TestRecords.ON_TIME));
        ExplanationLine line = onlyLine(r, "T");
        assertThat(line.points()).isEqualByComparingTo("60.00");
        assertThat(line.rule()).isEqualTo("parts.csv:2");
        assertThat(ReasonText.chinese(line.reason())).isEqualTo("目标「任务T1」完成 10/10,权重 1/1");
        assertThat(line.evidence()).containsExactly(new SourceRef("targets.csv", 2));
    }

    @Test
    void targetsShareSixtyByWeightAndRatioEachLineRounded() {
        // 60 × 1/3 × 1/3 = 6.666… → 6.67; 60 × 2/3 × 7/7 = 40.00; T = 46.67
        SubjectResult r = c1(oneCadre()
                .target("C1", "1", "3", "1", TestRecords.ON_TIME)
                .target("C1", "2", "7", "7", TestRecords.ON_TIME));
        assertThat(r.lines().stream().filter(l -> l.part().equals("T")).map(ExplanationLine::points))
                .containsExactly(new java.math.BigDecimal("6.67"), new java.math.BigDecimal("40.00"));
        assertThat(r.parts().get("T")).isEqualByComparingTo("46.67");
    }

    @Test
    void actualAbovePlannedCountsAsFullyDone() {
        assertThat(onlyLine(c1(oneCadre().target("C1", "1", "10", "15", TestRecords.ON_TIME)), "T").points())
                .isEqualByComparingTo("60");
    }

    @Test
    void targetDoneLateEarnsEightTenths() {
        ExplanationLine line = onlyLine(c1(oneCadre().target("C1", "1", "10", "10", TestRecords.LATE)), "T");
        assertThat(line.points()).isEqualByComparingTo("48.00");
        assertThat(line.rule()).isEqualTo("parts.csv:2");
        assertThat(ReasonText.chinese(line.reason())).endsWith(",逾期完成 ×0.8");
    }

    @Test
    void targetNotDoneIsNotLateAndEarnsItsRatio() {
        ExplanationLine line = onlyLine(c1(oneCadre().target("C1", "1", "10", "5", null)), "T");
        assertThat(line.points()).isEqualByComparingTo("30.00");
        assertThat(line.rule()).isEqualTo("parts.csv:2");
    }

    @Test
    void noTargetGivesAnExplainedZero() {
        ExplanationLine line = onlyLine(c1(oneCadre()), "T");
        assertThat(line.points()).isEqualByComparingTo("0");
        assertThat(ReasonText.chinese(line.reason())).contains("无目标任务");
        assertThat(line.evidence()).containsExactly(new SourceRef("cadres.csv", 2));
    }

    @Test
    void democraticAppraisalWeighsTheVotes() {
        // 20 × (100·2 + 80·1) / (100 × 3) = 18.666… → 18.67
        ExplanationLine line = onlyLine(c1(oneCadre().votes("C1", 2, 1, 0, 0, "80")), "A");
        assertThat(line.points()).isEqualByComparingTo("18.67");
        assertThat(ReasonText.chinese(line.reason())).isEqualTo("民主测评 好2/较好1/一般0/较差0 票");
        assertThat(line.evidence()).containsExactly(new SourceRef("appraisals.csv", 2));
    }

    @Test
    void everyKindOfVoteCounts() {
        // 20 × (100 + 80 + 60 + 40) / 400 = 14
        assertThat(onlyLine(c1(oneCadre().votes("C1", 1, 1, 1, 1, null)), "A").points()).isEqualByComparingTo("14");
    }

    @Test
    void noVotesGiveAnExplainedZero() {
        SubjectResult zeroVotes = c1(oneCadre().votes("C1", 0, 0, 0, 0, "70"));
        assertThat(onlyLine(zeroVotes, "A").points()).isEqualByComparingTo("0");
        assertThat(ReasonText.chinese(onlyLine(zeroVotes, "A").reason())).contains("无民主测评票");
        assertThat(onlyLine(zeroVotes, "L").points()).isEqualByComparingTo("14");

        SubjectResult noAppraisal = c1(oneCadre());
        assertThat(onlyLine(noAppraisal, "A").points()).isEqualByComparingTo("0");
    }

    @Test
    void leaderRatingIsOneFifthOfTheScore() {
        ExplanationLine line = onlyLine(c1(oneCadre().votes("C1", 1, 0, 0, 0, "77.5")), "L");
        assertThat(line.points()).isEqualByComparingTo("15.50");
        assertThat(ReasonText.chinese(line.reason())).isEqualTo("领导评价 77.5 分 × 20/100");
    }

    @Test
    void missingLeaderRatingGivesAnExplainedZero() {
        ExplanationLine line = onlyLine(c1(oneCadre().votes("C1", 1, 0, 0, 0, null)), "L");
        assertThat(line.points()).isEqualByComparingTo("0");
        assertThat(ReasonText.chinese(line.reason())).contains("无领导评价");
    }

    @ParameterizedTest(name = "{0} {1} ×{2}: {3} {4}")
    @CsvSource(delimiter = '|', textBlock = """
            AWARD                |NATIONAL  |1|B| 3.00|国家级表彰 ×1 +3
            AWARD                |PROVINCIAL|1|B| 2.00|省级表彰 ×1 +2
            AWARD                |CITY      |2|B| 2.00|市级表彰 ×2 +2
            AWARD                |COUNTY    |1|B| 0.50|县级表彰 ×1 +0.5
            PUBLICITY            |NATIONAL  |1|B| 1.00|国家级宣传信息采用 ×1 +1
            PUBLICITY            |PROVINCIAL|1|B| 0.50|省级宣传信息采用 ×1 +0.5
            PUBLICITY            |CITY      |3|B| 0.60|市级宣传信息采用 ×3 +0.6
            COMMITMENT_BREACH    |          |1|D|-1.00|违反"五个一"服务承诺 ×1 −1
            COMPLAINT            |          |1|D|-2.00|有效投诉 ×1 −2
            OVERDUE              |          |3|D|-1.50|限时办结超期 ×3 −1.5
            FIRST_INQUIRY_BREACH |          |1|D|-1.00|违反首问负责制 ×1 −1
            CRITICISM            |PROVINCIAL|1|D|-1.50|省级通报批评 ×1 −1.5
            CRITICISM            |CITY      |1|D|-1.00|市级通报批评 ×1 −1
            CRITICISM            |DEPARTMENT|2|D|-1.00|单位内部通报批评 ×2 −1
            ADMONISHMENT         |          |1|D|-3.00|诫勉 ×1 −3
            """)
    void eventGivesUnitPointsTimesCount(String kind, String level, int count, String part, String points,
                                        String reason) {
        SubjectResult r = c1(oneCadre().event("C1", kind, level, count));
        ExplanationLine line = onlyLine(r, part);
        assertThat(line.points()).isEqualByComparingTo(points);
        assertThat(ReasonText.chinese(line.reason())).isEqualTo(reason);
        assertThat(line.evidence()).containsExactly(new SourceRef("events.csv", 2));
    }

    @ParameterizedTest(name = "{0} {1} is not a cadre item")
    @CsvSource({"SANCTION,", "MAJOR_INCIDENT,", "DEMO_SITE,CITY", "JOINT_PROJECT,LEAD", "JOINT_PROJECT,NO_CONTRIBUTION",
            "NEW_KIND_NOT_IN_TABLES,"})
    void eventsThatAreNotCadreItemsGiveNoPoints(String kind, String level) {
        SubjectResult r = c1(oneCadre().event("C1", kind, level, 1));
        assertThat(r.lines()).noneMatch(l -> l.part().equals("B") || l.part().equals("D"));
        assertThat(r.score()).isEqualByComparingTo("0");
    }

    @Test
    void keyWorkDoneToOnePointTwoTimesPlannedEarnsOneBonusPoint() {
        SubjectResult r = c1(oneCadre().keyWork("C1", "1", "10", "12"));
        ExplanationLine line = onlyLine(r, "B");
        assertThat(line.points()).isEqualByComparingTo("1");
        assertThat(line.rule()).isEqualTo("bonus-points.csv:9");
        assertThat(ReasonText.chinese(line.reason())).startsWith("超额完成重点工作「任务T1」");
        assertThat(onlyLine(r, "T").points()).isEqualByComparingTo("60");
    }

    @Test
    void keyWorkBelowOnePointTwoTimesPlannedEarnsNoBonus() {
        assertThat(c1(oneCadre().keyWork("C1", "1", "10", "11.99")).lines()).noneMatch(l -> l.part().equals("B"));
        assertThat(c1(oneCadre().target("C1", "1", "10", "20", TestRecords.ON_TIME)).lines())
                .as("not key work").noneMatch(l -> l.part().equals("B"));
    }

    @Test
    void bonusAboveFiveIsCutByACapLine() {
        // 2 national awards: 6 → cap line −1 → B = 5
        SubjectResult r = c1(oneCadre().event("C1", "AWARD", "NATIONAL", 2).event("C1", "PUBLICITY", "CITY", 1));
        var capLines = r.lines().stream().filter(l -> l.rule().equals("parts.csv:5")).toList();
        assertThat(capLines).hasSize(1);
        assertThat(capLines.get(0).part()).isEqualTo("B");
        assertThat(capLines.get(0).points()).isEqualByComparingTo("-1.20");
        assertThat(ReasonText.chinese(capLines.get(0).reason())).isEqualTo("加分合计 6.2 超过上限 5,核减 1.2");
        assertThat(r.parts().get("B")).isEqualByComparingTo("5");
        assertThat(r.score()).isEqualByComparingTo("5");
    }

    @Test
    void bonusOfExactlyFiveIsNotCut() {
        SubjectResult r = c1(oneCadre().event("C1", "AWARD", "NATIONAL", 1).event("C1", "AWARD", "PROVINCIAL", 1));
        assertThat(r.lines()).noneMatch(l -> l.rule().equals("parts.csv:5"));
        assertThat(r.parts().get("B")).isEqualByComparingTo("5");
    }

    @Test
    void scoreBelowZeroIsClampedByALine() {
        // nothing earned, two admonishments: −6 → clamp +6 → S = 0
        SubjectResult r = c1(oneCadre().event("C1", "ADMONISHMENT", null, 2));
        ExplanationLine clamp = onlyLine(r, "CLAMP");
        assertThat(clamp.points()).isEqualByComparingTo("6");
        assertThat(ReasonText.chinese(clamp.reason())).isEqualTo("合计 -6 低于最低分 0,按 0 计");
        assertThat(clamp.rule()).as("the setting that clamps: SCORE_MIN").isEqualTo("settings.csv:4");
        assertThat(r.parts().get("D")).isEqualByComparingTo("-6");
        assertThat(r.score()).isEqualByComparingTo("0");
    }

    @Test
    void fullMarksReachOneHundredFiveWithoutAClamp() {
        // 60 + 20 + 20 + 5: the default numbers never exceed the maximum
        SubjectResult r = c1(oneCadre().target("C1", "1", "1", "1", TestRecords.ON_TIME).votes("C1", 9, 0, 0, 0, "100")
                .event("C1", "AWARD", "NATIONAL", 2));
        assertThat(r.score()).isEqualByComparingTo("105");
        assertThat(r.lines()).noneMatch(l -> l.part().equals("CLAMP"));
    }
}
