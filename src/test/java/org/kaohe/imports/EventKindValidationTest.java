package org.kaohe.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kaohe.records.Event;

/** Event kinds and levels, by code or Chinese name, checked against the rulebook's registry (here the default one). */
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
                "events.csv:2: level: import.event.levelRequired[表彰 / AWARD, NATIONAL 国家级, PROVINCIAL 省级, CITY 市级, COUNTY 县级]");
        assertThat(event("E1,CADRE,C1,PUBLICITY,COUNTY,1,2026-07-01,").errors()).containsExactly(
                "events.csv:2: level: import.event.level[NATIONAL 国家级, PROVINCIAL 省级, CITY 市级, COUNTY]");
    }

    @Test
    void aKindWithoutListedLevelsTakesAnyLevelOrNone() {
        assertThat(event("E1,CADRE,C1,SANCTION,CITY,1,2026-07-01,").problems()).isEmpty();
        assertThat(event("E1,CADRE,C1,SANCTION,,1,2026-07-01,").problems()).isEmpty();
    }

    @Test
    void aKindOutsideTheRegistryIsAnErrorNamingTheRegisteredKinds() {
        for (String kind : new String[] {"volunteer_service", "志愿服务"}) {
            assertThat(event("E1,CADRE,C1," + kind + ",,1,2026-07-01,").errors()).singleElement().asString()
                    .startsWith("events.csv:2: kind: import.event.kindUnknown[" + kind + ", ")
                    .contains("AWARD 表彰, PUBLICITY 宣传信息采用");
        }
    }

    @Test
    void aDepartmentOnlyKindOnACadreIsAnError() {
        assertThat(event("E1,CADRE,C1,DEMO_SITE,CITY,1,2026-07-01,").errors()).containsExactly(
                "events.csv:2: kind: import.event.kindAppliesTo[示范点 / DEMO_SITE, 部门 / DEPARTMENT]");
    }

    @Test
    void aLevelMustBeRegistered() {
        assertThat(event("E1,CADRE,C1,SANCTION,DISTRICT,1,2026-07-01,").errors()).singleElement().asString()
                .startsWith("events.csv:2: level: import.event.level[NATIONAL 国家级");
    }

    @Test
    void countIsAWholeNumberOfAtLeastOneAndDefaultsToOne() {
        assertThat(event("E1,CADRE,C1,COMPLAINT,,0,2026-07-01,").errors()).containsExactly(
                "events.csv:2: count: import.row.range[次数 / count, 1..1000000, 0]");
        assertThat(event("E1,CADRE,C1,COMPLAINT,,2.5,2026-07-01,").errors()).containsExactly(
                "events.csv:2: count: import.cell.wholeNumber[2.5]");
        assertThat(event("E1,CADRE,C1,COMPLAINT,,,2026-07-01,").parse().events().get(0).count()).isEqualTo(1);
    }

    @Test
    void anEventDatedOutsideThePeriodIsAWarning() {
        PeriodFiles files = event("E1,CADRE,C1,COMPLAINT,,1,2026-06-30,");

        assertThat(files.errors()).isEmpty();
        assertThat(files.warnings()).containsExactly(
                "events.csv:2: date: import.event.dateOutside[2026-Q3, 2026-06-30]");
    }
}
