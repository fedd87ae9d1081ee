package org.kaohe.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** One test per field rule of docs/scheme.md, each on a one-row change to the valid quarter. */
class FieldValidationTest {

    private static final String TARGETS = "target_id,period,owner_type,owner_id,project,title,planned,actual,weight,"
            + "due_date,done_date,key_work";

    private static PeriodFiles target(String row) {
        return PeriodFiles.valid().rows("targets.csv", TARGETS, row);
    }

    @Test
    void plannedMustBeGreaterThanZero() {
        assertThat(target("T1,2026-Q3,CADRE,C1,QUALITY,培训,-3,1,1,2026-09-30,,N").errors())
                .containsExactly("targets.csv:2: planned: import.row.positive[计划值 / planned, -3]");
        assertThat(target("T1,2026-Q3,CADRE,C1,QUALITY,培训,0,1,1,2026-09-30,,N").errors())
                .containsExactly("targets.csv:2: planned: import.row.positive[计划值 / planned, 0]");
    }

    @Test
    void actualMustNotBeNegative() {
        assertThat(target("T1,2026-Q3,CADRE,C1,QUALITY,培训,5,-1,1,2026-09-30,,N").errors())
                .containsExactly("targets.csv:2: actual: import.row.nonNegative[完成值 / actual, -1]");
        assertThat(target("T1,2026-Q3,CADRE,C1,QUALITY,培训,5,0,1,2026-09-30,,N").errors()).isEmpty();
    }

    @Test
    void weightMustBeGreaterThanZero() {
        assertThat(target("T1,2026-Q3,CADRE,C1,QUALITY,培训,5,1,0,2026-09-30,,N").errors())
                .containsExactly("targets.csv:2: weight: import.row.positive[权重 / weight, 0]");
    }

    @Test
    void aNumberThatIsNotOneSaysWhatIsWrongWithIt() {
        assertThat(target("T1,2026-Q3,CADRE,C1,QUALITY,培训,abc,\"1,5\",1e3,2026-09-30,,N").errors()).containsExactly(
                "targets.csv:2: planned: import.cell.notANumber[abc]",
                "targets.csv:2: actual: import.cell.decimalComma[1,5]",
                "targets.csv:2: weight: import.cell.scientific[1e3]");
        assertThat(target("T1,2026-Q3,CADRE,C1,QUALITY,培训,80%,1,1,2026-09-30,,N").errors()).containsExactly(
                "targets.csv:2: planned: import.cell.percent[80%]");
    }

    @Test
    void numbersKeepAtMostTenDecimals() {
        assertThat(target("T1,2026-Q3,CADRE,C1,QUALITY,培训,1.12345678901,1,1,2026-09-30,,N").errors()).containsExactly(
                "targets.csv:2: planned: import.cell.decimals[10, 1.12345678901]");
        assertThat(target("T1,2026-Q3,CADRE,C1,QUALITY,培训,1.1234567890,1,1,2026-09-30,,N").errors()).isEmpty();
    }

    @Test
    void numbersTooLargeForTheDatabaseAreRefused() {
        assertThat(target("T1,2026-Q3,CADRE,C1,QUALITY,培训,123456789012345678901,1,1,2026-09-30,,N").errors())
                .containsExactly("targets.csv:2: planned: import.cell.tooLarge[123456789012345678901]");
        assertThat(PeriodFiles.valid().rows("appraisals.csv",
                        "cadre_id,votes_good,votes_fair,votes_average,votes_poor,leader_score",
                        "C1,99999999999999999999,0,3000000000,0,90").errors())
                .containsExactly("appraisals.csv:2: votes_good: import.cell.tooLarge[99999999999999999999]",
                        "appraisals.csv:2: votes_average: import.row.range[一般票 / votes_average, 0..1000000, 3000000000]");
    }

    @Test
    void fullWidthDigitsTypedWithAChineseInputMethodAreNumbers() {
        PeriodFiles files = target("T1,2026-Q3,CADRE,C1,QUALITY,培训,１２.５,1,1,2026-09-30,,N");

        assertThat(files.errors()).isEmpty();
        assertThat(files.parse().targets().get(0).planned()).isEqualByComparingTo(new BigDecimal("12.5"));
    }

    @Test
    void requiredValuesMustNotBeEmpty() {
        assertThat(target("T1,2026-Q3,CADRE,C1,QUALITY,,5,,1,,,").errors()).containsExactly(
                "targets.csv:2: title: import.row.required[]",
                "targets.csv:2: actual: import.row.required[]",
                "targets.csv:2: due_date: import.row.required[]",
                "targets.csv:2: key_work: import.row.required[]");
    }

    @Test
    void datesAreIsoOrAsExcelWritesThem() {
        PeriodFiles files = target("T1,2026-Q3,CADRE,C1,QUALITY,培训,5,1,1,2026/9/30,2026年9月1日,N");

        assertThat(files.errors()).isEmpty();
        assertThat(files.parse().targets().get(0).dueDate()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(files.parse().targets().get(0).doneDate()).isEqualTo(LocalDate.of(2026, 9, 1));
    }

    @Test
    void aMalformedOrImpossibleDateIsAnError() {
        assertThat(target("T1,2026-Q3,CADRE,C1,QUALITY,培训,5,1,1,30.09.2026,2026-02-30,N").errors()).containsExactly(
                "targets.csv:2: due_date: import.cell.dateFormat[30.09.2026]",
                "targets.csv:2: done_date: import.cell.noSuchDate[2026-02-30]");
    }

    @Test
    void codesAreEnglishOrChineseAndAnythingElseListsTheChoices() {
        assertThat(target("T1,2026-Q3,cadre,C1,帮扶工程,培训,5,1,1,2026-09-30,,N").errors()).isEmpty();
        assertThat(target("T1,2026-Q3,PERSON,C1,QUALITY,培训,5,1,1,2026-09-30,,N").errors()).containsExactly(
                "targets.csv:2: owner_type: import.row.code[CADRE 干部, DEPARTMENT 部门, PERSON]");
    }

    @Test
    void keyWorkIsYesOrNoInEitherLanguage() {
        for (String yes : new String[] {"Y", "y", "是", "TRUE", "yes"}) {
            assertThat(target("T1,2026-Q3,CADRE,C1,QUALITY,培训,5,1,1,2026-09-30,," + yes).parse().targets().get(0)
                    .keyWork()).as(yes).isTrue();
        }
        for (String no : new String[] {"N", "否", "false"}) {
            assertThat(target("T1,2026-Q3,CADRE,C1,QUALITY,培训,5,1,1,2026-09-30,," + no).parse().targets().get(0)
                    .keyWork()).as(no).isFalse();
        }
        assertThat(target("T1,2026-Q3,CADRE,C1,QUALITY,培训,5,1,1,2026-09-30,,maybe").errors())
                .containsExactly("targets.csv:2: key_work: import.row.yesNo[maybe]");
    }

    @Test
    void aGivenPeriodMustBeTheImportsPeriod() {
        assertThat(target("T1,2026-Q2,CADRE,C1,QUALITY,培训,5,1,1,2026-09-30,,N").errors()).containsExactly(
                "targets.csv:2: period: import.row.period[2026-Q3, 2026-Q2]");
        assertThat(target("T1,Q3,CADRE,C1,QUALITY,培训,5,1,1,2026-09-30,,N").errors()).containsExactly(
                "targets.csv:2: period: input.period.format[Q3]");
        assertThat(target("T1,,CADRE,C1,QUALITY,培训,5,1,1,2026-09-30,,N").errors()).isEmpty();
    }

    @Test
    void idsAreCodesOfLettersDigitsAndSeparatorsChineseIncluded() {
        PeriodFiles chinese = PeriodFiles.valid().row("departments.csv", "市妇联_01,市妇联,WOMENS_FEDERATION");
        PeriodFiles spaced = PeriodFiles.valid().row("departments.csv", "D 3,市妇联,WOMENS_FEDERATION");
        PeriodFiles formula = PeriodFiles.valid().row("departments.csv", "-D3,市妇联,WOMENS_FEDERATION");
        PeriodFiles tooLong = PeriodFiles.valid().row("departments.csv", "D".repeat(65) + ",市妇联,WOMENS_FEDERATION");

        assertThat(chinese.errors()).isEmpty();
        assertThat(spaced.errors()).containsExactly("departments.csv:4: dept_id: import.row.idFormat[D 3]");
        assertThat(formula.errors()).containsExactly("departments.csv:4: dept_id: import.row.idFormat[-D3]");
        assertThat(tooLong.errors()).containsExactly("departments.csv:4: dept_id: import.row.idFormat[" + "D".repeat(65) + "]");
    }

    @Test
    void textLongerThanItsColumnIsAnError() {
        PeriodFiles files = PeriodFiles.valid().row("departments.csv", "D3," + "很".repeat(201) + ",OTHER");

        assertThat(files.errors()).containsExactly(
                "departments.csv:4: name: import.row.textTooLong[200, 201]");
    }

    @Test
    void textThatLooksLikeAFormulaIsKeptAsTextWithAWarning() {
        PeriodFiles files = target("T1,2026-Q3,CADRE,C1,QUALITY,=HYPERLINK(\"x\"),5,1,1,2026-09-30,,N");

        assertThat(files.errors()).isEmpty();
        assertThat(files.warnings()).containsExactly("targets.csv:2: title: import.row.formulaLike[=HYPERLINK(\"x\")]");
        assertThat(files.parse().targets().get(0).title()).isEqualTo("=HYPERLINK(\"x\")");
    }

    @Test
    void votesAreWholeNumbersOfZeroOrMore() {
        PeriodFiles files = PeriodFiles.valid().rows("appraisals.csv",
                "cadre_id,votes_good,votes_fair,votes_average,votes_poor,leader_score", "C1,1.5,-1,x,0,90");

        assertThat(files.errors()).containsExactly(
                "appraisals.csv:2: votes_good: import.cell.wholeNumber[1.5]",
                "appraisals.csv:2: votes_fair: import.row.range[较好票 / votes_fair, 0..1000000, -1]",
                "appraisals.csv:2: votes_average: import.cell.notANumber[x]");
    }

    @Test
    void leaderScoreIsFromZeroToHundredOrEmpty() {
        String header = "cadre_id,votes_good,votes_fair,votes_average,votes_poor,leader_score";
        assertThat(PeriodFiles.valid().rows("appraisals.csv", header, "C1,1,0,0,0,100.5").errors()).containsExactly(
                "appraisals.csv:2: leader_score: import.row.score[领导评价 / leader_score, 100.5]");
        PeriodFiles empty = PeriodFiles.valid().rows("appraisals.csv", header, "C1,1,0,0,0,");
        assertThat(empty.errors()).isEmpty();
        assertThat(empty.parse().appraisals().get(0).leaderScore()).isNull();
    }

    @Test
    void organizationNumbersAreWholeAndInRange() {
        PeriodFiles files = PeriodFiles.valid().rows("organizations.csv",
                "org_id,dept_id,area,secretary_age,members,activities", "O1,D2,TOWNSHIP,690,-2,1.0");

        assertThat(files.errors()).containsExactly(
                "organizations.csv:2: secretary_age: import.row.range[书记年龄 / secretary_age, 0..120, 690]",
                "organizations.csv:2: members: import.row.range[成员数 / members, 0..1000000, -2]",
                "organizations.csv:2: activities: import.cell.wholeNumber[1.0]");
    }

    @Test
    void aBirthDateAfterThePeriodIsAnError() {
        PeriodFiles files = PeriodFiles.valid().row("cadres.csv", "C3,王芳,D1,干事,2027-01-01");

        assertThat(files.errors()).containsExactly(
                "cadres.csv:4: birth_date: import.row.bornAfterPeriod[2027-01-01]");
    }

    @Test
    void theColumnInAMessageIsTheHeaderAsTheFileWritesIt() {
        PeriodFiles files = PeriodFiles.valid()
                .rows("organizations.csv", "组织编号,部门编号,区域,书记年龄,成员数,本期活动次数", "O1,D2,山区,29,35,4");

        assertThat(files.errors()).containsExactly(
                "organizations.csv:2: 区域: import.row.code[TOWNSHIP 乡镇, VILLAGE 村, STREET 街道, COMMUNITY 社区, 山区]");
    }
}
