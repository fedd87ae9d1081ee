package org.kaohe.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kaohe.records.Department;
import org.kaohe.records.Event;
import org.kaohe.records.SourceRef;

/** Headers, file presence and the shape of rows: everything before the fields themselves. */
class CsvShapeTest {

    @Test
    void chineseHeadersInAnyOrderReadLikeEnglishOnes() {
        PeriodFiles files = PeriodFiles.valid()
                .rows("departments.csv", "类型,部门编号,部门名称", "工会,D1,市总工会", "共青团,D2,团市委")
                .rows("cadres.csv", "姓名,干部编号,职务,部门编号,出生日期", "张伟,C1,科长,D1,1980-05-01",
                        "李娜,C2,副书记,D2,1990-03-15")
                .rows("events.csv", "事项编号,对象类型,对象编号,类型,级别,次数,日期,说明",
                        "E1,干部,C1,表彰,省级,1,2026-07-15,省级表彰", "E2,部门,D1,资源整合项目,牵头,,2026-08-01,")
                .rows("targets.csv", "任务编号,考核期,对象类型,对象编号,工程类别,任务名称,计划值,完成值,权重,截止日期,完成日期,重点工作",
                        "T1,2026-Q3,干部,C1,素质工程,职工技能培训,10,10,2,2026-09-30,2026-09-20,是",
                        "T2,2026-Q3,部门,D1,维权工程,农民工工资维权,4,2.5,1,2026-08-31,,否")
                .rows("organizations.csv", "组织编号,部门编号,区域,书记年龄,成员数,本期活动次数", "O1,D2,乡镇,29,35,4")
                .rows("appraisals.csv", "考核期,干部编号,好票,较好票,一般票,较差票,领导评价", "2026-Q3,C1,6,3,1,0,90");

        ParsedImport chinese = files.parse();
        ParsedImport english = PeriodFiles.valid().parse();

        assertThat(chinese.problems()).isEmpty();
        assertThat(chinese.departments()).isEqualTo(english.departments());
        assertThat(chinese.cadres()).isEqualTo(english.cadres());
        assertThat(chinese.targets()).isEqualTo(english.targets());
        assertThat(chinese.appraisals()).isEqualTo(english.appraisals());
        assertThat(chinese.events()).isEqualTo(english.events());
        assertThat(chinese.organizations()).isEqualTo(english.organizations());
    }

    @Test
    void englishHeadersIgnoreCaseAndSurroundingSpaces() {
        PeriodFiles files = PeriodFiles.valid()
                .rows("departments.csv", " DEPT_ID , Name ,Type", "D1,市总工会,TRADE_UNION", "D2,团市委,YOUTH_LEAGUE");

        assertThat(files.problems()).isEmpty();
        assertThat(files.parse().departments()).hasSize(2);
    }

    @Test
    void anUnknownExtraColumnIsAWarningAndIgnored() {
        PeriodFiles files = PeriodFiles.valid()
                .rows("departments.csv", "dept_id,name,type,remark", "D1,市总工会,TRADE_UNION,x", "D2,团市委,YOUTH_LEAGUE,y");

        assertThat(files.errors()).isEmpty();
        assertThat(files.warnings()).singleElement().asString()
                .startsWith("departments.csv:1: remark: import.csv.unknownColumn[");
        assertThat(files.parse().departments()).hasSize(2);
    }

    @Test
    void aMissingRequiredColumnIsAnError() {
        PeriodFiles files = PeriodFiles.valid()
                .rows("departments.csv", "dept_id,name", "D1,市总工会", "D2,团市委");

        assertThat(files.errors()).containsExactly(
                "departments.csv:1: type: import.csv.columnMissing[type(类型) / type (类型)]");
    }

    @Test
    void blankLinesAboveTheHeaderMoveItsLine() {
        PeriodFiles files = PeriodFiles.valid().with("departments.csv", "\n\ndept_id,name\nD1,市总工会\n");

        assertThat(files.errors()).containsExactly(
                "departments.csv:3: type: import.csv.columnMissing[type(类型) / type (类型)]");
    }

    @Test
    void aColumnGivenTwiceInTwoLanguagesIsAnError() {
        PeriodFiles files = PeriodFiles.valid()
                .rows("departments.csv", "dept_id,name,type,部门名称", "D1,市总工会,TRADE_UNION,工会",
                        "D2,团市委,YOUTH_LEAGUE,团");

        assertThat(files.errors()).containsExactly(
                "departments.csv:1: 部门名称: import.csv.columnTwice[name]");
    }

    @Test
    void optionalColumnsMayBeLeftOut() {
        PeriodFiles files = PeriodFiles.valid()
                .rows("events.csv", "event_id,subject_type,subject_id,kind,date", "E1,CADRE,C1,COMPLAINT,2026-07-15");

        assertThat(files.problems()).isEmpty();
        assertThat(files.parse().events()).singleElement()
                .satisfies(e -> {
                    assertThat(e.count()).isEqualTo(1);
                    assertThat(e.level()).isNull();
                    assertThat(e.note()).isEmpty();
                });
    }

    @Test
    void aMissingFileIsRefusedNamedAndAMissingRecordFileSaysHowToStateNoRecords() {
        PeriodFiles files = PeriodFiles.valid().without("cadres.csv").without("events.csv")
                .rows("appraisals.csv", "period,cadre_id,votes_good,votes_fair,votes_average,votes_poor,leader_score")
                .rows("targets.csv", "target_id,period,owner_type,owner_id,project,title,planned,actual,weight,due_date,"
                        + "done_date,key_work", "T2,2026-Q3,DEPARTMENT,D1,RIGHTS,维权,4,2,1,2026-08-31,,N");

        assertThat(files.errors()).containsExactly(
                "cadres.csv:0: import.file.missing[cadres.csv]",
                "events.csv:0: import.file.missingHint[events.csv, "
                        + "event_id,period,subject_type,subject_id,kind,level,count,date,note]");
        assertThat(files.warnings()).isEmpty();
    }

    @Test
    void anEmptyRosterFileAndAHeaderOnlyRosterFileAreErrors() {
        PeriodFiles files = PeriodFiles.valid()
                .with("departments.csv", "")
                .with("cadres.csv", "cadre_id,name,dept_id,position,birth_date\n");

        assertThat(files.errors()).containsExactly(
                "departments.csv:0: import.csv.empty[]",
                "cadres.csv:1: import.csv.headerOnly[]");
    }

    @Test
    void aRecordFileSaysNoRecordsByItsHeaderOnlyAndAnEmptyOneIsRefused() {
        PeriodFiles files = PeriodFiles.valid()
                .with("events.csv", "event_id,period,subject_type,subject_id,kind,level,count,date,note\n")
                .with("organizations.csv", "");

        assertThat(files.errors()).containsExactly(
                "organizations.csv:0: import.csv.emptyHint[org_id,dept_id,area,secretary_age,members,activities]");
        assertThat(files.warnings()).isEmpty();
        PeriodFiles headerOnly = PeriodFiles.valid().with("events.csv", "event_id,period,subject_type,subject_id,kind,"
                + "level,count,date,note\n");
        assertThat(headerOnly.problems()).isEmpty();
        assertThat(headerOnly.parse().events()).isEmpty();
    }

    @Test
    void blankLinesAndRowsOfEmptyCellsAreSkippedAndLinesStillCount() {
        PeriodFiles files = PeriodFiles.valid()
                .with("departments.csv", "dept_id,name,type\r\n\r\nD1,市总工会,TRADE_UNION\r\n,,\r\n\r\nD2,团市委,YOUTH_LEAGUE\r\n");

        assertThat(files.problems()).isEmpty();
        assertThat(files.parse().departments()).extracting(Department::source)
                .containsExactly(new SourceRef("departments.csv", 3), new SourceRef("departments.csv", 6));
    }

    @Test
    void aQuotedCellOverSeveralLinesKeepsTheRecordsPhysicalLine() {
        PeriodFiles files = PeriodFiles.valid()
                .rows("events.csv", "event_id,subject_type,subject_id,kind,date,note",
                        "E1,CADRE,C1,COMPLAINT,2026-07-15,\"第一行\n第二行\n第三行\"",
                        "E2,CADRE,C1,COMPLAINT,2026-07-16,x",
                        "E3,CADRE,C1,COMPLAINT,2026-13-01,y");

        assertThat(files.parse().events()).extracting(Event::source)
                .containsExactly(new SourceRef("events.csv", 2), new SourceRef("events.csv", 5));
        assertThat(files.errors()).containsExactly(
                "events.csv:6: date: import.cell.noSuchDate[2026-13-01]");
    }

    @Test
    void aRowWithMoreOrFewerCellsThanTheHeaderIsAnError() {
        PeriodFiles files = PeriodFiles.valid()
                .row("departments.csv", "D3,市妇联", "D4,市科协,SCIENCE_ASSOCIATION,extra");

        assertThat(files.errors()).containsExactly(
                "departments.csv:4: import.csv.cellCount[2, 3]",
                "departments.csv:5: import.csv.cellCount[4, 3]");
    }

    @Test
    void semicolonOrTabSeparatedFilesAreRecognisedAsSuch() {
        PeriodFiles files = PeriodFiles.valid()
                .with("departments.csv", "dept_id;name;type\nD1;市总工会;TRADE_UNION\n")
                .with("organizations.csv", "org_id\tdept_id\tarea\tsecretary_age\tmembers\tactivities\n");

        assertThat(files.errors()).containsExactly(
                "departments.csv:1: import.csv.separator[]",
                "organizations.csv:1: import.csv.separator[]");
    }

    @Test
    void brokenQuotesGiveTheLineAndNoStackTrace() {
        PeriodFiles unclosed = PeriodFiles.valid().row("departments.csv", "D3,\"市妇联,WOMENS_FEDERATION");
        PeriodFiles textAfterQuote = PeriodFiles.valid().row("departments.csv", "D3,\"市妇联\"x,WOMENS_FEDERATION");

        assertThat(unclosed.errors()).singleElement().asString()
                .startsWith("departments.csv:4: import.csv.brokenQuotes[");
        assertThat(textAfterQuote.errors()).singleElement().asString()
                .startsWith("departments.csv:4: import.csv.brokenQuotes[");
    }

    @Test
    void referencesIntoAFileThatCouldNotBeReadAreNotReportedAgain() {
        PeriodFiles files = PeriodFiles.valid().with("departments.csv", "dept_id,name,type\n\"D1,x,TRADE_UNION\n");

        assertThat(files.errors()).hasSize(1).allMatch(e -> e.startsWith("departments.csv:2:"));
    }

    @Test
    void anUnknownFileNameIsAnErrorAndNamesMatchIgnoringCase() {
        java.util.Map<String, byte[]> files = PeriodFiles.valid().bytes();
        files.put("Departments.CSV", files.remove("departments.csv"));
        files.put("notes.csv", "x".getBytes());

        ParsedImport parsed = ImportParser.parse(files, PeriodFiles.PERIOD);

        assertThat(parsed.problems()).extracting(PeriodFiles::keyed).containsExactly(
                "notes.csv:0: import.file.unknownName[departments.csv, cadres.csv, "
                        + "targets.csv, appraisals.csv, events.csv, organizations.csv]");
        assertThat(parsed.departments()).hasSize(2);
    }
}
