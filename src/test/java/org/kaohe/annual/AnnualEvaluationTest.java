package org.kaohe.annual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.kaohe.records.AnnualAppraisal;
import org.kaohe.records.Period;
import org.kaohe.records.SourceRef;
import org.kaohe.records.SubjectType;
import org.kaohe.rules.RulebookCompiler;
import org.kaohe.rules.RulebookInvalidException;
import org.kaohe.rules.RulebookSource;
import org.kaohe.rules.book.AnnualRules;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.GradeScale;
import org.kaohe.scoring.ReasonText;
import org.kaohe.scoring.SubjectResult;

/**
 * The annual scheme of the real rulebook ({@code rules/}), one rule at a time, on quarters built by
 * hand: every expected figure below is worked out in the comment beside it.
 */
class AnnualEvaluationTest {

    private static final int YEAR = 2026;

    /** The quarters being built: per quarter, the subjects' results and the kinds of item they had. */
    private final Map<Integer, List<SubjectResult>> quarters = new TreeMap<>();
    private final Map<Integer, Map<String, Map<String, List<SourceRef>>>> items = new HashMap<>();
    private final Map<String, AnnualAppraisal> appraisals = new HashMap<>();

    // --- Q and E -------------------------------------------------------------------------------

    @Test
    void qIsTheWeightTimesTheMeanOfTheQuarterlyScoresRoundedOnce() {
        // 0.7 × (85.01 + 90.00 + 77.77) / 3 = 0.7 × 252.78 / 3 = 58.982 → 58.98
        cadre("C1", "D1", 1, "85.01").cadre("C1", "D1", 2, "90.00").cadre("C1", "D1", 4, "77.77");
        SubjectResult c1 = evaluate("C1");
        assertThat(c1.parts().get("Q")).isEqualByComparingTo("58.98");
        ExplanationLine q = line(c1, "Q");
        assertThat(q.rule()).isEqualTo("annual-settings.csv:2");
        assertThat(ReasonText.chinese(q.reason())).contains("2026-Q1 run #101 S=85.01", "2026-Q2 run #102 S=90.00",
                "2026-Q4 run #104 S=77.77");
    }

    @Test
    void qOnAHalfCentRoundsUp() {
        // 0.7 × (80.25 + 80.00) / 2 = 0.7 × 80.125 = 56.0875 → 56.09; and 0.7 × 80.05 = 56.035 → 56.04
        cadre("C1", "D1", 1, "80.25").cadre("C1", "D1", 2, "80.00");
        cadre("C2", "D1", 1, "80.05").cadre("C2", "D1", 2, "80.05");
        assertThat(evaluate("C1").parts().get("Q")).isEqualByComparingTo("56.09");
        assertThat(evaluate("C2").parts().get("Q")).isEqualByComparingTo("56.04");
    }

    @Test
    void eWeighsTheFourVotesExactly() {
        // 30 × (100·5 + 80·29) / (100 × 34) = 30 × 2820 / 3400 = 24.882… → 24.88
        fourQuarters("C1", "D1", "80.00");
        appraisal("C1", 5, 29, 0, 0, 2);
        SubjectResult c1 = evaluate("C1");
        assertThat(c1.parts().get("E")).isEqualByComparingTo("24.88");
        assertThat(line(c1, "E").evidence()).containsExactly(new SourceRef("annual-appraisals.csv", 2));
        // 30 × (100·1 + 80·1 + 50·1 + 0·1) / (100 × 4) = 30 × 230 / 400 = 17.25
        fourQuarters("C2", "D1", "80.00");
        appraisal("C2", 1, 1, 1, 1, 3);
        assertThat(evaluate("C2").parts().get("E")).isEqualByComparingTo("17.25");
        assertThat(evaluate("C2").score()).isEqualByComparingTo("73.25"); // Y = Q + E = 56.00 + 17.25
    }

    @Test
    void noAppraisalRowOrNoVotesGiveEZeroWithALineSayingSo() {
        fourQuarters("C1", "D1", "80.00");
        fourQuarters("C2", "D1", "80.00");
        appraisal("C2", 0, 0, 0, 0, 2);
        assertThat(evaluate("C1").parts().get("E")).isEqualByComparingTo("0");
        assertThat(ReasonText.chinese(line(evaluate("C1"), "E").reason())).contains("没有此干部", "0");
        assertThat(ReasonText.chinese(line(evaluate("C2"), "E").reason())).contains("票数为 0");
        assertThat(evaluate("C1").score()).isEqualByComparingTo("56.00");
    }

    // --- grades --------------------------------------------------------------------------------

    @Test
    void aCadreWithAResultInOneQuarterIsNotGradedButScored() {
        // One quarter: Q = 0.7 × 100 = 70, E = 30 → Y 100.00, yet 不定等次, no rank, not counted in D1's quota.
        cadre("C1", "D1", 3, "100.00");
        appraisal("C1", 10, 0, 0, 0, 2);
        fourQuarters("C2", "D1", "100.00");
        appraisal("C2", 10, 0, 0, 0, 3);
        SubjectResult c1 = evaluate("C1");
        assertThat(c1.score()).isEqualByComparingTo("100.00");
        assertThat(c1.finalGrade().label()).isEqualTo("不定等次");
        assertThat(c1.rank()).isZero();
        assertThat(ReasonText.chinese(line(c1, "GRADE").reason())).contains("不定等次", "1 个季度");
        // C2 alone is graded in D1: n = 1, q = max(1, floor(0.2)) = 1, 优秀 kept, rank 1.
        assertThat(evaluate("C2").finalGrade().label()).isEqualTo("优秀");
        assertThat(evaluate("C2").rank()).isEqualTo(1);
    }

    @Test
    void bandsAreNinetySeventySixty() {
        // Q only (no appraisal row): Y = 0.7 × S. S = 128.58 is out of a quarter's range but exercises the band edge:
        // 0.7 × 128.58 = 90.006 → 90.01 优秀; 0.7 × 100 = 70.00 称职; 0.7 × 85.70 = 59.99 不称职; 0.7 × 85.72 = 60.004 → 60.00 基本称职
        fourQuarters("C1", "D1", "128.58");
        fourQuarters("C2", "D2", "100.00");
        fourQuarters("C3", "D3", "85.72");
        fourQuarters("C4", "D4", "85.70");
        assertThat(evaluate("C1").finalGrade().label()).isEqualTo("优秀");
        assertThat(evaluate("C2").finalGrade().label()).isEqualTo("称职");
        assertThat(evaluate("C3").finalGrade().label()).isEqualTo("基本称职");
        assertThat(evaluate("C4").finalGrade().label()).isEqualTo("不称职");
        assertThat(evaluate("C4").score()).isEqualByComparingTo("59.99");
    }

    @Test
    void aSanctionInAnyQuarterIsAVetoToIncompetent() {
        fourQuarters("C1", "D1", "100.00");
        appraisal("C1", 10, 0, 0, 0, 2);
        item(3, "C1", "SANCTION", 7);
        SubjectResult c1 = evaluate("C1");
        assertThat(c1.bandGrade().label()).isEqualTo("优秀");
        assertThat(c1.finalGrade().label()).isEqualTo("不称职");
        assertThat(c1.vetoed()).isTrue();
        assertThat(line(c1, "GRADE").rule()).isEqualTo("annual-gates.csv:2");
        assertThat(ReasonText.chinese(line(c1, "GRADE").reason())).contains("一票否决", "2026-Q3", "events.csv:7");
    }

    @Test
    void twoQuartersOfTheLowestQuarterlyGradeCapAtBasicOneAtCompetent() {
        fourQuarters("C1", "D1", "100.00", "较差", "较差", "好", "好");
        appraisal("C1", 10, 0, 0, 0, 2);
        fourQuarters("C2", "D2", "100.00", "好", "较差", "好", "好");
        appraisal("C2", 10, 0, 0, 0, 3);
        fourQuarters("C3", "D3", "100.00", "较好", "一般", "好", "好");
        appraisal("C3", 10, 0, 0, 0, 4);
        assertThat(evaluate("C1").finalGrade().label()).isEqualTo("基本称职");
        assertThat(line(evaluate("C1"), "GRADE").rule()).isEqualTo("annual-gates.csv:3");
        assertThat(evaluate("C2").finalGrade().label()).isEqualTo("称职");
        assertThat(line(evaluate("C2"), "GRADE").rule()).isEqualTo("annual-gates.csv:4");
        assertThat(evaluate("C3").finalGrade().label()).isEqualTo("优秀");
        assertThat(evaluate("C1").vetoed()).isFalse();
    }

    @Test
    void theLowestQuarterlyGradeIsTheLowestOfEachQuartersOwnScale() {
        // Quarters graded on a renamed scale (优/良/中/差): 差 twice is still "the lowest quarterly grade" twice.
        GradeScale renamed = new GradeScale(List.of(new org.kaohe.scoring.Grade("A", "优", 0),
                new org.kaohe.scoring.Grade("B", "良", 1), new org.kaohe.scoring.Grade("C", "中", 2),
                new org.kaohe.scoring.Grade("D", "差", 3)));
        var lowest = renamed.lowest();
        var top = renamed.top();
        for (int q = 1; q <= 4; q++) {
            var g = q <= 2 ? lowest : top;
            quarters.computeIfAbsent(q, k -> new ArrayList<>()).add(new SubjectResult(SubjectType.CADRE, "C1", "名", "D1",
                    new BigDecimal("100.00"), Map.of(), g, g, g, 1, false, List.of()));
        }
        appraisal("C1", 10, 0, 0, 0, 2);
        List<QuarterInput> inputs = new ArrayList<>();
        for (int q = 1; q <= 4; q++) {
            inputs.add(new QuarterInput(100 + q, new Period(YEAR, q), quarters.get(q),
                    Map.of(SubjectType.CADRE, renamed, SubjectType.DEPARTMENT, renamed), Map.of()));
        }
        SubjectResult c1 = result(new AnnualEvaluation(rules(), YEAR).evaluate(inputs, appraisals), "C1");
        assertThat(c1.finalGrade().label()).isEqualTo("基本称职");
        assertThat(ReasonText.chinese(line(c1, "GRADE").reason())).contains("2026-Q1 差", "2026-Q2 差");
    }

    @Test
    void theQuotaPerDepartmentBreaksTiesByMeanQuarterlyScoreThenId() {
        // D1 has 10 graded cadres: q = max(1, floor(0.2 × 10)) = 2. Three reach 优秀 with the same Y = 91.00:
        // A: Q = 0.7 × 100 = 70.00, E = 21.00 (votes 7/0/0/3: 30 × 700 / 1000); mean S 100
        // C0003 and C0004: Q = 0.7 × 95 = 66.50, E = 24.50 (votes 4/25/1/0: 30 × 2450 / 3000); mean S 95:
        // a tie on Y with A broken by the mean S, and between them a tie on both broken by id.
        fourQuarters("A", "D1", "100.00");
        appraisal("A", 7, 0, 0, 3, 2);                  // 30 × 700 / 1000 = 21.00 → Y 91.00
        fourQuarters("C0004", "D1", "95.00");
        appraisal("C0004", 4, 25, 1, 0, 3);
        fourQuarters("C0003", "D1", "95.00");
        appraisal("C0003", 4, 25, 1, 0, 4);
        for (int i = 5; i <= 11; i++) {
            fourQuarters("X" + i, "D1", "80.00");        // 56.00, 称职
        }
        assertThat(evaluate("A").finalGrade().label()).isEqualTo("优秀");
        assertThat(evaluate("A").rank()).isEqualTo(1);
        assertThat(evaluate("C0003").finalGrade().label()).isEqualTo("优秀");
        assertThat(evaluate("C0003").rank()).isEqualTo(2);
        SubjectResult beyond = evaluate("C0004");
        assertThat(beyond.score()).isEqualByComparingTo("91.00");
        assertThat(beyond.bandGrade().label()).isEqualTo("优秀");
        assertThat(beyond.finalGrade().label()).isEqualTo("称职");
        assertThat(beyond.rank()).isEqualTo(3);
        assertThat(ReasonText.chinese(line(beyond, "GRADE").reason())).contains("优秀最多 2 个", "第 3 位", "优秀 → 称职");
    }

    @Test
    void aTieOnYIsBrokenByTheMeanQuarterlyScore() {
        // Both Y = 91.00: P has Q 66.12 (mean S 94.46) + E 24.88; R has Q 64.56 (mean S 92.23) + E 26.44.
        // One graded pair: q = max(1, floor(0.4)) = 1 → P keeps 优秀, R becomes 称职.
        cadre("R", "D1", 1, "95.46").cadre("R", "D1", 2, "93.46").cadre("R", "D1", 3, "91.27").cadre("R", "D1", 4, "88.70");
        appraisal("R", 13, 19, 0, 0, 2);
        fourQuarters("P", "D1", "94.46");
        appraisal("P", 5, 29, 0, 0, 3);
        assertThat(evaluate("R").score()).isEqualByComparingTo("91.00");
        assertThat(evaluate("P").score()).isEqualByComparingTo("91.00");
        assertThat(evaluate("P").finalGrade().label()).isEqualTo("优秀");
        assertThat(evaluate("R").finalGrade().label()).isEqualTo("称职");
    }

    @Test
    void theCadresDepartmentIsTheOneOfTheirLatestQuarter() {
        cadre("C1", "D1", 1, "100.00").cadre("C1", "D1", 2, "100.00").cadre("C1", "D2", 3, "100.00");
        assertThat(evaluate("C1").deptId()).isEqualTo("D2");
    }

    // --- the quota's scope ------------------------------------------------------------------------

    @Test
    void aCityWideCadreQuotaRanksEveryGradedCadreOfTheCityTogether() throws Exception {
        // annual-grades.csv: 优秀 at most 30 % city-wide (名额范围 CITY). Graded cadres n = 7 (B4 has one quarter):
        // q = max(1, floor(0.30 × 7)) = max(1, floor(2.1)) = 2.
        //  B2 (D2): S 100 ×4 → Q 70.00; votes 10/0/0/0 → E 30.00; Y 100.00
        //  B1 (D2): S 100 ×4 → Q 70.00; votes 7/0/0/3 → E = 30 × 700 / 1000 = 21.00; Y 91.00, mean S 100
        //  A1 (D1): S 95 ×4 → Q 66.50; votes 4/25/1/0 → E = 30 × 2450 / 3000 = 24.50; Y 91.00, mean S 95
        //  A2 (D1): as A1: Y 91.00, mean S 95; after A1 by id
        //  B3 (D2): S 90 ×4 → Q 63.00; votes 0/10/0/0 → E 24.00; Y 87.00 称职
        //  A3 (D1): S 100 ×4, no appraisal row → Y 70.00 称职
        //  A4 (D1): S 60 ×4 → Q 42.00; votes 0/0/2/8 → E = 30 × 100 / 1000 = 3.00; Y 45.00 不称职
        // City ranks: B2 1, B1 2, A1 3, A2 4, B3 5, A3 6, A4 7. Band 优秀: B2, B1, A1, A2; the 2 places go to B2 and B1.
        // (Per department, as by default, D1 (n 4) and D2 (n 3) would each keep one 优秀: A1 and B2.)
        fourQuarters("B2", "D2", "100.00");
        appraisal("B2", 10, 0, 0, 0, 2);
        fourQuarters("B1", "D2", "100.00");
        appraisal("B1", 7, 0, 0, 3, 3);
        fourQuarters("A1", "D1", "95.00");
        appraisal("A1", 4, 25, 1, 0, 4);
        fourQuarters("A2", "D1", "95.00");
        appraisal("A2", 4, 25, 1, 0, 5);
        fourQuarters("B3", "D2", "90.00");
        appraisal("B3", 0, 10, 0, 0, 6);
        fourQuarters("A3", "D1", "100.00");
        fourQuarters("A4", "D1", "60.00");
        appraisal("A4", 0, 0, 2, 8, 7);
        cadre("B4", "D2", 4, "80.00");
        List<SubjectResult> year = new AnnualEvaluation(cityWide("0.30"), YEAR).evaluate(inputs(), appraisals);
        String[][] expected = {{"B2", "100.00", "优秀", "1"}, {"B1", "91.00", "优秀", "2"}, {"A1", "91.00", "称职", "3"},
            {"A2", "91.00", "称职", "4"}, {"B3", "87.00", "称职", "5"}, {"A3", "70.00", "称职", "6"},
            {"A4", "45.00", "不称职", "7"}, {"B4", "56.00", "不定等次", "0"}};
        for (String[] e : expected) {
            SubjectResult s = result(year, e[0]);
            assertThat(s.score()).as(e[0]).isEqualByComparingTo(e[1]);
            assertThat(s.finalGrade().label()).as(e[0]).isEqualTo(e[2]);
            assertThat(s.rank()).as(e[0]).isEqualTo(Integer.parseInt(e[3]));
        }
        assertThat(ReasonText.chinese(line(result(year, "A1"), "GRADE").reason()))
                .isEqualTo("名额:全市干部 7 个参评对象,优秀最多 2 个;按年度得分、季度平均分、编号排第 3 位,超出名额,优秀 → 称职");
        // The same year by department (the default scope): one 优秀 per department, ranks within it.
        assertThat(result(perDepartment(), "A1").finalGrade().label()).isEqualTo("优秀");
        assertThat(result(perDepartment(), "B1").finalGrade().label()).isEqualTo("称职");
        assertThat(result(perDepartment(), "B1").rank()).isEqualTo(2);
    }

    @Test
    void anUngradedCadreWithASanctionIsReportedVetoedAndStaysUngraded() {
        // B4 has a result in Q4 only (不定等次) and a sanction there (events.csv:9): vetoed, with the veto's line.
        cadre("B4", "D2", 4, "80.00");
        item(4, "B4", "SANCTION", 9);
        cadre("B5", "D2", 4, "80.00");                   // no sanction: not vetoed
        SubjectResult b4 = evaluate("B4");
        assertThat(b4.finalGrade().label()).isEqualTo("不定等次");
        assertThat(b4.rank()).isZero();
        assertThat(b4.vetoed()).isTrue();
        ExplanationLine veto = b4.lines().stream().filter(l -> l.rule().equals("annual-gates.csv:2")).findFirst().orElseThrow();
        assertThat(veto.points()).isEqualByComparingTo("0");
        assertThat(ReasonText.chinese(veto.reason())).contains("一票否决", "2026-Q4", "events.csv:9", "不定等次,等次不变");
        assertThat(evaluate("B5").vetoed()).isFalse();
    }

    @Test
    void theScopeColumnIsTypedAndCheckedAtItsCell() throws Exception {
        RulebookSource rules = RulebookSource.fromFolder(Path.of("rules"));
        String grades = rules.files().get("annual-grades.csv");
        // A department cannot rank within itself; a scope needs a quota; one type's quotas count in one scope.
        String bad = grades.replace(",EXCELLENT,优秀,90,SHARE,0.20,1,FLOOR,", ",EXCELLENT,优秀,90,SHARE,0.20,1,FLOOR,DEPT")
                .replace(",COMPETENT,称职,70,,,,,", ",COMPETENT,称职,70,,,,,全省");
        assertThatThrownBy(() -> RulebookCompiler.compile(rules.with(RulebookSource.of(Map.of("annual-grades.csv", bad)))))
                .isInstanceOf(RulebookInvalidException.class)
                .satisfies(e -> assertThat(((RulebookInvalidException) e).problems().stream().map(Object::toString))
                        .anySatisfy(p -> assertThat(p).startsWith("annual-grades.csv:2:I(名额范围): 部门的名额只能在全市范围内"))
                        .anySatisfy(p -> assertThat(p).startsWith("annual-grades.csv:3:I(名额范围): 「全省」不是可选值")));
        String split = grades.replace(",EXCELLENT,优秀,90,SHARE,0.20,1,FLOOR,", "CADRE,EXCELLENT,优秀,90,SHARE,0.20,1,FLOOR,全市\n"
                + "CADRE,GOOD,良,80,COUNT,3,,,部门内\nCADRE,COMPETENT,称职,70,,,,,\nCADRE,BASIC,基本称职,60,,,,,\n"
                + "CADRE,INCOMPETENT,不称职,,,,,,\n,EXCELLENT,优秀,90,SHARE,0.20,1,FLOOR,");
        assertThatThrownBy(() -> RulebookCompiler.compile(rules.with(RulebookSource.of(Map.of("annual-grades.csv", split)))))
                .isInstanceOf(RulebookInvalidException.class)
                .satisfies(e -> assertThat(((RulebookInvalidException) e).problems().stream().map(Object::toString))
                        .anySatisfy(p -> assertThat(p).startsWith("annual-grades.csv:3:I(名额范围): 干部的年度名额应在同一范围内计算")));
    }

    @Test
    void aBookWrittenBeforeTheScopeColumnStillReadsWithTheDefaultScopes() throws Exception {
        RulebookSource rules = RulebookSource.fromFolder(Path.of("rules"));
        // Such a book predates the English names too: the last two columns (scope, name_en) go, header and rows.
        String old = rules.files().get("annual-grades.csv").replaceAll(",[^,\\r\\n]*,[^,\\r\\n]*(\\r?\\n|$)", "$1");
        assertThat(old).doesNotContain("scope").doesNotContain("name_en").contains(",EXCELLENT,优秀,90,SHARE,0.20,1,FLOOR\n");
        AnnualRules read = RulebookCompiler.compile(rules.with(RulebookSource.of(Map.of("annual-grades.csv", old))))
                .book().annual().orElseThrow();
        assertThat(read.quotaScope(SubjectType.CADRE)).isEqualTo(org.kaohe.rules.book.QuotaScope.DEPT);
        assertThat(read.quotaScope(SubjectType.DEPARTMENT)).isEqualTo(org.kaohe.rules.book.QuotaScope.CITY);
    }

    // --- departments ---------------------------------------------------------------------------

    @Test
    void aDepartmentsYearIsTheMeanOfItsQuarters() {
        // (91.11 + 92.22 + 90.00) / 3 = 273.33 / 3 = 91.11; (88.885 is no quarterly score: 2 decimals) (80.01 + 80.00) / 2 = 80.005 → 80.01
        department("D1", 1, "91.11", "好").department("D1", 2, "92.22", "好").department("D1", 3, "90.00", "好");
        department("D2", 1, "80.01", "好").department("D2", 4, "80.00", "好");
        assertThat(evaluate("D1").score()).isEqualByComparingTo("91.11");
        assertThat(evaluate("D2").score()).isEqualByComparingTo("80.01");
        assertThat(evaluate("D1").finalGrade().label()).isEqualTo("优秀");
        assertThat(evaluate("D1").rank()).isEqualTo(1);
        assertThat(evaluate("D2").rank()).isEqualTo(2);
        assertThat(ReasonText.chinese(line(evaluate("D1"), "Q").reason())).contains("2026-Q1 run #101 S=91.11", "2026-Q3");
    }

    @Test
    void aMajorIncidentInAnyQuarterIsADepartmentVeto() {
        department("D1", 1, "95.00", "好").department("D1", 2, "95.00", "好");
        item(2, "D1", "MAJOR_INCIDENT", 4);
        SubjectResult d1 = evaluate("D1");
        assertThat(d1.finalGrade().label()).isEqualTo("不称职");
        assertThat(d1.vetoed()).isTrue();
        assertThat(line(d1, "GRADE").rule()).isEqualTo("annual-gates.csv:5");
    }

    @Test
    void theDepartmentQuotaIsCityWide() {
        // Six departments at 95, 94, 93, 92, 91, 80: q = max(1, floor(0.2 × 6)) = 1; ties none.
        String[] scores = {"95.00", "94.00", "93.00", "92.00", "91.00", "80.00"};
        for (int i = 0; i < scores.length; i++) {
            department("D" + (i + 1), 1, scores[i], "好");
        }
        assertThat(evaluate("D1").finalGrade().label()).isEqualTo("优秀");
        for (int i = 2; i <= 5; i++) {
            assertThat(evaluate("D" + i).finalGrade().label()).isEqualTo("称职");
            assertThat(evaluate("D" + i).rank()).isEqualTo(i);
        }
        assertThat(ReasonText.chinese(line(evaluate("D2"), "GRADE").reason())).contains("全市部门", "优秀最多 1 个");
    }

    // --- a whole year, and a leader's change ---------------------------------------------------

    @Test
    void aSmallYearWorkedByHand() {
        // D1: four cadres, q = max(1, floor(0.8)) = 1.
        //  C1: S 92.50, 94.00, 96.10, 90.00 → Σ 372.60; Q = 0.7 × 372.60 / 4 = 65.205 → 65.21;
        //      votes 20/5/0/0: E = 30 × 2400 / 2500 = 28.80; Y = 94.01 → 优秀 (rank 1)
        //  C2: S 95, 95, 95, 95 → Q 66.50; votes 10/0/0/0 → E 30.00; Y 96.50, but 较差 in Q2 → at most 称职 (rank... first by Y)
        //  C3: S 70.00 in Q1 only → Q 49.00, no row → E 0; 不定等次
        //  C4: S 60, 60, 60, 60 → Q 42.00; votes 0/0/2/8 → E = 30 × 100 / 1000 = 3.00; Y 45.00 → 不称职
        cadre("C1", "D1", 1, "92.50").cadre("C1", "D1", 2, "94.00").cadre("C1", "D1", 3, "96.10").cadre("C1", "D1", 4, "90.00");
        appraisal("C1", 20, 5, 0, 0, 2);
        fourQuarters("C2", "D1", "95.00", "好", "较差", "好", "好");
        appraisal("C2", 10, 0, 0, 0, 3);
        cadre("C3", "D1", 1, "70.00");
        fourQuarters("C4", "D1", "60.00");
        appraisal("C4", 0, 0, 2, 8, 4);
        SubjectResult c1 = evaluate("C1");
        SubjectResult c2 = evaluate("C2");
        assertThat(c1.score()).isEqualByComparingTo("94.01");
        assertThat(c2.score()).isEqualByComparingTo("96.50");
        assertThat(c2.finalGrade().label()).isEqualTo("称职");
        assertThat(c2.rank()).isEqualTo(1);           // ranked by Y: C2 96.50 first, C1 second
        assertThat(c1.rank()).isEqualTo(2);
        assertThat(c1.finalGrade().label()).isEqualTo("优秀"); // the one 优秀 place is C1's: C2 is no longer 优秀
        assertThat(evaluate("C3").score()).isEqualByComparingTo("49.00");
        assertThat(evaluate("C3").finalGrade().label()).isEqualTo("不定等次");
        assertThat(evaluate("C4").score()).isEqualByComparingTo("45.00");
        assertThat(evaluate("C4").finalGrade().label()).isEqualTo("不称职");
        assertThat(evaluate("C4").rank()).isEqualTo(3);
        for (SubjectResult s : List.of(c1, c2, evaluate("C3"), evaluate("C4"))) {
            assertThat(s.lines().stream().map(ExplanationLine::points).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo(s.score());
        }
    }

    @Test
    void aLeadersChangeOfTheAnnualSettingsChangesTheResultsAsWorkedByHand() throws Exception {
        // Q weight 0.6 and E at most 40: S 95 ×4 → Q = 0.6 × 95 = 57.00; votes 5/29/0/0 → E = 40 × 2820 / 3400 = 33.176… → 33.18
        // Y = 90.18 → 优秀 (under the default: 66.50 + 24.88 = 91.38)
        fourQuarters("C1", "D1", "95.00");
        appraisal("C1", 5, 29, 0, 0, 2);
        assertThat(evaluate("C1").score()).isEqualByComparingTo("91.38");
        RulebookSource rules = RulebookSource.fromFolder(Path.of("rules"));
        String settings = rules.files().get("annual-settings.csv").replace("QUARTERLY_WEIGHT,0.7,", "QUARTERLY_WEIGHT,0.6,")
                .replace("APPRAISAL_MAX,30,", "APPRAISAL_MAX,40,");
        AnnualRules changed = RulebookCompiler.compile(rules.with(RulebookSource.of(Map.of("annual-settings.csv", settings))))
                .book().annual().orElseThrow();
        SubjectResult c1 = result(new AnnualEvaluation(changed, YEAR).evaluate(inputs(), appraisals), "C1");
        assertThat(c1.parts().get("Q")).isEqualByComparingTo("57.00");
        assertThat(c1.parts().get("E")).isEqualByComparingTo("33.18");
        assertThat(c1.score()).isEqualByComparingTo("90.18");
    }

    @Test
    void aLeadersChangeOfTheGradeLineMovesTheBand() throws Exception {
        fourQuarters("C1", "D1", "95.00");
        appraisal("C1", 5, 29, 0, 0, 2);                 // 91.38
        RulebookSource rules = RulebookSource.fromFolder(Path.of("rules"));
        String grades = rules.files().get("annual-grades.csv").replace(",EXCELLENT,优秀,90,", ",EXCELLENT,优秀,92,");
        AnnualRules changed = RulebookCompiler.compile(rules.with(RulebookSource.of(Map.of("annual-grades.csv", grades))))
                .book().annual().orElseThrow();
        assertThat(result(new AnnualEvaluation(changed, YEAR).evaluate(inputs(), appraisals), "C1").finalGrade().label())
                .isEqualTo("称职");
    }

    @Test
    void aBadAnnualCellIsRefusedWithItsLocation() throws Exception {
        RulebookSource rules = RulebookSource.fromFolder(Path.of("rules"));
        String settings = rules.files().get("annual-settings.csv").replace("APPRAISAL_MAX,30,", "APPRAISAL_MAX,三十,");
        String gates = rules.files().get("annual-gates.csv").replace("CADRE,SANCTION,,1,", "CADRE,SANCTON,,1,");
        assertThatThrownBy(() -> RulebookCompiler.compile(rules.with(RulebookSource.of(Map.of(
                "annual-settings.csv", settings, "annual-gates.csv", gates)))))
                .isInstanceOf(RulebookInvalidException.class)
                .satisfies(e -> assertThat(((RulebookInvalidException) e).problems().stream().map(Object::toString))
                        .anySatisfy(p -> assertThat(p).startsWith("annual-settings.csv:3:B(数值): 「三十」不是数字"))
                        .anySatisfy(p -> assertThat(p).startsWith("annual-gates.csv:2:B(事项): 事项「SANCTON」未在事项类型表")));
    }

    @Test
    void aDraftWithoutTheAnnualTablesIsRefusedNamingThem() throws Exception {
        RulebookSource rules = RulebookSource.fromFolder(Path.of("rules"));
        Map<String, String> files = new TreeMap<>(rules.files());
        files.remove("annual-gates.csv");
        assertThatThrownBy(() -> RulebookCompiler.compile(RulebookSource.of(files)))
                .isInstanceOf(RulebookInvalidException.class)
                .hasMessageContaining("annual-gates.csv");
    }

    // --- building quarters ---------------------------------------------------------------------

    private AnnualEvaluationTest cadre(String id, String dept, int quarter, String score) {
        return subject(SubjectType.CADRE, id, dept, quarter, score, "好");
    }

    private AnnualEvaluationTest department(String id, int quarter, String score, String grade) {
        return subject(SubjectType.DEPARTMENT, id, id, quarter, score, grade);
    }

    private void fourQuarters(String id, String dept, String score, String... grades) {
        for (int q = 1; q <= 4; q++) {
            subject(SubjectType.CADRE, id, dept, q, score, grades.length == 0 ? "好" : grades[q - 1]);
        }
    }

    private AnnualEvaluationTest subject(SubjectType type, String id, String dept, int quarter, String score, String grade) {
        var g = GradeScale.QUARTERLY.find(grade).orElseThrow();
        quarters.computeIfAbsent(quarter, q -> new ArrayList<>()).add(new SubjectResult(type, id, "名" + id, dept,
                new BigDecimal(score), Map.of(), g, g, g, 1, false, List.of()));
        return this;
    }

    private void appraisal(String id, int excellent, int competent, int basic, int incompetent, int line) {
        appraisals.put(id, new AnnualAppraisal(id, excellent, competent, basic, incompetent,
                new SourceRef("annual-appraisals.csv", line)));
    }

    private void item(int quarter, String id, String kind, int line) {
        String key = (id.startsWith("D") ? "DEPARTMENT/" : "CADRE/") + id;
        items.computeIfAbsent(quarter, q -> new HashMap<>()).computeIfAbsent(key, k -> new LinkedHashMap<>())
                .computeIfAbsent(kind, k -> new ArrayList<>()).add(new SourceRef("events.csv", line));
    }

    private List<QuarterInput> inputs() {
        List<QuarterInput> inputs = new ArrayList<>();
        for (int q = 1; q <= 4; q++) {
            inputs.add(new QuarterInput(100 + q, new Period(YEAR, q), quarters.getOrDefault(q, List.of()),
                    Map.of(SubjectType.CADRE, GradeScale.QUARTERLY, SubjectType.DEPARTMENT, GradeScale.QUARTERLY),
                    items.getOrDefault(q, Map.of())));
        }
        return inputs;
    }

    private static AnnualRules defaults;

    private static synchronized AnnualRules rules() {
        if (defaults == null) {
            try {
                defaults = RulebookCompiler.compile(RulebookSource.fromFolder(Path.of("rules"))).book().annual().orElseThrow();
            } catch (Exception e) {
                throw new IllegalStateException("rules/ must compile", e);
            }
        }
        return defaults;
    }

    /** The real rulebook with 优秀 at most {@code share} of the city's graded cadres (and departments). */
    private static AnnualRules cityWide(String share) throws Exception {
        RulebookSource rules = RulebookSource.fromFolder(Path.of("rules"));
        String grades = rules.files().get("annual-grades.csv")
                .replace(",EXCELLENT,优秀,90,SHARE,0.20,1,FLOOR,", ",EXCELLENT,优秀,90,SHARE," + share + ",1,FLOOR,CITY");
        return RulebookCompiler.compile(rules.with(RulebookSource.of(Map.of("annual-grades.csv", grades))))
                .book().annual().orElseThrow();
    }

    private List<SubjectResult> perDepartment() throws Exception {
        return new AnnualEvaluation(perDepartment("0.30"), YEAR).evaluate(inputs(), appraisals);
    }

    private static AnnualRules perDepartment(String share) throws Exception {
        RulebookSource rules = RulebookSource.fromFolder(Path.of("rules"));
        String grades = rules.files().get("annual-grades.csv")
                .replace(",EXCELLENT,优秀,90,SHARE,0.20,1,FLOOR,", ",EXCELLENT,优秀,90,SHARE," + share + ",1,FLOOR,");
        return RulebookCompiler.compile(rules.with(RulebookSource.of(Map.of("annual-grades.csv", grades))))
                .book().annual().orElseThrow();
    }

    private SubjectResult evaluate(String id) {
        return result(new AnnualEvaluation(rules(), YEAR).evaluate(inputs(), appraisals), id);
    }

    private static SubjectResult result(List<SubjectResult> results, String id) {
        return results.stream().filter(s -> s.subjectId().equals(id)).findFirst().orElseThrow();
    }

    private static ExplanationLine line(SubjectResult s, String part) {
        return s.lines().stream().filter(l -> l.part().equals(part)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + part + " line: " + s.lines()));
    }
}
