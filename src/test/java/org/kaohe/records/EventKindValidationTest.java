package org.kaohe.records;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Event kinds and levels: known ones checked against RULEBOOK §2, new well-formed kinds let through with a warning. */
class EventKindValidationTest {

    private static final String HEADER = "event_id,subject_type,subject_id,kind,level,count,date,note";

    private static PeriodFiles event(String row) {
        return PeriodFiles.valid().rows("events.csv", HEADER, row);
    }

    @Test
    void kindsAndLevelsInChineseAreStoredAsCodes() {
        PeriodFiles files = event("E1,干部,C1,通报批评,单位内部,2,2026-07-01,");

        assertThat(files.problems()).isEmpty();
        Event e = files.parse().events().get(0);
        assertThat(e.kind()).isEqualTo("CRITICISM");
        assertThat(e.level()).isEqualTo("DEPARTMENT");
        assertThat(e.count()).isEqualTo(2);
    }

    @Test
    void aKnownKindWithLevelsNeedsOneOfThem() {
        assertThat(event("E1,CADRE,C1,AWARD,,1,2026-07-01,").errors()).containsExactly(
                "events.csv:2: level: 表彰必须填写级别 / AWARD needs a level: NATIONAL 国家级, PROVINCIAL 省级, CITY 市级, COUNTY 县级");
        assertThat(event("E1,CADRE,C1,PUBLICITY,COUNTY,1,2026-07-01,").errors()).containsExactly(
                "events.csv:2: level: 级别无效，可选 / invalid level, expected: NATIONAL 国家级, PROVINCIAL 省级, CITY 市级: COUNTY");
    }

    @Test
    void aKindWithoutListedLevelsTakesAnyLevelOrNone() {
        assertThat(event("E1,CADRE,C1,SANCTION,CITY,1,2026-07-01,").problems()).isEmpty();
        assertThat(event("E1,CADRE,C1,SANCTION,,1,2026-07-01,").problems()).isEmpty();
    }

    @Test
    void anUnknownWellFormedKindIsAcceptedWithAWarning() {
        PeriodFiles files = event("E1,CADRE,C1,volunteer_service,,1,2026-07-01,");

        assertThat(files.errors()).isEmpty();
        assertThat(files.warnings()).containsExactly("events.csv:2: kind: 未知的事项类型，除非有规则使用它，否则不计分 / "
                + "unknown kind, gives no points unless a rule uses it: VOLUNTEER_SERVICE");
        assertThat(files.parse().events().get(0).kind()).isEqualTo("VOLUNTEER_SERVICE");
    }

    @Test
    void anUnknownKindThatIsNotACodeIsAnError() {
        assertThat(event("E1,CADRE,C1,志愿服务,,1,2026-07-01,").errors()).singleElement().asString()
                .startsWith("events.csv:2: kind: 未知的事项类型，也不是有效的代码(字母开头，由字母、数字、_ 组成) / unknown kind "
                        + "and not a well-formed code (a letter, then letters, digits, _): 志愿服务; 已知类型 / known kinds: "
                        + "AWARD 表彰, PUBLICITY 宣传信息采用");
    }

    @Test
    void aDepartmentOnlyKindOnACadreIsAWarning() {
        PeriodFiles files = event("E1,CADRE,C1,DEMO_SITE,CITY,1,2026-07-01,");

        assertThat(files.errors()).isEmpty();
        assertThat(files.warnings()).containsExactly("events.csv:2: kind: 该类型只适用于部门，默认细则不为干部计分 / this kind "
                + "applies to departments: the default rulebook gives a cadre no points for it: DEMO_SITE");
    }

    @Test
    void countIsAWholeNumberOfAtLeastOneAndDefaultsToOne() {
        assertThat(event("E1,CADRE,C1,COMPLAINT,,0,2026-07-01,").errors()).containsExactly(
                "events.csv:2: count: 次数必须在 1..1000000 范围内 / count must be 1..1000000: 0");
        assertThat(event("E1,CADRE,C1,COMPLAINT,,2.5,2026-07-01,").errors()).containsExactly(
                "events.csv:2: count: 必须是整数 / must be a whole number: 2.5");
        assertThat(event("E1,CADRE,C1,COMPLAINT,,,2026-07-01,").parse().events().get(0).count()).isEqualTo(1);
    }

    @Test
    void anEventDatedOutsideThePeriodIsAWarning() {
        PeriodFiles files = event("E1,CADRE,C1,COMPLAINT,,1,2026-06-30,");

        assertThat(files.errors()).isEmpty();
        assertThat(files.warnings()).containsExactly(
                "events.csv:2: date: 日期不在考核期 2026-Q3 内 / date outside the period 2026-Q3: 2026-06-30");
    }
}
