package org.kaohe.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kaohe.rules.StandardBook.cadre;
import static org.kaohe.rules.StandardBook.department;
import static org.kaohe.rules.StandardBook.sumOfLines;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaohe.imports.RecordFiles;
import org.kaohe.records.DeptType;
import org.kaohe.records.Period;
import org.kaohe.records.SubjectType;
import org.kaohe.scoring.EvaluationOutcome;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.QuarterlyGrades;
import org.kaohe.scoring.ReasonText;
import org.kaohe.scoring.SubjectResult;
import org.kaohe.testing.TestRecords;

/**
 * The changes of structure a leader makes with tables alone (rules/README.md walks through each),
 * on a copy of the standard book, with scores worked out by hand.
 */
class StructureChangesTest {

    @TempDir
    Path folder;

    private CompiledRulebook book(Edit... edits) throws Exception {
        RuleFolders.copyStandard(folder);
        for (Edit e : edits) {
            RuleFolders.replaceOnce(folder, e.file, e.before, e.after);
        }
        return RulebookCompiler.compile(RulebookSource.fromFolder(folder));
    }

    private record Edit(String file, String before, String after) {}

    private static Edit edit(String file, String before, String after) {
        return new Edit(file, before, after);
    }

    /** A cadre with full targets (T at its maximum), every vote 好 and a leader score of 100. */
    private static TestRecords fullMarks(TestRecords records, String id, String dept) {
        return records.cadre(id, dept).target(id, "1", "10", "10", TestRecords.ON_TIME).votes(id, 5, 0, 0, 0, "100");
    }

    @Test
    void aNewPartTakesTenPointsFromTargetsAndLosesThemForListedItems() throws Exception {
        CompiledRulebook book = book(
                edit("parts.csv", "T,目标任务,CADRE,,60,", "T,目标任务,CADRE,,50,"),
                edit("parts.csv", "D,扣分,CADRE,,,DEDUCTION,,", "ZF,作风建设,CADRE,,10,BASE_MINUS,,\nD,扣分,CADRE,,,DEDUCTION,,"),
                edit("deduction-points.csv", "CADRE,,COMMITMENT_BREACH,,1,,", "CADRE,,COMMITMENT_BREACH,,1,ZF,"),
                edit("deduction-points.csv", "CADRE,,FIRST_INQUIRY_BREACH,,1,,", "CADRE,,FIRST_INQUIRY_BREACH,,1,ZF,"));
        TestRecords records = TestRecords.period().department("D1", DeptType.TRADE_UNION);
        fullMarks(records, "C1", "D1").event("C1", "COMMITMENT_BREACH", null, 1).event("C1", "OVERDUE", null, 1);
        fullMarks(records, "C2", "D1").event("C2", "FIRST_INQUIRY_BREACH", null, 11);

        EvaluationOutcome outcome = book.evaluate(records.build());

        // C1: T 50 + A 20 + L 20 + ZF (10 − 1) − D 0.5 = 98.5
        SubjectResult c1 = cadre(outcome, "C1");
        assertThat(c1.parts()).containsEntry("T", new java.math.BigDecimal("50.00"))
                .containsEntry("ZF", new java.math.BigDecimal("9.00")).containsEntry("D", new java.math.BigDecimal("-0.50"));
        assertThat(c1.score()).isEqualByComparingTo("98.5");
        assertThat(c1.lines()).extracting(l -> ReasonText.chinese(l.reason())).contains("作风建设基础分 +10", "违反\"五个一\"服务承诺 ×1 −1");
        // C2: 11 breaches take 11 from 10: the part stops at 0 → 90
        SubjectResult c2 = cadre(outcome, "C2");
        assertThat(c2.parts().get("ZF")).isEqualByComparingTo("0");
        assertThat(c2.score()).isEqualByComparingTo("90");
        assertThat(sumOfLines(c2)).isEqualByComparingTo(c2.score());
        assertThat(outcome.parts()).anySatisfy(p -> assertThat(p.name()).isEqualTo("作风建设"));
    }

    @Test
    void oneDepartmentTypeGetsAnotherTargetsMaximum() throws Exception {
        CompiledRulebook book = book(edit("parts.csv", "O,组织建设,DEPARTMENT,,20,",
                "T,目标任务,DEPARTMENT,DISABLED_FEDERATION,40,TARGETS,,\nO,组织建设,DEPARTMENT,DISABLED_FEDERATION,30,BASE_MINUS,,\n"
                        + "O,组织建设,DEPARTMENT,,20,"));
        TestRecords records = TestRecords.period().department("D1", DeptType.TRADE_UNION)
                .department("D2", DeptType.DISABLED_FEDERATION)
                .deptTarget("D1", "1", "2", "1", TestRecords.ON_TIME).deptTarget("D2", "1", "2", "1", TestRecords.ON_TIME);

        EvaluationOutcome outcome = book.evaluate(records.build());

        // D1 (工会): T 50 × 1/2 = 25, O 20, C 0 (no cadres) → 45; D2 (残联): T 40 × 1/2 = 20, O 30 → 50
        assertThat(department(outcome, "D1").parts()).containsEntry("T", new java.math.BigDecimal("25.00"))
                .containsEntry("O", new java.math.BigDecimal("20.00"));
        assertThat(department(outcome, "D1").score()).isEqualByComparingTo("45");
        assertThat(department(outcome, "D2").parts()).containsEntry("T", new java.math.BigDecimal("20.00"))
                .containsEntry("O", new java.math.BigDecimal("30.00"));
        assertThat(department(outcome, "D2").score()).isEqualByComparingTo("50");
    }

    @Test
    void tooFewVotesGiveNoAppraisalPointsAndAtMostAverage() throws Exception {
        CompiledRulebook book = book(edit("participation.csv", "等次 grade\n", "等次 grade\nCADRE,,10,ZERO,CAP,一般\n"));
        TestRecords records = TestRecords.period().department("D1", DeptType.TRADE_UNION)
                .cadre("C1", "D1").target("C1", "1", "10", "10", TestRecords.ON_TIME).votes("C1", 5, 0, 0, 0, "100")
                .cadre("C2", "D1").target("C2", "1", "10", "10", TestRecords.ON_TIME).votes("C2", 8, 2, 0, 0, "100")
                .cadre("C3", "D1").target("C3", "1", "10", "10", TestRecords.ON_TIME);

        EvaluationOutcome outcome = book.evaluate(records.build());

        // C1: 5 votes < 10 → A 0: 60 + 0 + 20 = 80, band 较好, capped at 一般
        SubjectResult c1 = cadre(outcome, "C1");
        assertThat(c1.parts().get("A")).isEqualByComparingTo("0");
        assertThat(c1.score()).isEqualByComparingTo("80");
        assertThat(c1.bandGrade()).isEqualTo(QuarterlyGrades.FAIR);
        assertThat(c1.finalGrade()).isEqualTo(QuarterlyGrades.AVERAGE);
        assertThat(c1.lines()).extracting(l -> ReasonText.chinese(l.reason()))
                .contains("测评票数 5 少于 10 票,民主测评计 0 分", "测评票数 5 少于 10 票:等次最高为一般");
        // C2: 10 votes: A = 20 × (800 + 160) / 1000 = 19.2 → 99.2, 好
        assertThat(cadre(outcome, "C2").score()).isEqualByComparingTo("99.2");
        assertThat(cadre(outcome, "C2").finalGrade()).isEqualTo(QuarterlyGrades.GOOD);
        // C3: no appraisal at all: 0 votes, 60 → 一般 by band already
        assertThat(cadre(outcome, "C3").finalGrade()).isEqualTo(QuarterlyGrades.AVERAGE);
    }

    @Test
    void aCadreWithNoAppraisalAtAllIsHeldByTheParticipationRowsCap() throws Exception {
        CompiledRulebook book = book(edit("participation.csv", "等次 grade\n", "等次 grade\nCADRE,,10,ZERO,CAP,较差\n"));
        TestRecords records = TestRecords.period().department("D1", DeptType.TRADE_UNION)
                .cadre("C1", "D1").target("C1", "1", "10", "10", TestRecords.ON_TIME)
                .event("C1", "AWARD", "NATIONAL", 2);

        // no appraisal row: T 60 + B 5 (capped) = 65, band 一般, held at 较差 as if it had 0 of 10 votes
        SubjectResult c1 = cadre(book.evaluate(records.build()), "C1");
        assertThat(c1.score()).isEqualByComparingTo("65");
        assertThat(c1.bandGrade()).isEqualTo(QuarterlyGrades.AVERAGE);
        assertThat(c1.finalGrade()).isEqualTo(QuarterlyGrades.POOR);
        assertThat(c1.lines()).extracting(l -> ReasonText.chinese(l.reason())).contains("测评票数 0 少于 10 票,民主测评计 0 分");
    }

    @Test
    void otherGradeNamesWithAFlooredQuota() throws Exception {
        CompiledRulebook book = book(
                edit("grades.csv", ",GOOD,好,90,SHARE,0.40,1,HALF_UP\n,FAIR,较好,80,,,,\n,AVERAGE,一般,60,,,,\n,POOR,较差,,,,,",
                        ",EXCELLENT,优秀,90,SHARE,0.20,1,FLOOR\n,COMPETENT,称职,70,,,,\n,BASIC,基本称职,60,,,,\n"
                                + ",INCOMPETENT,不称职,,,,,"),
                edit("gates.csv", "CADRE,,SANCTION,1,,SET,较差,是", "CADRE,,SANCTION,1,,SET,不称职,是"),
                edit("gates.csv", "CADRE,,COMPLAINT,3,,SET,较差,否", "CADRE,,COMPLAINT,3,,SET,不称职,否"),
                edit("gates.csv", "CADRE,,COMPLAINT,1,2,CAP,较好,否", "CADRE,,COMPLAINT,1,2,CAP,称职,否"),
                edit("gates.csv", "CADRE,,ADMONISHMENT,1,,CAP,一般,否", "CADRE,,ADMONISHMENT,1,,CAP,基本称职,否"),
                edit("gates.csv", "DEPARTMENT,,MAJOR_INCIDENT,1,,SET,较差,是", "DEPARTMENT,,MAJOR_INCIDENT,1,,SET,不称职,是"));
        TestRecords records = TestRecords.period().department("D1", DeptType.TRADE_UNION);
        String[][] cadres = {{"C1", "55"}, {"C2", "54"}, {"C3", "53"}, {"C4", "35"}, {"C5", "10"}, {"C6", "52"}};
        for (String[] c : cadres) { // T = the given points (planned 60), A 20, L 20
            records.cadre(c[0], "D1").target(c[0], "1", "60", c[1], TestRecords.ON_TIME).votes(c[0], 1, 0, 0, 0, "100");
        }

        EvaluationOutcome outcome = book.evaluate(records.build());

        // 95, 94, 93, 92 优秀 by band; n = 6, q = max(1, floor(0.2 × 6)) = 1: only C1 stays 优秀
        assertThat(cadre(outcome, "C1").finalGrade().label()).isEqualTo("优秀");
        assertThat(cadre(outcome, "C2").finalGrade().label()).isEqualTo("称职");
        assertThat(cadre(outcome, "C2").lines()).extracting(l -> ReasonText.chinese(l.reason()))
                .contains("超出\"优秀\"等次比例(20%,6 名中至多 1 名),部门排名第2,调整为称职");
        assertThat(cadre(outcome, "C6").finalGrade().label()).isEqualTo("称职");
        assertThat(cadre(outcome, "C4").finalGrade().label()).isEqualTo("称职"); // 75
        assertThat(cadre(outcome, "C5").finalGrade().label()).isEqualTo("不称职"); // 50
        assertThat(outcome.scale(SubjectType.CADRE).grades()).extracting(g -> g.label())
                .containsExactly("优秀", "称职", "基本称职", "不称职");
    }

    @Test
    void aVetoThatWithdrawsEligibilityForTheTopGradeLeavesTheQuotaToOthers() throws Exception {
        CompiledRulebook book = book(edit("gates.csv", "CADRE,,SANCTION,1,,SET,较差,是", "CADRE,,SANCTION,1,,NO_TOP,,是"));
        TestRecords records = TestRecords.period().department("D1", DeptType.TRADE_UNION);
        fullMarks(records, "C1", "D1").event("C1", "SANCTION", null, 1); // 100, vetoed
        records.cadre("C2", "D1").target("C2", "1", "60", "55", TestRecords.ON_TIME).votes("C2", 1, 0, 0, 0, "100"); // 95

        EvaluationOutcome outcome = book.evaluate(records.build());

        // n = 2 → q = max(1, round(0.8)) = 1; C1 may not be 好, so C2 takes the place
        SubjectResult c1 = cadre(outcome, "C1");
        assertThat(c1.vetoed()).isTrue();
        assertThat(c1.finalGrade()).isEqualTo(QuarterlyGrades.FAIR);
        assertThat(c1.lines()).extracting(l -> ReasonText.chinese(l.reason())).contains("党纪政务处分 ×1:一票否决,取消评优资格(不得评为好)");
        assertThat(cadre(outcome, "C2").finalGrade()).isEqualTo(QuarterlyGrades.GOOD);
    }

    @Test
    void aVetoIsExplainedBeforeAHarsherGate() throws Exception {
        CompiledRulebook book = book(edit("gates.csv", "CADRE,,SANCTION,1,,SET,较差,是", "CADRE,,SANCTION,1,,NO_TOP,,是"));
        TestRecords records = TestRecords.period().department("D1", DeptType.TRADE_UNION);
        fullMarks(records, "C1", "D1").event("C1", "SANCTION", null, 1).event("C1", "COMPLAINT", null, 3);

        SubjectResult c1 = cadre(book.evaluate(records.build()), "C1");

        // the veto only withdraws eligibility, three complaints set 较差: the veto still reads first
        assertThat(c1.lines().stream().filter(l -> l.part().equals(ExplanationLine.GRADE_PART)).map(l -> l.reason().key()))
                .containsExactly("grade.gate.items.noTop.veto", "grade.gate.items.set");
        assertThat(c1.finalGrade().label()).isEqualTo("较差");
    }

    @Test
    void kindsAndLevelsAddedToTheRegistryMayBeWrittenInChineseInEventsCsv() throws Exception {
        CompiledRulebook book = book(
                edit("kinds.csv", "ADMONISHMENT,诫勉,,,EVENT,", "ADMONISHMENT,诫勉,,,EVENT,\nFIVE_ONES,五个一兑现,CADRE,,EVENT,"),
                edit("kinds.csv", "AWARD,表彰,,NATIONAL/PROVINCIAL/CITY/COUNTY,EVENT,",
                        "AWARD,表彰,,NATIONAL/PROVINCIAL/CITY/COUNTY/DISTRICT,EVENT,"),
                edit("levels.csv", "COUNTY,县级", "COUNTY,县级\nDISTRICT,区级"),
                edit("bonus-points.csv", ",,AWARD,COUNTY,0.5,,", ",,AWARD,COUNTY,0.5,,\n,,AWARD,DISTRICT,0.3,,\nCADRE,,FIVE_ONES,,0.5,,"));
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("departments.csv", bytes("dept_id,name,type\nD1,青川市总工会,工会\n"));
        files.put("cadres.csv", bytes("cadre_id,name,dept_id,position,birth_date\nC1,张三,D1,干事,1985-01-01\n"));
        files.put("events.csv", bytes("事项编号,对象类型,对象编号,类型,级别,次数,日期,说明\n"
                + "E1,干部,C1,五个一兑现,,2,2026-08-01,\nE2,干部,C1,表彰,区级,1,2026-08-02,\n"));
        RecordFiles.Result read = RecordFiles.read(files, Period.parse("2026-Q3"), book.registry());
        assertThat(read.problems()).noneMatch(p -> p.isError());
        assertThat(read.records().events()).extracting(e -> e.kind() + "/" + e.level())
                .containsExactly("FIVE_ONES/null", "AWARD/DISTRICT");

        SubjectResult c1 = cadre(book.evaluate(read.records()), "C1");

        // B = 2 × 0.5 + 0.3 = 1.3
        assertThat(c1.parts().get("B")).isEqualByComparingTo("1.3");
        assertThat(c1.lines()).extracting(l -> ReasonText.chinese(l.reason())).contains("五个一兑现 ×2 +1", "区级表彰 ×1 +0.3");
        // the default registry knows neither
        assertThat(RecordFiles.read(files, Period.parse("2026-Q3"), StandardBook.get().registry()).problems())
                .anySatisfy(p -> {
                    assertThat(p.typed().key()).isEqualTo("import.event.kindUnknown");
                    assertThat(p.typed().args().get(0)).isEqualTo("五个一兑现");
                });
    }

    @Test
    void aSettingAndAPriceGivenForOneDepartmentTypeReplaceTheGeneralOnes() throws Exception {
        CompiledRulebook book = book(
                edit("settings.csv", "LATE_FACTOR,,0.8,", "LATE_FACTOR,,0.8,\nLATE_FACTOR,YOUTH_LEAGUE,0.5,"),
                edit("bonus-points.csv", ",,AWARD,CITY,1,,", ",,AWARD,CITY,1,,\nCADRE,DISABLED_FEDERATION,AWARD,CITY,2,,"));
        TestRecords records = TestRecords.period().department("D1", DeptType.TRADE_UNION)
                .department("D2", DeptType.YOUTH_LEAGUE).department("D3", DeptType.DISABLED_FEDERATION);
        for (String[] c : new String[][] {{"C1", "D1"}, {"C2", "D2"}, {"C3", "D3"}}) {
            records.cadre(c[0], c[1]).target(c[0], "1", "10", "10", TestRecords.LATE).event(c[0], "AWARD", "CITY", 1);
        }

        EvaluationOutcome outcome = book.evaluate(records.build());

        // T late: 60 × 0.8 = 48 (工会, 残联), 60 × 0.5 = 30 (共青团); a city award 1, but 2 for 残联 cadres
        assertThat(cadre(outcome, "C1").score()).isEqualByComparingTo("49");
        assertThat(cadre(outcome, "C2").score()).isEqualByComparingTo("31");
        assertThat(cadre(outcome, "C3").score()).isEqualByComparingTo("50");
        assertThat(cadre(outcome, "C3").lines()).anySatisfy(l -> assertThat(l.rule()).isEqualTo("bonus-points.csv:5"));
    }

    /** rules/README.md §3.3: a subject beyond a grade's quota moves down, and on down while the lower grade is full too. */
    @Test
    void aGradeOverItsQuotaKeepsMovingDownWhileTheLowerGradeIsFullToo() throws Exception {
        CompiledRulebook book = book(
                edit("grades.csv", ",GOOD,好,90,SHARE,0.40,1,HALF_UP\n,FAIR,较好,80,,,,\n,AVERAGE,一般,60,,,,\n,POOR,较差,,,,,",
                        ",EXCELLENT,优秀,95,SHARE,0.20,0,FLOOR\n,GOOD,良好,85,COUNT,1,,\n,COMPETENT,称职,70,,,,\n"
                                + ",BASIC,基本称职,60,,,,\n,INCOMPETENT,不称职,,,,,"),
                edit("gates.csv", "SANCTION,1,,SET,较差,是", "SANCTION,1,,SET,不称职,是"),
                edit("gates.csv", "COMPLAINT,3,,SET,较差,否", "COMPLAINT,3,,SET,不称职,否"),
                edit("gates.csv", "COMPLAINT,1,2,CAP,较好,否", "COMPLAINT,1,2,CAP,良好,否"),
                edit("gates.csv", "ADMONISHMENT,1,,CAP,一般,否", "ADMONISHMENT,1,,CAP,称职,否"),
                edit("gates.csv", "MAJOR_INCIDENT,1,,SET,较差,是", "MAJOR_INCIDENT,1,,SET,不称职,是"));
        TestRecords records = TestRecords.period().department("D1", DeptType.TRADE_UNION);
        for (String id : new String[] {"C1", "C2", "C3", "C4", "C5"}) {
            fullMarks(records, id, "D1"); // 100 each: ranked by id
        }

        EvaluationOutcome outcome = book.evaluate(records.build());

        // 优秀: floor(0.2 × 5) = 1 place; 良好: 1 place. C1 优秀, C2 良好, C3 to C5 on down to 称职.
        assertThat(java.util.stream.Stream.of("C1", "C2", "C3", "C4", "C5").map(id -> cadre(outcome, id).finalGrade().label()))
                .containsExactly("优秀", "良好", "称职", "称职", "称职");
        assertThat(cadre(outcome, "C3").lines()).filteredOn(l -> l.part().equals("GRADE"))
                .extracting(l -> ReasonText.chinese(l.reason())).containsExactly(
                        "超出\"优秀\"等次比例(20%,5 名中至多 1 名),部门排名第3,调整为良好",
                        "超出\"良好\"等次名额(5 名中至多 1 名),部门排名第3,调整为称职");
    }

    /** rules/README.md §7 (h): cadres' complaints taken from 作风建设, departments' still from D: a CADRE row and a DEPARTMENT row. */
    @Test
    void aKindSplitBetweenSubjectTypesCountsInEachTypesOwnPart() throws Exception {
        Edit targets = edit("parts.csv", "T,目标任务,CADRE,,60,", "T,目标任务,CADRE,,50,");
        Edit part = edit("parts.csv", "D,扣分,CADRE,,,DEDUCTION,,", "ZF,作风建设,CADRE,,10,BASE_MINUS,,\nD,扣分,CADRE,,,DEDUCTION,,");
        CompiledRulebook book = book(targets, part,
                edit("deduction-points.csv", ",,COMPLAINT,,2,,", "CADRE,,COMPLAINT,,2,ZF,\nDEPARTMENT,,COMPLAINT,,2,,"));
        TestRecords records = TestRecords.period().department("D1", DeptType.TRADE_UNION).deptEvent("D1", "COMPLAINT", null, 1);
        fullMarks(records, "C1", "D1").event("C1", "COMPLAINT", null, 2);

        EvaluationOutcome outcome = book.evaluate(records.build());

        // C1: T 50 + A 20 + L 20 + ZF (10 − 2 × 2) = 96, at most 较好 (1–2 complaints); D1: its complaint in D, −2
        SubjectResult c1 = cadre(outcome, "C1");
        assertThat(c1.parts()).containsEntry("ZF", new java.math.BigDecimal("6.00")).containsEntry("D", new java.math.BigDecimal("0.00"));
        assertThat(c1.score()).isEqualByComparingTo("96");
        assertThat(c1.finalGrade().label()).isEqualTo("较好");
        assertThat(department(outcome, "D1").parts()).containsEntry("D", new java.math.BigDecimal("-2.00"));
        // One row for both types cannot name ZF: departments have no such part.
        folder.toFile().listFiles(java.io.File::delete);
        RuleFolders.copyStandard(folder);
        for (Edit e : new Edit[] {targets, part, edit("deduction-points.csv", ",,COMPLAINT,,2,,", ",,COMPLAINT,,2,ZF,")}) {
            RuleFolders.replaceOnce(folder, e.file, e.before, e.after);
        }
        assertThatThrownBy(() -> RulebookCompiler.compile(RulebookSource.fromFolder(folder)))
                .isInstanceOf(RulebookInvalidException.class).hasMessageContaining("部门没有计分部分 ZF");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
