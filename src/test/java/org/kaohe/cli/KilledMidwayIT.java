package org.kaohe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.kaohe.testing.Eventually;
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

    /** One folder for the whole class: the second test goes on with the first one's database. */
    private Path dir;
    private String url;
    private KaoheJar kaohe;
    private Path quarter;

    @BeforeAll
    void quarterAndDatabase(@TempDir Path folder) throws Exception {
        dir = folder;
        url = "jdbc:h2:file:" + dir.resolve("db/kaohe").toAbsolutePath() + ";AUTO_SERVER=TRUE";
        kaohe = new KaoheJar(url);
        quarter = dir.resolve("city/2026-Q3");
        LargeCityFiles.write(quarter, Period.parse("2026-Q3"), 20_000, 400, 7);
        assertThat(kaohe.run("rules", "list").exitCode()).isZero(); // creates the schema
    }

    @Test
    @Order(1)
    void anImportKilledWhileWritingStoresNothingAndTheNextImportWorks() throws Exception {

        Process importing = kaohe.start(dir.resolve("import.log"), "import", quarter.toString());
        waitUntil(importing, dir.resolve("import.log"), "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE CONTAINS_UNCOMMITTED");
        kill(importing);

        // Never part of an import: killed while writing, nothing is kept. On a loaded machine the
        // kill can come just after the import's commit (it races the last batch); then the whole
        // import is there, every target of the file.
        long versions = count("SELECT COUNT(*) FROM import_version");
        if (versions == 0) {
            assertThat(count("SELECT COUNT(*) FROM target_record")).isZero();
            assertThat(count("SELECT COUNT(*) FROM import_file")).isZero();
        } else {
            assertThat(versions).isEqualTo(1);
            try (java.util.stream.Stream<String> lines = Files.lines(quarter.resolve("targets.csv"))) {
                assertThat(count("SELECT COUNT(*) FROM target_record")).isEqualTo(lines.count() - 1);
            }
        }
        KaoheJar.Run again = kaohe.run("import", quarter.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(count("SELECT COUNT(*) FROM import_version")).isEqualTo(1);
    }

    @Test
    @Order(2)
    void anEvaluationKilledWhileStoringShowsNoRunAndTheNextEvaluationWorks() throws Exception {
        Process evaluating = kaohe.start(dir.resolve("evaluate.log"), "evaluate", "--period", "2026-Q3");
        waitUntil(evaluating, dir.resolve("evaluate.log"), "SELECT COUNT(*) FROM subject_result s JOIN evaluation_run r ON r.id = s.run_id"
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
        assertThat(csv.out().lines().count()).isEqualTo(1 + 20_000 + 400);
        assertThat(count("SELECT COUNT(*) FROM evaluation_run WHERE stored_at IS NOT NULL")).isEqualTo(1);
    }

    /**
     * Polls the database until {@code query} counts something, while the command still runs. Waits
     * first for the command to hold the database (its lock file): had this test opened it first, the
     * command would have become this test's client and lost its connection when the test let go.
     */
    private void waitUntil(Process command, Path log, String query) {
        Path lock = dir.resolve("db/kaohe.lock.db");
        Eventually.until("the command to hold the database", PATIENCE, () -> {
            assertThat(command.isAlive()).as("the command ended before opening the database: %s", output(log)).isTrue();
            return Files.exists(lock);
        });
        Eventually.until("the command to be caught writing: " + query, PATIENCE, () -> {
            assertThat(command.isAlive()).as("the command ended before it was caught writing: %s", output(log)).isTrue();
            try {
                return count(query) > 0;
            } catch (SQLException notYet) {
                return false; // the command has not made the tables yet
            }
        });
    }

    private static String output(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(" + e + ")";
        }
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
