package org.kaohe.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaohe.evaluation.EvaluationService;
import org.kaohe.imports.ImportReport;
import org.kaohe.imports.ImportRepository;
import org.kaohe.imports.ImportService;
import org.kaohe.records.Period;
import org.kaohe.testing.CityGenerator;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code runs verify} checks a run's rows and lines on every core: it must find exactly what the
 * same checker on one thread finds, problem for problem and in the same order, for each kind of
 * tampering {@link SealTamperingTest} shows (a result changed, a line deleted, a row deleted, a
 * grade renamed, a row forged with another run's seal, an imported record changed) and for all of
 * them at once. The run is a generated city of 1,860 subjects, so its lines are checked in several
 * batches on the pool.
 */
@KaoheTest
class ParallelRunCheckTest {


    @Autowired ImportService imports;
    @Autowired ImportRepository importRepository;
    @Autowired EvaluationService evaluation;
    @Autowired JdbcClient jdbc;
    @Autowired RunQueries queries;
    @Autowired RunSealer sealer;
    @Autowired RunChecks parallel;
    @Autowired UnkeyedRuns unkeyedRuns;

    @TempDir Path folder;

    @Test
    void theParallelCheckFindsExactlyWhatTheSequentialOneFinds() throws Exception {
        assumeTrue(new RunChainChecker(sealer).parallelism() > 1, "one core: the check runs on one thread anyway");
        RunChecks sequential = new RunChecks(queries, sealer, new RunChainChecker(sealer, false), unkeyedRuns,
                importRepository);
        long other = evaluate(Period.parse("2027-Q1"));
        long runId = evaluate(Period.parse("2027-Q2"));

        sameFindings(sequential, runId, "untouched", run -> { });
        sameFindings(sequential, runId, "a score changed", run -> jdbc.sql(
                "UPDATE subject_result SET score = score + 1 WHERE run_id = ? AND subject_id = 'C000017'").param(run).update());
        sameFindings(sequential, runId, "lines changed", run -> jdbc.sql(
                "UPDATE subject_detail SET lines = '[]' WHERE run_id = ? AND subject_id IN ('C000901', 'C001650')")
                .param(run).update());
        sameFindings(sequential, runId, "a row deleted", run -> {
            for (String table : new String[] {"subject_detail", "subject_result"}) {
                jdbc.sql("DELETE FROM " + table + " WHERE run_id = ? AND subject_id = 'C001200'").param(run).update();
            }
        });
        sameFindings(sequential, runId, "a subject's details deleted, its row kept", run -> {
            jdbc.sql("DELETE FROM subject_detail WHERE run_id = ? AND subject_id = 'C000444'").param(run).update();
            RunChecks.Verification found = parallel.verify(queries.run(run).orElseThrow());
            // Its lines are gone (its digest names them); its parts are kept in its row, whose seal holds.
            assertThat(found.problems()).filteredOn(p -> p.args().contains("CADRE/C000444"))
                    .containsExactly(RunChainChecker.linesAltered("CADRE/C000444"));
        });
        sameFindings(sequential, runId, "a grade renamed", run -> jdbc.sql(
                "UPDATE run_grade SET label = '好' WHERE run_id = ? AND code = 'POOR'").param(run).update());
        sameFindings(sequential, runId, "a row forged with another run's seal", run -> jdbc.sql("""
                UPDATE subject_result r SET seal = (SELECT o.seal FROM subject_result o
                    WHERE o.run_id = ? AND o.subject_type = r.subject_type AND o.subject_id = r.subject_id)
                WHERE r.run_id = ? AND r.subject_id = 'C000333'""").params(other, run).update());
        sameFindings(sequential, runId, "an imported record changed", run -> jdbc.sql("""
                UPDATE event_record SET unit_count = unit_count + 1 WHERE import_id =
                    (SELECT import_id FROM evaluation_run WHERE id = ?)
                AND event_id = (SELECT MIN(event_id) FROM event_record e WHERE e.import_id =
                    (SELECT import_id FROM evaluation_run WHERE id = ?))""").params(run, run).update());
    }

    @Test
    void storedLinesRewrittenWithTheirMeaningKeptStayIntactAndAnyOtherChangeIsFound() throws Exception {
        RunChecks sequential = new RunChecks(queries, sealer, new RunChainChecker(sealer, false), unkeyedRuns,
                importRepository);
        long runId = evaluate(Period.parse("2027-Q3"));
        RunInfo run = queries.run(runId).orElseThrow();
        String subject = "C000017";
        String stored = jdbc.sql("SELECT lines FROM subject_detail WHERE run_id = ? AND subject_id = ?")
                .params(runId, subject).query(String.class).single();

        // The same lines written otherwise: spaces, a letter as an escape, an amount with three
        // decimals. The check reads the text as a page does (not in the writer's exact form): intact.
        String same = stored.replace("],[", "], [").replace("\"parts.csv", "\"\\u0070arts.csv").replaceFirst("\\.(\\d\\d),", ".$10,");
        assertThat(same).isNotEqualTo(stored);
        rewrite(runId, subject, same);
        assertThat(sequential.verify(run).problems()).isEmpty();
        assertThat(parallel.verify(run).problems()).isEmpty();
        assertThat(parallel.subject(run, subject).orElseThrow().failed()).isFalse();

        // One letter of a rule's name changed, through an escape: the lines are altered, and named.
        rewrite(runId, subject, stored.replaceFirst("\"parts\\.csv", Matcher.quoteReplacement("\"\\u0071arts.csv")));
        assertThat(parallel.verify(run).problems()).containsExactly(RunChainChecker.linesAltered("CADRE/" + subject));
        assertThat(sequential.verify(run).problems()).containsExactlyElementsOf(parallel.verify(run).problems());
        assertThat(parallel.subject(run, subject).orElseThrow().failed()).isTrue();
    }

    private void rewrite(long runId, String subject, String lines) {
        assertThat(jdbc.sql("UPDATE subject_detail SET lines = ? WHERE run_id = ? AND subject_id = ?")
                .params(lines, runId, subject).update()).isEqualTo(1);
    }

    /** Tampers with the run (cumulatively), then checks it both ways; a tampering must be found. */
    private void sameFindings(RunChecks sequential, long runId, String what, Consumer<Long> tamper) {
        tamper.accept(runId);
        RunInfo run = queries.run(runId).orElseThrow();
        RunChecks.Verification one = sequential.verify(run);
        RunChecks.Verification all = parallel.verify(run);
        assertThat(all.problems()).as(what).containsExactlyElementsOf(one.problems());
        assertThat(all.status()).as(what).isEqualTo(one.status());
        assertThat(one.problems().isEmpty()).as(what + ": found").isEqualTo(what.equals("untouched"));
    }

    /** A generated city of 1,800 cadres in 60 departments, imported and evaluated. */
    private long evaluate(Period period) throws Exception {
        Path files = Files.createDirectories(folder.resolve(period.toString()));
        CityGenerator.writeFiles(files, CityGenerator.city(period.hashCode(), period, 60, 1_800));
        assertThat(imports.importFolder(files, period, "hr").status()).isEqualTo(ImportReport.Status.STORED);
        return evaluation.evaluate(period, "hr").runId();
    }
}
