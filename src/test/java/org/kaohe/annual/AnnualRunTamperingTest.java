package org.kaohe.annual;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kaohe.errors.Message;
import org.kaohe.errors.SealBrokenException;
import org.kaohe.evaluation.EvaluationService;
import org.kaohe.imports.ImportCheck;
import org.kaohe.imports.ImportService;
import org.kaohe.records.Period;
import org.kaohe.records.SourceRef;
import org.kaohe.records.SubjectType;
import org.kaohe.results.RunChainChecker;
import org.kaohe.results.RunChainWriter;
import org.kaohe.results.RunChecks;
import org.kaohe.results.RunQueries;
import org.kaohe.results.RunRepository;
import org.kaohe.results.SealStatus;
import org.kaohe.scoring.EvaluationOutcome;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.QuarterlyGrades;
import org.kaohe.scoring.Reason;
import org.kaohe.scoring.ReasonText;
import org.kaohe.scoring.SubjectResult;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An annual run is written and checked by the quarterly runs' own chain writer and checker
 * ({@link RunChainWriter}, {@link RunChainChecker}): every kind of annual row tampered with in the
 * database (a subject's row, field by field, deleted or added; the run's row; its grade names) is
 * found, named in the checker's own words; and an over-long reason is cut the same way in an
 * annual run as in a quarterly one. On the demo year, in the context and database of
 * {@link AnnualPagesTest}: each tampering gets a fresh annual run, and the year ends on an intact one.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:annual-pages;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnualRunTamperingTest {

    private static final int YEAR = 2026;
    private static final String CADRE = "CADRE/C0009";
    private static final String DEPARTMENT = "DEPARTMENT/D01";

    @Autowired ImportService imports;
    @Autowired EvaluationService evaluation;
    @Autowired AnnualService annual;
    @Autowired AnnualResults results;
    @Autowired AnnualRepository annualRuns;
    @Autowired RunRepository quarterRuns;
    @Autowired RunQueries runQueries;
    @Autowired RunChecks runChecks;
    @Autowired JdbcClient jdbc;

    @BeforeAll
    void demoYear() {
        if (annual.evaluated(YEAR)) {
            return; // another test class on the same database evaluated it
        }
        for (int q = 1; q <= 4; q++) {
            Period period = new Period(YEAR, q);
            imports.importFolder(Path.of("data", period.toString()), period, "hr");
            evaluation.evaluate(period, "hr");
        }
        annual.importFolder(Path.of("data", "2026"), YEAR, "hr");
        annual.evaluate(YEAR, "hr");
    }

    @AfterAll
    void anIntactYearForTheOtherTests() {
        annual.evaluate(YEAR, "hr");
        assertThat(results.current(YEAR).orElseThrow().status()).isEqualTo(SealStatus.INTACT);
    }

    /**
     * Each tampering: the SQL (the run's id as its only parameter) and a problem the check must list
     * (its key, and its arguments when given).
     */
    static Stream<Arguments> tamperings() {
        String cadre = " WHERE run_id = ? AND subject_id = 'C0009'";
        return Stream.of(
                Arguments.of("score", "UPDATE annual_result SET score = score + 1" + cadre, RunChainChecker.rowAltered(CADRE)),
                Arguments.of("name", "UPDATE annual_result SET name = '别人'" + cadre, RunChainChecker.rowAltered(CADRE)),
                Arguments.of("dept", "UPDATE annual_result SET dept_id = 'D02'" + cadre, RunChainChecker.rowAltered(CADRE)),
                Arguments.of("grade", "UPDATE annual_result SET final_grade = 'EXCELLENT'" + cadre,
                        RunChainChecker.rowAltered(CADRE)),
                Arguments.of("band grade", "UPDATE annual_result SET band_grade = 'INCOMPETENT'" + cadre,
                        RunChainChecker.rowAltered(CADRE)),
                Arguments.of("rank", "UPDATE annual_result SET rank_no = 1" + cadre, RunChainChecker.rowAltered(CADRE)),
                Arguments.of("veto", "UPDATE annual_result SET vetoed = NOT vetoed" + cadre, RunChainChecker.rowAltered(CADRE)),
                Arguments.of("parts", "UPDATE annual_result SET parts = '{}'" + cadre, RunChainChecker.rowAltered(CADRE)),
                Arguments.of("lines", "UPDATE annual_result SET lines = '[]'" + cadre, RunChainChecker.linesAltered(CADRE)),
                Arguments.of("lines' digest", "UPDATE annual_result SET lines_digest = REPEAT('0', 64)" + cadre,
                        RunChainChecker.rowAltered(CADRE)),
                Arguments.of("chain pointer", "UPDATE annual_result SET prev_subject = 'CADRE/C0001'" + cadre,
                        RunChainChecker.rowAltered(CADRE)),
                Arguments.of("row seal", "UPDATE annual_result SET seal = REPEAT('0', 64)" + cadre,
                        RunChainChecker.rowAltered(CADRE)),
                Arguments.of("department", "UPDATE annual_result SET score = score - 1 WHERE run_id = ? AND subject_id = 'D01'",
                        RunChainChecker.rowAltered(DEPARTMENT)),
                Arguments.of("row deleted", "DELETE FROM annual_result" + cadre, Message.of("seal.problem.rowDeleted", CADRE)),
                Arguments.of("row added", """
                        INSERT INTO annual_result (run_id, subject_type, subject_id, name, dept_id, score, band_grade,
                            gated_grade, final_grade, rank_no, vetoed, parts, lines, seal, lines_digest, prev_subject)
                        SELECT run_id, subject_type, 'C9999', name, dept_id, score, band_grade, gated_grade, final_grade,
                            rank_no, vetoed, parts, lines, seal, lines_digest, prev_subject FROM annual_result""" + cadre,
                        RunChainChecker.rowAltered("CADRE/C9999")),
                Arguments.of("run's header", "UPDATE annual_run SET quarter_runs = '2026-Q1:1' WHERE id = ?",
                        RunChainChecker.rowAltered(CADRE)),
                Arguments.of("run's author", "UPDATE annual_run SET run_by = 'someone' WHERE id = ?",
                        RunChainChecker.rowAltered(DEPARTMENT)),
                Arguments.of("stale quarters allowed", "UPDATE annual_run SET stale_quarters_allowed = '2026-Q4:1' WHERE id = ?",
                        RunChainChecker.rowAltered(CADRE)),
                Arguments.of("run's count", "UPDATE annual_run SET subject_count = subject_count + 1 WHERE id = ?",
                        Message.of("seal.problem.count")),
                Arguments.of("run's seal", "UPDATE annual_run SET seal = REPEAT('0', 64) WHERE id = ?",
                        Message.of("seal.problem.runSeal")),
                Arguments.of("grade names", "UPDATE annual_run_grade SET label = '优秀' WHERE run_id = ? AND label = '不称职'",
                        Message.of("seal.problem.annualLabels")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tamperings")
    void everyKindOfAnnualRowTamperedWithIsFoundByTheSharedChecker(String what, String sql, Message problem) {
        long runId = annual.evaluate(YEAR, "hr").runId();
        assertThat(results.run(runId).orElseThrow().status()).isEqualTo(SealStatus.INTACT);

        assertThat(jdbc.sql(sql).param(runId).update()).as(what).isPositive();

        AnnualResults.CheckedYear checked = results.run(runId).orElseThrow();
        assertThat(checked.status()).as(what).isEqualTo(SealStatus.ALTERED);
        assertThat(checked.problems()).as(what).anySatisfy(p -> {
            assertThat(p.key()).isEqualTo(problem.key());
            if (!problem.args().isEmpty()) {
                assertThat(p.args()).isEqualTo(problem.args());
            }
        });
        assertFoundAlikeStreamed(checked, what);
    }

    /**
     * The year's pages' background check (one thread) and the exports' and paper's (every core), the
     * rows streamed and none kept, find what the whole check in memory finds.
     */
    private void assertFoundAlikeStreamed(AnnualResults.CheckedYear checked, String what) {
        for (AnnualResults.CheckedYear streamed : List.of(results.checkedAsStreamed(checked.run(), UnaryOperator.identity()),
                results.checkedAsRead(checked.run()))) {
            assertThat(streamed.status()).as(what).isEqualTo(checked.status());
            assertThat(streamed.problems()).as(what).containsExactlyElementsOf(checked.problems());
            assertThat(streamed.alteredRows()).as(what).containsExactlyEntriesOf(checked.alteredRows());
            assertThat(streamed.subjects()).as("none kept").isEmpty();
        }
    }

    /**
     * The whole check reads the year-end appraisal as stored, none kept: it names what the list read
     * in line order finds, in the same order, whatever order the rows are stored in.
     */
    @Test
    void theAppraisalCheckedAsReadNamesWhatTheListFindsInTheOrderOfTheLines() {
        AnnualRunInfo run = results.run(annual.evaluate(YEAR, "hr").runId()).orElseThrow().run();
        long importId = run.appraisalImportId();
        List<Map<String, Object>> byLine = jdbc.sql("SELECT * FROM annual_appraisal_record WHERE import_id = ? ORDER BY source_line")
                .param(importId).query().listOfRows();
        Map<String, Object> early = byLine.get(1);
        Map<String, Object> later = byLine.get(byLine.size() - 2);
        Map<String, Object> gone = byLine.get(3);
        String one = " WHERE import_id = ? AND cadre_id = ?";
        // the early line's record stored again, forged, after every other row; a later one forged in place; one deleted
        jdbc.sql("DELETE FROM annual_appraisal_record" + one).params(importId, early.get("cadre_id")).update();
        insert(early, 1);
        jdbc.sql("UPDATE annual_appraisal_record SET votes_basic = votes_basic + 1" + one).params(importId, later.get("cadre_id")).update();
        jdbc.sql("DELETE FROM annual_appraisal_record" + one).params(importId, gone.get("cadre_id")).update();
        try {
            List<Message> listed = problems(() -> annualRuns.appraisals(importId));
            List<Message> asRead = problems(() -> annualRuns.checkAppraisals(importId));
            assertThat(listed).hasSize(3);
            assertThat(asRead).containsExactlyElementsOf(listed);
            assertThat(asRead.get(0)).isEqualTo(ImportCheck.rowAltered(new SourceRef("annual-appraisals.csv",
                    ((Number) early.get("source_line")).intValue()), "annual_appraisal_record", (String) early.get("cadre_id")));
        } finally {
            jdbc.sql("DELETE FROM annual_appraisal_record" + one).params(importId, early.get("cadre_id")).update();
            insert(early, 0);
            insert(gone, 0);
            jdbc.sql("UPDATE annual_appraisal_record SET votes_basic = votes_basic - 1" + one).params(importId, later.get("cadre_id")).update();
        }
        assertThat(results.run(run.id()).orElseThrow().status()).isEqualTo(SealStatus.INTACT);
    }

    private void insert(Map<String, Object> record, int moreExcellent) {
        jdbc.sql("INSERT INTO annual_appraisal_record (import_id, cadre_id, votes_excellent, votes_competent, votes_basic,"
                        + " votes_incompetent, source_line, seal) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(record.get("import_id"), record.get("cadre_id"), ((Number) record.get("votes_excellent")).intValue() + moreExcellent,
                        record.get("votes_competent"), record.get("votes_basic"), record.get("votes_incompetent"),
                        record.get("source_line"), record.get("seal"))
                .update();
    }

    private static List<Message> problems(Runnable check) {
        try {
            check.run();
        } catch (SealBrokenException e) {
            return e.problems();
        }
        return List.of();
    }

    /** The run stands on its year-end appraisal: a forged appraisal record fails the run's check, named. */
    @Test
    void aForgedAppraisalRecordFailsTheRunsCheck() {
        AnnualRunInfo run = results.run(annual.evaluate(YEAR, "hr").runId()).orElseThrow().run();
        assertThat(results.run(run.id()).orElseThrow().status()).isEqualTo(SealStatus.INTACT);
        String record = " WHERE import_id = ? AND cadre_id = 'C0009'";
        assertThat(jdbc.sql("UPDATE annual_appraisal_record SET votes_excellent = votes_excellent + 1" + record)
                .param(run.appraisalImportId()).update()).isPositive();
        try {
            AnnualResults.CheckedYear checked = results.run(run.id()).orElseThrow();
            assertThat(checked.status()).isEqualTo(SealStatus.ALTERED);
            // The import's own problem within the run's, in each language.
            Message row = ImportCheck.rowAltered(new SourceRef("annual-appraisals.csv", 10),
                    "annual_appraisal_record", "C0009");
            assertThat(checked.problems()).contains(Message.of("seal.problem.inputRow", row));
            assertFoundAlikeStreamed(checked, "a forged appraisal record");
        } finally {
            jdbc.sql("UPDATE annual_appraisal_record SET votes_excellent = votes_excellent - 1" + record)
                    .param(run.appraisalImportId()).update();
        }
        assertThat(results.run(run.id()).orElseThrow().status()).isEqualTo(SealStatus.INTACT);
    }

    @Test
    void aRunSealedUnderAnotherKeyCannotBeChecked() {
        long runId = annual.evaluate(YEAR, "hr").runId();
        jdbc.sql("UPDATE annual_run SET key_id = 'other' WHERE id = ?").param(runId).update();

        assertThat(results.run(runId).orElseThrow().status()).isEqualTo(SealStatus.OTHER_KEY);
        assertFoundAlikeStreamed(results.run(runId).orElseThrow(), "another key");
    }

    /**
     * The drift fixed: an annual run once stored a reason longer than a quarterly run keeps whole.
     * Both now store it cut, marked, the same way, and both verify.
     */
    @Test
    void anOverLongReasonIsCutTheSameWayInAnAnnualRunAsInAQuarterlyOne() {
        AnnualRunInfo current = results.current(YEAR).orElseThrow().run();
        List<ExplanationLine> lines = List.of(new ExplanationLine("annual", "GRADE", BigDecimal.ZERO,
                Reason.frozen("表彰".repeat(5000)), List.of(new SourceRef("annual-appraisals.csv", 2))));
        int year = 2039;
        Period period = new Period(year, 1);
        try {
            SubjectResult annualCadre = withLines(results.current(YEAR).orElseThrow().subject("C0009").orElseThrow(), lines);
            long annualRun = annualRuns.insertRun(new AnnualOutcome(year, current.appraisalImportId(), "", current.rulebookVersion(),
                    List.of(annualCadre), annualRuns.scales(current.id())), "tester", OffsetDateTime.now(), null);
            long quarterRun = quarterRuns.insert(new EvaluationOutcome(period, importVersion(period), current.rulebookVersion(),
                    List.of(quarterlyCadre(lines))), "tester", OffsetDateTime.now(), 1);

            String annualReason = ReasonText.chinese(results.run(annualRun).orElseThrow().subjects().get(0).lines().get(0).reason());
            String quarterReason = ReasonText.chinese(runQueries.subject(quarterRun, "C1").orElseThrow().lines().get(0).reason());
            assertThat(annualReason.length()).as("the annual reason's length").isLessThanOrEqualTo(RunChainWriter.MAX_REASON);
            assertThat(annualReason).endsWith("(已截断 / truncated)").isEqualTo(quarterReason);
            assertThat(results.run(annualRun).orElseThrow().status()).isEqualTo(SealStatus.INTACT);
            // its rows and lines (the test's bare import version has no sealed records to check)
            assertThat(runChecks.subject(runQueries.run(quarterRun).orElseThrow(), "C1").orElseThrow().status())
                    .isEqualTo(SealStatus.INTACT);
        } finally {
            removeYear(year, period);
        }
    }

    private long importVersion(Period period) {
        jdbc.sql("INSERT INTO import_version (period, version, content_hash, imported_by, imported_at) VALUES (?, 1, 'h', 't', ?)")
                .params(period.toString(), OffsetDateTime.now()).update();
        return jdbc.sql("SELECT id FROM import_version WHERE period = ?").param(period.toString()).query(Long.class).single();
    }

    /** Nothing of the test's own year and quarter is left for the other tests on this database. */
    private void removeYear(int year, Period period) {
        String annualRun = "(SELECT id FROM annual_run WHERE year_no = " + year + ")";
        jdbc.sql("DELETE FROM annual_result WHERE run_id IN " + annualRun).update();
        jdbc.sql("DELETE FROM annual_run_grade WHERE run_id IN " + annualRun).update();
        jdbc.sql("DELETE FROM annual_run WHERE year_no = ?").param(year).update();
        String run = "(SELECT id FROM evaluation_run WHERE period = '" + period + "')";
        for (String table : List.of("subject_detail", "subject_result", "run_grade", "run_part")) {
            jdbc.sql("DELETE FROM " + table + " WHERE run_id IN " + run).update();
        }
        jdbc.sql("DELETE FROM evaluation_run WHERE period = ?").param(period.toString()).update();
        jdbc.sql("DELETE FROM import_version WHERE period = ?").param(period.toString()).update();
    }

    private static SubjectResult quarterlyCadre(List<ExplanationLine> lines) {
        return new SubjectResult(SubjectType.CADRE, "C1", "张三", "D1", new BigDecimal("20.00"),
                Map.of("B", new BigDecimal("20.00")), QuarterlyGrades.POOR, QuarterlyGrades.POOR, QuarterlyGrades.POOR,
                1, false, lines);
    }

    private static SubjectResult withLines(SubjectResult s, List<ExplanationLine> lines) {
        return new SubjectResult(s.subjectType(), s.subjectId(), s.name(), s.deptId(), s.score(), s.parts(),
                s.bandGrade(), s.gatedGrade(), s.finalGrade(), s.rank(), s.vetoed(), lines);
    }
}
