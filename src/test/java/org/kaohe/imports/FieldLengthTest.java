package org.kaohe.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kaohe.evaluation.EvaluationService;
import org.kaohe.records.Period;
import org.kaohe.results.RunChecks;
import org.kaohe.results.RunQueries;
import org.kaohe.rules.RulebookService;
import org.kaohe.scoring.ReasonText;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every text field of the six files has a limit that the import checks and the database holds:
 * a quarter with every text at its limit imports, evaluates (reasons quote a full title and a full
 * note) and reads back sealed and whole; one character more is refused with its file, line and
 * column, and nothing is stored.
 */
class FieldLengthTest extends ImportDatabaseTest {

    private static final String DEPT = "D" + "1".repeat(63);
    private static final String CADRE = "C" + "2".repeat(63);
    private static final String TITLE = "题".repeat(500);
    private static final String NOTE = "注".repeat(1000);

    @Autowired RulebookService rulebooks;
    @Autowired EvaluationService evaluation;
    @Autowired RunQueries runs;
    @Autowired RunChecks checks;

    /** The quarter with every text field at its limit (ids 64, names and positions 200, title 500, note 1000, codes 64). */
    static PeriodFiles atTheLimits(int year) {
        String period = year + "-Q3";
        return PeriodFiles.valid()
                .rows("departments.csv", "dept_id,name,type", DEPT + "," + "部".repeat(200) + ",TRADE_UNION")
                .rows("cadres.csv", "cadre_id,name,dept_id,position,birth_date",
                        CADRE + "," + "名".repeat(200) + "," + DEPT + "," + "职".repeat(200) + ",1980-05-01")
                .rows("targets.csv", "target_id,period,owner_type,owner_id,project,title,planned,actual,weight,due_date,done_date,key_work",
                        "T" + "3".repeat(63) + "," + period + ",CADRE," + CADRE + ",QUALITY," + TITLE + ",10,12,2,"
                                + year + "-09-30," + year + "-09-20,Y")
                .rows("appraisals.csv", "period,cadre_id,votes_good,votes_fair,votes_average,votes_poor,leader_score",
                        period + "," + CADRE + ",6,3,1,0,90")
                .rows("events.csv", "event_id,period,subject_type,subject_id,kind,level,count,date,note",
                        "E" + "4".repeat(63) + "," + period + ",CADRE," + CADRE + ",AWARD,PROVINCIAL,1," + year + "-07-15," + NOTE,
                        // kinds and levels come from the rulebook's registry, whose codes are at most 64 characters
                        "E5," + period + ",CADRE," + CADRE + ",COMPLAINT,,1," + year + "-07-16," + NOTE)
                .rows("organizations.csv", "org_id,dept_id,area,secretary_age,members,activities",
                        "O" + "6".repeat(63) + "," + DEPT + ",TOWNSHIP,29,35,4");
    }

    @Test
    void aQuarterWithEveryTextAtItsLimitImportsEvaluatesAndReadsBackWhole() throws Exception {
        rulebooks.publish(RulebookService.read(Path.of("rules")), "test", "测试 test");
        Period period = PeriodFiles.q3(2040);
        ImportReport report = importService.importFiles(atTheLimits(2040).bytes(), period, "hr");
        assertThat(report.errors()).isEmpty();
        assertThat(report.status()).isEqualTo(ImportReport.Status.STORED);

        long runId = evaluation.evaluate(period, "hr").runId();

        assertThat(checks.intact(runId)).isTrue();
        var cadre = runs.subject(runId, CADRE).orElseThrow();
        assertThat(cadre.name()).hasSize(200);
        assertThat(cadre.lines()).extracting(l -> ReasonText.chinese(l.reason()))
                .anyMatch(r -> r.contains(NOTE)).anyMatch(r -> r.contains(TITLE));
    }

    static Stream<Arguments> oneCharacterTooMany() {
        return Stream.of(
                Arguments.of("departments.csv", "dept_id", "dept_id,name,type", DEPT + "1,部门,TRADE_UNION"),
                Arguments.of("departments.csv", "name", "dept_id,name,type", DEPT + "," + "部".repeat(201) + ",TRADE_UNION"),
                Arguments.of("cadres.csv", "cadre_id", "cadre_id,name,dept_id,position,birth_date",
                        CADRE + "2,张伟," + DEPT + ",科长,1980-05-01"),
                Arguments.of("cadres.csv", "name", "cadre_id,name,dept_id,position,birth_date",
                        CADRE + "," + "名".repeat(201) + "," + DEPT + ",科长,1980-05-01"),
                Arguments.of("cadres.csv", "position", "cadre_id,name,dept_id,position,birth_date",
                        CADRE + ",张伟," + DEPT + "," + "职".repeat(201) + ",1980-05-01"),
                Arguments.of("targets.csv", "title",
                        "target_id,period,owner_type,owner_id,project,title,planned,actual,weight,due_date,done_date,key_work",
                        "T1,2041-Q3,CADRE," + CADRE + ",QUALITY," + "题".repeat(501) + ",10,12,2,2041-09-30,,Y"),
                Arguments.of("events.csv", "note", "event_id,period,subject_type,subject_id,kind,level,count,date,note",
                        "E1,2041-Q3,CADRE," + CADRE + ",AWARD,PROVINCIAL,1,2041-07-15," + "注".repeat(1001)),
                Arguments.of("events.csv", "kind", "event_id,period,subject_type,subject_id,kind,level,count,date,note",
                        "E1,2041-Q3,CADRE," + CADRE + ",K" + "K".repeat(64) + ",,1,2041-07-15,"),
                Arguments.of("events.csv", "level", "event_id,period,subject_type,subject_id,kind,level,count,date,note",
                        "E1,2041-Q3,CADRE," + CADRE + ",NEWKIND,L" + "L".repeat(64) + ",1,2041-07-15,"),
                Arguments.of("organizations.csv", "org_id", "org_id,dept_id,area,secretary_age,members,activities",
                        "O" + "6".repeat(64) + "," + DEPT + ",TOWNSHIP,29,35,4"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("oneCharacterTooMany")
    void oneCharacterBeyondTheLimitIsRefusedWithItsPlaceAndStoresNothing(String file, String column, String header,
                                                                        String row) {
        var before = rowCounts();
        ImportReport report = importService.importFiles(atTheLimits(2041).rows(file, header, row).bytes(),
                PeriodFiles.q3(2041), "hr");

        assertThat(report.status()).isEqualTo(ImportReport.Status.REJECTED);
        assertThat(report.errors()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(file);
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo(column);
        });
        assertThat(rowCounts()).isEqualTo(before);
    }
}
