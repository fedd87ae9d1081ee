package org.kaohe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.kaohe.bench.LargeCityFiles;
import org.kaohe.records.Period;

/**
 * An import and an evaluation killed (SIGKILL) while they write leave nothing anybody can see, and
 * the next command works. The database is an H2 file opened with AUTO_SERVER, so this test can
 * watch the killed command's writes from its own connection: it kills the import once the import
 * holds uncommitted rows, and the evaluation once some of the run's rows are committed (the run is
 * stored in batches and becomes visible only when complete).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KilledMidwayIT {

    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @TempDir
    Path dir;

    private String url;
    private KaoheJar kaohe;
    private Path quarter;

    @Test
    @Order(1)
    void anImportKilledWhileWritingStoresNothingAndTheNextImportWorks() throws Exception {
        url = "jdbc:h2:file:" + dir.resolve("db/kaohe").toAbsolutePath() + ";AUTO_SERVER=TRUE";
        kaohe = new KaoheJar(url);
        quarter = dir.resolve("city/2026-Q3");
        LargeCityFiles.write(quarter, Period.parse("2026-Q3"), 30_000, 600, 7);
        assertThat(kaohe.run("rules", "list").exitCode()).isZero(); // creates the schema

        Process importing = kaohe.start("import", quarter.toString());
        waitUntil(importing, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE CONTAINS_UNCOMMITTED");
        kill(importing);

        assertThat(count("SELECT COUNT(*) FROM import_version")).isZero();
        assertThat(count("SELECT COUNT(*) FROM target_record")).isZero();
        assertThat(count("SELECT COUNT(*) FROM import_file")).isZero();
        KaoheJar.Run again = kaohe.run("import", quarter.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(count("SELECT COUNT(*) FROM import_version")).isEqualTo(1);
    }

    @Test
    @Order(2)
    void anEvaluationKilledWhileStoringShowsNoRunAndTheNextEvaluationWorks() throws Exception {
        Process evaluating = kaohe.start("evaluate", "--period", "2026-Q3");
        waitUntil(evaluating, "SELECT COUNT(*) FROM subject_result s JOIN evaluation_run r ON r.id = s.run_id"
                + " WHERE r.stored_at IS NULL");
        kill(evaluating);

        assertThat(count("SELECT COUNT(*) FROM evaluation_run WHERE stored_at IS NOT NULL")).isZero();
        KaoheJar.Run results = kaohe.run("results", "--period", "2026-Q3");
        assertThat(results.exitCode()).isEqualTo(2);
        assertThat(results.err()).contains("no run for 2026-Q3");

        KaoheJar.Run evaluate = kaohe.run("evaluate", "--period", "2026-Q3");
        assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
        KaoheJar.Run csv = kaohe.run("results", "--period", "2026-Q3", "--format", "csv");
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        assertThat(csv.out().lines().count()).isEqualTo(1 + 30_000 + 600);
        assertThat(count("SELECT COUNT(*) FROM evaluation_run WHERE stored_at IS NOT NULL")).isEqualTo(1);
    }

    /** Polls the database until {@code query} counts something, while the command still runs. */
    private void waitUntil(Process command, String query) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(command.isAlive()).as("the command ended before it was caught writing").isTrue();
            try {
                if (count(query) > 0) {
                    return;
                }
            } catch (SQLException notYet) {
                // the command has not opened the database (or made the tables) yet
            }
            Thread.sleep(20);
        }
        throw new AssertionError("never saw: " + query);
    }

    private static void kill(Process command) throws InterruptedException {
        command.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback by the JVM itself
        assertThat(command.waitFor(1, TimeUnit.MINUTES)).isTrue();
    }

    private long count(String query) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
