package org.kaohe.annual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.kaohe.errors.EvaluationException;
import org.kaohe.errors.SealBrokenException;
import org.kaohe.evaluation.EvaluationService;
import org.kaohe.imports.ImportProblem;
import org.kaohe.imports.ImportReport;
import org.kaohe.imports.ImportService;
import org.kaohe.records.Period;
import org.kaohe.results.RunQueries;
import org.kaohe.results.SealStatus;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.ReasonText;
import org.kaohe.scoring.SubjectResult;
import org.kaohe.testing.CliRun;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo year end to end on a real H2 with the real rulebook: the four demo quarters evaluated,
 * data/2026/annual-appraisals.csv imported, the year evaluated, stored sealed and read back checked;
 * refusals (a missing quarter, bad rows) change nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "spring.datasource.url=jdbc:h2:mem:annual-service;DB_CLOSE_DELAY=-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnualServiceTest {

    private static final int YEAR = 2026;

    @Autowired ImportService imports;
    @Autowired EvaluationService evaluation;
    @Autowired AnnualService annual;
    @Autowired AnnualResults results;
    @Autowired RunQueries runs;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext context;

    private Message missingQuarter;
    private long oldQ2Run;

    @BeforeAll
    void demoYear() {
        for (int q = 1; q <= 4; q++) {
            Period period = new Period(YEAR, q);
            ImportReport report = imports.importFolder(Path.of("data", period.toString()), period, "hr");
            assertThat(report.errors()).as(period.toString()).isEmpty();
        }
        for (int q = 1; q <= 3; q++) {
            evaluation.evaluate(new Period(YEAR, q), "hr");
        }
        assertThat(annual.importFolder(Path.of("data", "2026"), YEAR, "hr").status()).isEqualTo(AnnualService.ImportStatus.STORED);
        try {
            annual.evaluate(YEAR, "hr");
        } catch (EvaluationException e) {
            missingQuarter = e.message().orElseThrow();
        }
        oldQ2Run = runs.currentRun(new Period(YEAR, 2)).orElseThrow().id();
        evaluation.evaluate(new Period(YEAR, 2), "hr");     // the old Q2 run is no longer current
        evaluation.evaluate(new Period(YEAR, 4), "hr");
        annual.evaluate(YEAR, "hr");
    }

    @Test
    void aMissingQuarterIsRefusedNamingIt() {
        assertThat(missingQuarter).isEqualTo(Message.of("state.annual.quarterMissing", "2026", "2026-Q4"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'EVALUATE_YEAR_FAILED'").query(Long.class).single())
                .isEqualTo(1L);
    }

    @Test
    void onlyTheCurrentRunOfEachQuarterIsUsed() {
        AnnualResults.CheckedYear year = results.current(YEAR).orElseThrow();
        long currentQ2 = runs.currentRun(new Period(YEAR, 2)).orElseThrow().id();
        assertThat(currentQ2).isNotEqualTo(oldQ2Run);
        assertThat(year.run().quarterRuns()).contains("2026-Q2:" + currentQ2).doesNotContain("2026-Q2:" + oldQ2Run + ",");
        assertThat(ReasonText.chinese(line(year.subject("C0001").orElseThrow(), "Q").reason())).contains("2026-Q2 run #" + currentQ2)
                .doesNotContain("run #" + oldQ2Run + " ");
    }

    @Test
    void theDemoYearHasTheCasesItWasMadeFor() {
        AnnualResults.CheckedYear year = results.current(YEAR).orElseThrow();
        assertThat(year.status()).isEqualTo(SealStatus.INTACT);
        assertThat(year.subjects()).hasSize(87 + 6);
        SubjectResult tiedIn = year.subject("C0004").orElseThrow();
        SubjectResult tiedOut = year.subject("C0009").orElseThrow();
        assertThat(tiedIn.score()).isEqualByComparingTo("91.00");
        assertThat(tiedOut.score()).isEqualByComparingTo("91.00");
        assertThat(tiedIn.finalGrade().label()).isEqualTo("优秀");
        assertThat(tiedOut.finalGrade().label()).isEqualTo("称职");
        assertThat(line(tiedIn, "E").points()).isEqualByComparingTo("24.88");
        assertThat(ReasonText.chinese(line(tiedOut, "GRADE").reason())).contains("优秀最多 3 个");
        SubjectResult vetoed = year.subject("C0010").orElseThrow();
        assertThat(vetoed.vetoed()).isTrue();
        assertThat(vetoed.finalGrade().label()).isEqualTo("不称职");
        assertThat(year.subject("C0082").orElseThrow().finalGrade().label()).isEqualTo("不定等次");
        assertThat(year.subject("C0082").orElseThrow().rank()).isZero();
        assertThat(ReasonText.chinese(line(year.subject("C0030").orElseThrow(), "E").reason())).contains("没有此干部");
        assertThat(line(year.subject("C0030").orElseThrow(), "E").points()).isEqualByComparingTo("0");
        assertThat(year.subject("C0028").orElseThrow().finalGrade().label()).isEqualTo("基本称职");
        assertThat(line(year.subject("C0004").orElseThrow(), "E").evidence().get(0).toString())
                .isEqualTo("annual-appraisals.csv:5");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'EVALUATE_YEAR'").query(Long.class).single())
                .isGreaterThanOrEqualTo(1L);
    }

    @Test
    void badRowsAreLocatedAndNothingIsStored() {
        long before = jdbc.sql("SELECT COUNT(*) FROM annual_import").query(Long.class).single();
        String file = "\uFEFFyear,cadre_id,votes_excellent,votes_competent,votes_basic,votes_incompetent\n"
                + "2026,C0001,1,2,3,4\n"          // line 2: fine
                + "2026,C0001,1,2,3,4\n"          // line 3: the same cadre again
                + "2026,C9999,1,2,3,4\n"          // line 4: in no quarter of 2026
                + "2026,C0002,-1,2,3,4\n"         // line 5: a negative count
                + "2025,C0003,1,2,3,4\n"          // line 6: another year
                + "2026,=C0004,1,2,3,4\n"         // line 7: a formula-like id
                + "2026,C0005,1,2\n";             // line 8: too few cells
        AnnualService.ImportResult result = annual.importFile(file.getBytes(StandardCharsets.UTF_8), YEAR, "hr");
        assertThat(result.status()).isEqualTo(AnnualService.ImportStatus.REJECTED);
        List<String> errors = result.errors().stream()
                .map(p -> p.file() + ":" + p.line() + ": " + p.column() + ": " + p.typed().key() + p.typed().args()).toList();
        assertThat(errors).contains("annual-appraisals.csv:3: cadre_id: import.row.duplicateId[2, C0001]",
                        "annual-appraisals.csv:4: cadre_id: import.annual.unknownCadre[2026, C9999]",
                        "annual-appraisals.csv:6: year: import.annual.year[2026, 2025]",
                        "annual-appraisals.csv:8: null: import.csv.cellCount[4, 6]")
                .anySatisfy(e -> assertThat(e).startsWith("annual-appraisals.csv:5: votes_excellent:"))
                .anySatisfy(e -> assertThat(e).startsWith("annual-appraisals.csv:7: cadre_id:"));
        assertThat(errors).hasSize(6);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM annual_import").query(Long.class).single()).isEqualTo(before);
        assertThat(annual.importFile(null, YEAR, "hr").errors().get(0).toString())
                .contains("annual-appraisals.csv:0:", "缺少文件 annual-appraisals.csv", "give the file with its header line only: "
                        + "year,cadre_id,votes_excellent,votes_competent,votes_basic,votes_incompetent");
    }

    @Test
    void aChangedFileIsANewVersionAndAnIdenticalOneIsRecognised() throws Exception {
        byte[] original = Files.readAllBytes(Path.of("data", "2026", "annual-appraisals.csv"));
        assertThat(annual.importFile(original, YEAR, "hr").status()).isEqualTo(AnnualService.ImportStatus.UNCHANGED);
        byte[] changed = new String(original, StandardCharsets.UTF_8).replace("2026,C0001,40,8,0,0", "2026,C0001,0,8,0,40")
                .getBytes(StandardCharsets.UTF_8);
        AnnualService.ImportResult second = annual.importFile(changed, YEAR, "hr");
        assertThat(second.status()).isEqualTo(AnnualService.ImportStatus.STORED);
        AnnualService.ImportResult back = annual.importFile(original, YEAR, "hr");
        assertThat(back.status()).isEqualTo(AnnualService.ImportStatus.STORED);
        assertThat(back.version()).isEqualTo(second.version() + 1);
    }

    @Test
    void aYearEndAppraisalChangedInTheDatabaseRefusesTheAnnualEvaluationNamingIt() {
        long importId = jdbc.sql("SELECT MAX(id) FROM annual_import WHERE year_no = ?").param(YEAR).query(Long.class).single();
        String where = " WHERE import_id = " + importId + " AND cadre_id = 'C0001'";
        int votes = jdbc.sql("SELECT votes_excellent FROM annual_appraisal_record" + where).query(Integer.class).single();
        jdbc.sql("UPDATE annual_appraisal_record SET votes_excellent = ?" + where).param(votes + 5).update();
        try {
            assertThatThrownBy(() -> annual.evaluate(YEAR, "hr")).isInstanceOfSatisfying(SealBrokenException.class,
                    e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p).isEqualTo(Message.of("import.seal.row",
                            p.args().get(0), "annual_appraisal_record", "C0001"))));
            CliRun cli = run("evaluate", "--year", "2026");
            assertThat(cli.exitCode()).isEqualTo(3);
            assertThat(cli.err()).contains("annual-appraisals.csv:").contains("C0001");
        } finally {
            jdbc.sql("UPDATE annual_appraisal_record SET votes_excellent = ?" + where).param(votes).update();
        }
        annual.evaluate(YEAR, "hr");
        assertThat(results.current(YEAR).orElseThrow().status()).isEqualTo(SealStatus.INTACT);
    }

    @Test
    void anAnnualSubjectDeletedFromTheSealedRunReadsAsMissing() {
        annual.evaluate(YEAR, "hr");
        long runId = results.current(YEAR).orElseThrow().run().id();
        assertThat(jdbc.sql("DELETE FROM annual_result WHERE run_id = ? AND subject_id = 'C0009'").param(runId).update())
                .isEqualTo(1);

        CliRun explain = run("explain", "--year", "2026", "--subject", "C0009");
        assertThat(explain.exitCode()).isEqualTo(3);
        Message missing = Message.of("seal.problem.missing.year", "C0009", Long.toString(runId));
        assertThat(explain.err()).contains(MessageText.of(missing, Locale.SIMPLIFIED_CHINESE))
                .doesNotContain(MessageText.of(missing, Locale.ENGLISH)); // in the language the command runs in
        assertThat(run("explain", "--year", "2026", "--subject", "NOBODY").exitCode()).as("never held").isEqualTo(2);
        annual.evaluate(YEAR, "hr");                      // a fresh run for the other tests
    }

    @Test
    void aTamperedAnnualResultIsMarkedAndTheOthersStayIntact() {
        annual.evaluate(YEAR, "hr");
        long runId = results.current(YEAR).orElseThrow().run().id();
        jdbc.sql("UPDATE annual_result SET final_grade = 'EXCELLENT' WHERE run_id = ? AND subject_id = 'C0009'")
                .param(runId).update();
        AnnualResults.CheckedYear year = results.current(YEAR).orElseThrow();
        assertThat(year.status()).isEqualTo(SealStatus.ALTERED);
        assertThat(year.statusOf(year.subject("C0009").orElseThrow())).isEqualTo(SealStatus.ALTERED);
        assertThat(year.statusOf(year.subject("C0004").orElseThrow())).isEqualTo(SealStatus.INTACT);
        assertThat(year.problems()).anySatisfy(p -> assertThat(p.args()).contains("CADRE/C0009"));
        CliRun cli = run("results", "--year", "2026", "--format", "csv");
        assertThat(cli.exitCode()).isEqualTo(3);
        assertThat(cli.out()).contains("seal").contains("C0009").contains("已被改动 / ALTERED");
        annual.evaluate(YEAR, "hr");                      // a fresh run for the other tests
        assertThat(results.current(YEAR).orElseThrow().status()).isEqualTo(SealStatus.INTACT);
    }

    @Test
    void renamingAnAnnualGradeBehindKaohesBackIsFlaggedAndRunsVerifyNamesIt() {
        annual.evaluate(YEAR, "hr");
        long runId = results.current(YEAR).orElseThrow().run().id();
        assertThat(run("runs", "verify", "--year", "2026").exitCode()).isZero();
        CliRun all = run("runs", "verify");
        assertThat(all.exitCode()).as(all.out()).isZero();
        assertThat(all.out()).contains("年度考核 #" + runId + " 2026");

        // 不称职 renamed 优秀: every page would say 优秀 where the run graded 不称职
        jdbc.sql("UPDATE annual_run_grade SET label = '优秀' WHERE run_id = ? AND label = '不称职'").param(runId).update();

        AnnualResults.CheckedYear year = results.current(YEAR).orElseThrow();
        assertThat(year.status()).isEqualTo(SealStatus.ALTERED);
        assertThat(year.problems()).contains(Message.of("seal.problem.annualLabels"));
        CliRun verify = run("runs", "verify", "--year", "2026");
        assertThat(verify.exitCode()).isEqualTo(3);
        assertThat(verify.out()).contains("年度考核 #" + runId, MessageText.of(Message.of("seal.problem.annualLabels"), Locale.SIMPLIFIED_CHINESE));
        assertThat(run("runs", "verify").exitCode()).isEqualTo(3);
        assertThat(run("runs", "verify", "--year", "2031").exitCode()).isEqualTo(2);
        annual.evaluate(YEAR, "hr");                      // a fresh run for the other tests
    }

    @Test
    void resultsAndExplainForTheYearOnTheCommandLine() throws Exception {
        CliRun table = run("results", "--year", "2026");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("subject_type", "rank", "C0009", "91.00", "不定等次");
        CliRun csv = run("results", "--year", "2026", "--format", "csv");
        assertThat(csv.out()).contains("subject_type,subject_id,name,dept_id,score,grade,rank,vetoed")
                .contains("CADRE,C0082,林子涵,D02,89.33,不定等次,,false");
        CliRun json = run("results", "--year", "2026", "--format", "json");
        assertThat(json.out()).contains("\"rank\" : null");
        CliRun explain = run("explain", "--year", "2026", "--subject", "C0009");
        assertThat(explain.exitCode()).isZero();
        assertThat(explain.out()).contains("annual-appraisals.csv:10", "名额", "2026-Q1 run #", "封印 seal: 完好");
        CliRun noFile = run("results", "--year", "2026", "--format", "xlsx");
        assertThat(noFile.exitCode()).isEqualTo(2);
        assertThat(noFile.err()).contains("--out");
        java.nio.file.Path workbook = java.nio.file.Files.createTempFile("kaohe-2026-", ".xlsx");
        try {
            CliRun xlsx = run("results", "--year", "2026", "--format", "xlsx", "--out", workbook.toString());
            assertThat(xlsx.exitCode()).as(xlsx.err()).isZero();
            try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(java.nio.file.Files.newInputStream(workbook))) {
                assertThat(book.getSheetAt(0).getSheetName()).isEqualTo("2026 年度考核");
            }
        } finally {
            java.nio.file.Files.deleteIfExists(workbook);
        }
        CliRun unknown = run("explain", "--year", "2026", "--subject", "C9999");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("没有对象 C9999");
        assertThat(run("results", "--year", "2030").err()).contains("尚无年度考核结果");
    }

    private static ExplanationLine line(SubjectResult s, String part) {
        return s.lines().stream().filter(l -> l.part().equals(part)).findFirst().orElseThrow();
    }


    private CliRun run(String... args) {
        return CliRun.inChinese(context, args);
    }
}
