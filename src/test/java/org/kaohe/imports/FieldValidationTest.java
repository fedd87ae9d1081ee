package org.kaohe.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;

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
                .containsExactly("targets.csv:2: planned: 计划值必须大于0 / planned must be > 0: -3");
        assertThat(target("T1,2026-Q3,CADRE,C1,QUALITY,培训,0,1,1,2026-09-30,,N").errors())
                .containsExactly("targets.csv:2: planned: 计划值必须大于0 / planned must be > 0: 0");
    }

    @Test
    void actualMustNotBeNegative() {
        assertThat(target("T1,2026-Q3,CADRE,C1,QUALITY,培训,5,-1,1,2026-09-30,,N").errors())
                .containsExactly("targets.csv:2: actual: 完成值不能小于0 / actual must be >= 0: -1");
        assertThat(target("T1,2026-Q3,CADRE,C1,QUALITY,培训,5,0,1,2026-09-30,,N").errors()).isEmpty();
    }

    @Test
    void weightMustBeGreaterThanZero() {
        assertThat(target("T1,2026-Q3,CADRE,C1,QUALITY,培训,5,1,0,2026-09-30,,N").errors())
                .containsExactly("targets.csv:2: weight: 权重必须大于0 / weight must be > 0: 0");
    }

    @Test
    void aNumberThatIsNotOneSaysWhatIsWrongWithIt() {
        assertThat(target("T1,2026-Q3,CADRE,C1,QUALITY,培训,abc,\"1,5\",1e3,2026-09-30,,N").errors()).containsExactly(
                "targets.csv:2: planned: 不是数字 / not a number: abc",
                "targets.csv:2: actual: 请用小数点“.”，不要用逗号或千位分隔符 / use '.' as the decimal point and no "
                        + "thousands separators: 1,5",
                "targets.csv:2: weight: 不接受科学计数法，请写出完整数字 / scientific notation is not accepted, write the "
                        + "number in full: 1e3");
        assertThat(target("T1,2026-Q3,CADRE,C1,QUALITY,培训,80%,1,1,2026-09-30,,N").errors()).containsExactly(
                "targets.csv:2: planned: 不接受百分号，请写数字 / percent signs are not accepted, write the number: 80%");
    }

    @Test
    void numbersKeepAtMostTenDecimals() {
        assertThat(target("T1,2026-Q3,CADRE,C1,QUALITY,培训,1.12345678901,1,1,2026-09-30,,N").errors()).containsExactly(
                "targets.csv:2: planned: 小数位数不能超过10位 / at most 10 decimal places: 1.12345678901");
        assertThat(target("T1,2026-Q3,CADRE,C1,QUALITY,培训,1.1234567890,1,1,2026-09-30,,N").errors()).isEmpty();
    }

    @Test
    void numbersTooLargeForTheDatabaseAreRefused() {
        assertThat(target("T1,2026-Q3,CADRE,C1,QUALITY,培训,123456789012345678901,1,1,2026-09-30,,N").errors())
                .containsExactly("targets.csv:2: planned: 数值过大 / number too large: 123456789012345678901");
        assertThat(PeriodFiles.valid().rows("appraisals.csv",
                        "cadre_id,votes_good,votes_fair,votes_average,votes_poor,leader_score",
                        "C1,99999999999999999999,0,3000000000,0,90").errors())
                .containsExactly("appraisals.csv:2: votes_good: 数值过大 / number too large: 99999999999999999999",
                        "appraisals.csv:2: votes_average: 一般票必须在 0..1000000 范围内 / votes_average must be 0..1000000: 3000000000");
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
                "targets.csv:2: title: 必填项为空 / required value missing",
                "targets.csv:2: actual: 必填项为空 / required value missing",
                "targets.csv:2: due_date: 必填项为空 / required value missing",
                "targets.csv:2: key_work: 必填项为空 / required value missing");
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
                "targets.csv:2: due_date: 日期格式应为 yyyy-MM-dd(如 2026-07-01) / date must look like 2026-07-01: 30.09.2026",
                "targets.csv:2: done_date: 日期不存在 / no such date: 2026-02-30");
    }

    @Test
    void codesAreEnglishOrChineseAndAnythingElseListsTheChoices() {
        assertThat(target("T1,2026-Q3,cadre,C1,帮扶工程,培训,5,1,1,2026-09-30,,N").errors()).isEmpty();
        assertThat(target("T1,2026-Q3,PERSON,C1,QUALITY,培训,5,1,1,2026-09-30,,N").errors()).containsExactly(
                "targets.csv:2: owner_type: 取值无效，可选 / invalid value, expected one of: CADRE 干部, DEPARTMENT 部门: PERSON");
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
                .containsExactly("targets.csv:2: key_work: 应为 Y/N 或 是/否 / expected Y/N or 是/否: maybe");
    }

    @Test
    void aGivenPeriodMustBeTheImportsPeriod() {
        assertThat(target("T1,2026-Q2,CADRE,C1,QUALITY,培训,5,1,1,2026-09-30,,N").errors()).containsExactly(
                "targets.csv:2: period: 考核期与本次导入的考核期 2026-Q3 不一致 / period differs from the import's period "
                        + "2026-Q3: 2026-Q2");
        assertThat(target("T1,Q3,CADRE,C1,QUALITY,培训,5,1,1,2026-09-30,,N").errors()).containsExactly(
                "targets.csv:2: period: " + MessageText.bilingual(Message.of("input.period.format", "Q3")));
        assertThat(target("T1,,CADRE,C1,QUALITY,培训,5,1,1,2026-09-30,,N").errors()).isEmpty();
    }

    @Test
    void idsAreCodesOfLettersDigitsAndSeparatorsChineseIncluded() {
        PeriodFiles chinese = PeriodFiles.valid().row("departments.csv", "市妇联_01,市妇联,WOMENS_FEDERATION");
        PeriodFiles spaced = PeriodFiles.valid().row("departments.csv", "D 3,市妇联,WOMENS_FEDERATION");
        PeriodFiles formula = PeriodFiles.valid().row("departments.csv", "-D3,市妇联,WOMENS_FEDERATION");
        PeriodFiles tooLong = PeriodFiles.valid().row("departments.csv", "D".repeat(65) + ",市妇联,WOMENS_FEDERATION");

        assertThat(chinese.errors()).isEmpty();
        String rule = "编号只能由字母、汉字、数字和 _ - . 组成(不能以 - 开头，不能有空格)，最长64个字符 / an id may hold only "
                + "letters, digits and _ - . (not starting with -, no spaces), at most 64 characters: ";
        assertThat(spaced.errors()).containsExactly("departments.csv:4: dept_id: " + rule + "D 3");
        assertThat(formula.errors()).containsExactly("departments.csv:4: dept_id: " + rule + "-D3");
        assertThat(tooLong.errors()).containsExactly("departments.csv:4: dept_id: " + rule + "D".repeat(65));
    }

    @Test
    void textLongerThanItsColumnIsAnError() {
        PeriodFiles files = PeriodFiles.valid().row("departments.csv", "D3," + "很".repeat(201) + ",OTHER");

        assertThat(files.errors()).containsExactly(
                "departments.csv:4: name: 文字过长(最多 200 个字符，实有 201 个) / text too long (at most 200 characters, found 201)");
    }

    @Test
    void textThatLooksLikeAFormulaIsKeptAsTextWithAWarning() {
        PeriodFiles files = target("T1,2026-Q3,CADRE,C1,QUALITY,=HYPERLINK(\"x\"),5,1,1,2026-09-30,,N");

        assertThat(files.errors()).isEmpty();
        assertThat(files.warnings()).containsExactly("targets.csv:2: title: 内容以 = + - @ 开头，像表格公式，按普通文字保存"
                + " / starts like a spreadsheet formula, stored as plain text: =HYPERLINK(\"x\")");
        assertThat(files.parse().targets().get(0).title()).isEqualTo("=HYPERLINK(\"x\")");
    }

    @Test
    void votesAreWholeNumbersOfZeroOrMore() {
        PeriodFiles files = PeriodFiles.valid().rows("appraisals.csv",
                "cadre_id,votes_good,votes_fair,votes_average,votes_poor,leader_score", "C1,1.5,-1,x,0,90");

        assertThat(files.errors()).containsExactly(
                "appraisals.csv:2: votes_good: 必须是整数 / must be a whole number: 1.5",
                "appraisals.csv:2: votes_fair: 较好票必须在 0..1000000 范围内 / votes_fair must be 0..1000000: -1",
                "appraisals.csv:2: votes_average: 不是数字 / not a number: x");
    }

    @Test
    void leaderScoreIsFromZeroToHundredOrEmpty() {
        String header = "cadre_id,votes_good,votes_fair,votes_average,votes_poor,leader_score";
        assertThat(PeriodFiles.valid().rows("appraisals.csv", header, "C1,1,0,0,0,100.5").errors()).containsExactly(
                "appraisals.csv:2: leader_score: 领导评价必须在0到100之间 / leader_score must be between 0 and 100: 100.5");
        PeriodFiles empty = PeriodFiles.valid().rows("appraisals.csv", header, "C1,1,0,0,0,");
        assertThat(empty.errors()).isEmpty();
        assertThat(empty.parse().appraisals().get(0).leaderScore()).isNull();
    }

    @Test
    void organizationNumbersAreWholeAndInRange() {
        PeriodFiles files = PeriodFiles.valid().rows("organizations.csv",
                "org_id,dept_id,area,secretary_age,members,activities", "O1,D2,TOWNSHIP,690,-2,1.0");

        assertThat(files.errors()).containsExactly(
                "organizations.csv:2: secretary_age: 书记年龄必须在 0..120 范围内 / secretary_age must be 0..120: 690",
                "organizations.csv:2: members: 成员数必须在 0..1000000 范围内 / members must be 0..1000000: -2",
                "organizations.csv:2: activities: 必须是整数 / must be a whole number: 1.0");
    }

    @Test
    void aBirthDateAfterThePeriodIsAnError() {
        PeriodFiles files = PeriodFiles.valid().row("cadres.csv", "C3,王芳,D1,干事,2027-01-01");

        assertThat(files.errors()).containsExactly(
                "cadres.csv:4: birth_date: 出生日期晚于考核期末 / birth date after the end of the period: 2027-01-01");
    }

    @Test
    void theColumnInAMessageIsTheHeaderAsTheFileWritesIt() {
        PeriodFiles files = PeriodFiles.valid()
                .rows("organizations.csv", "组织编号,部门编号,区域,书记年龄,成员数,本期活动次数", "O1,D2,山区,29,35,4");

        assertThat(files.errors()).containsExactly("organizations.csv:2: 区域: 取值无效，可选 / invalid value, expected one "
                + "of: TOWNSHIP 乡镇, VILLAGE 村, STREET 街道, COMMUNITY 社区: 山区");
    }
}
