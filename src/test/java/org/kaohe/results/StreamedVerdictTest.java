package org.kaohe.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaohe.audit.SealKey;
import org.kaohe.evaluation.EvaluationService;
import org.kaohe.evaluation.SampleRun;
import org.kaohe.imports.ImportReport;
import org.kaohe.imports.ImportRepository;
import org.kaohe.imports.ImportService;
import org.kaohe.records.Period;
import org.kaohe.testing.CityGenerator;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An export's check ({@link RunChecks#verdict}: the rows visited as stored, checked on every core,
 * none kept) finds exactly what the check of the run's results held in display order finds
 * ({@link RunChecks#results}, what the command line's {@code results} prints), and what the same
 * check on one thread finds: the same status, the same altered rows in the same order, the same
 * problems in the same order, the same number of rows, for each kind of tampering
 * {@link SealTamperingTest} shows and for all of them at once, and for runs that cannot be checked
 * under the key. The run is a generated city of 1,860 subjects: several batches on the pool.
 */
@KaoheTest
class StreamedVerdictTest {

    @Autowired ImportService imports;
    @Autowired ImportRepository importRepository;
    @Autowired EvaluationService evaluation;
    @Autowired JdbcClient jdbc;
    @Autowired JdbcTemplate template;
    @Autowired RunQueries queries;
    @Autowired RunSealer sealer;
    @Autowired RunChecks checks;
    @Autowired UnkeyedRuns unkeyedRuns;

    @TempDir Path folder;

    @Test
    void theStreamedVerdictIsTheVerdictOfTheHeldResultsForEachKindOfTampering() throws Exception {
        long other = evaluate(Period.parse("2028-Q1"));
        long runId = evaluate(Period.parse("2028-Q2"));

        sameVerdict(runId, "untouched", run -> { });
        sameVerdict(runId, "the run's seal changed (alone: found only when its rows are intact)", run -> jdbc.sql(
                "UPDATE evaluation_run SET seal = ? WHERE id = ?").params(sealer.keyId(), run).update());
        sameVerdict(runId, "a score changed", run -> jdbc.sql(
                "UPDATE subject_result SET score = score + 1 WHERE run_id = ? AND subject_id = 'C000017'").param(run).update());
        sameVerdict(runId, "a department's name changed", run -> jdbc.sql(
                "UPDATE subject_result SET name = '改名' WHERE run_id = ? AND subject_id = 'D00031'").param(run).update());
        sameVerdict(runId, "a row deleted", run -> {
            for (String table : new String[] {"subject_detail", "subject_result"}) {
                jdbc.sql("DELETE FROM " + table + " WHERE run_id = ? AND subject_id = 'C001200'").param(run).update();
            }
        });
        sameVerdict(runId, "a row added", run -> jdbc.sql("""
                INSERT INTO subject_result (run_id, subject_type, subject_id, name, dept_id, score, band_grade,
                    gated_grade, final_grade, rank_no, vetoed, seal, lines_digest, prev_subject, parts)
                SELECT run_id, subject_type, 'C999999', name, dept_id, score, band_grade, gated_grade, final_grade,
                    rank_no, vetoed, seal, lines_digest, prev_subject, parts
                FROM subject_result WHERE run_id = ? AND subject_id = 'C000500'""").param(run).update());
        sameVerdict(runId, "a grade renamed", run -> jdbc.sql(
                "UPDATE run_grade SET label = '好' WHERE run_id = ? AND code = 'POOR'").param(run).update());
        sameVerdict(runId, "a row forged with another run's seal", run -> jdbc.sql("""
                UPDATE subject_result r SET seal = (SELECT o.seal FROM subject_result o
                    WHERE o.run_id = ? AND o.subject_type = r.subject_type AND o.subject_id = r.subject_id)
                WHERE r.run_id = ? AND r.subject_id = 'C000333'""").params(other, run).update());
        sameVerdict(runId, "the run downgraded to the legacy seal", run -> jdbc.sql(
                "UPDATE evaluation_run SET seal_scheme = 'SHA256' WHERE id = ?").param(run).update());
    }

    @Test
    void aRunSealedUnderAnotherKeyHasTheSameVerdictBothWays() {
        long runId = SampleRun.store(jdbc, template, new RunSealer(SealKey.of("another installation's key".getBytes())));

        RunVerdict streamed = sameVerdict(runId, "sealed under another key", run -> { });
        assertThat(streamed.status()).isEqualTo(SealStatus.OTHER_KEY);
    }

    @Test
    void anAlteredRowOnlyTheWholeCheckSeesMarksTheExportedRunAsTheHeldCheckDoes() throws Exception {
        long runId = evaluate(Period.parse("2028-Q3"));
        jdbc.sql("UPDATE subject_result SET rank_no = rank_no + 1 WHERE run_id = ? AND subject_id IN ('C001111', 'C000042')")
                .param(runId).update();

        RunVerdict streamed = sameVerdict(runId, "two ranks changed", run -> { });
        assertThat(streamed.failed()).isTrue();
        assertThat(streamed.alteredRows()).containsOnlyKeys("CADRE/C000042", "CADRE/C001111");
        assertThat(streamed.rowsChecked()).isEqualTo(1_860);
    }

    /**
     * Tampers with the run (cumulatively), then checks it three ways: the export's streamed check, the
     * held results' check and the streamed check on one thread. Returns the export's verdict.
     */
    private RunVerdict sameVerdict(long runId, String what, Consumer<Long> tamper) {
        tamper.accept(runId);
        RunInfo run = queries.run(runId).orElseThrow();
        RunChecks sequential = new RunChecks(queries, sealer, new RunChainChecker(sealer, false), unkeyedRuns,
                importRepository);
        RunVerdict streamed = checks.verdict(run);
        RunChecks.CheckedRun held = checks.results(run);
        for (RunVerdict other : new RunVerdict[] {held.verdict(), sequential.verdict(run)}) {
            assertThat(streamed).as(what).isEqualTo(other);
            assertThat(streamed.alteredRows().keySet()).as(what + ": in the chain's order")
                    .containsExactlyElementsOf(other.alteredRows().keySet());
        }
        assertThat(streamed.rowsChecked()).as(what).isEqualTo(held.subjects().size());
        assertThat(streamed.failed()).as(what + ": found").isEqualTo(!what.equals("untouched"));
        return streamed;
    }

    /** A generated city of 1,800 cadres in 60 departments, imported and evaluated. */
    private long evaluate(Period period) throws Exception {
        Path files = Files.createDirectories(folder.resolve(period.toString()));
        CityGenerator.writeFiles(files, CityGenerator.city(period.hashCode(), period, 60, 1_800));
        assertThat(imports.importFolder(files, period, "hr").status()).isEqualTo(ImportReport.Status.STORED);
        return evaluation.evaluate(period, "hr").runId();
    }
}
