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
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.kaohe.bench.LargeCityFiles;
import org.kaohe.errors.FaultPoint;
import org.kaohe.records.Period;
import org.kaohe.testing.Eventually;

/**
 * An import and an evaluation killed (SIGKILL) while they write leave nothing anybody can see, and
 * the next command works. Each command is started to pause at a {@link FaultPoint} (the import
 * after its first uncommitted batch, the evaluation after its run's first committed batch) and is
 * killed there, so the test never races the command. The database is an H2 file opened with
 * AUTO_SERVER, so this test sees the paused command's writes from its own connection.
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
        Path log = dir.resolve("import.log");
        Process importing = kaohe.start(log, FaultPoint.IMPORT_FIRST_BATCH, dir.resolve("import.barrier"),
                "import", quarter.toString());
        pausedAt(importing, log, dir.resolve("import.barrier"));
        // Paused after its first batch, in its one transaction: rows written, nothing committed.
        assertThat(count("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE CONTAINS_UNCOMMITTED")).isPositive();
        kill(importing);

        assertThat(count("SELECT COUNT(*) FROM import_version")).isZero();
        assertThat(count("SELECT COUNT(*) FROM department_record")).isZero();
        assertThat(count("SELECT COUNT(*) FROM target_record")).isZero();
        assertThat(count("SELECT COUNT(*) FROM import_file")).isZero();

        KaoheJar.Run again = kaohe.run("import", quarter.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(count("SELECT COUNT(*) FROM import_version")).isEqualTo(1);
        try (Stream<String> lines = Files.lines(quarter.resolve("targets.csv"))) {
            assertThat(count("SELECT COUNT(*) FROM target_record")).isEqualTo(lines.count() - 1);
        }
    }

    @Test
    @Order(2)
    void anEvaluationKilledWhileStoringShowsNoRunAndTheNextEvaluationWorks() throws Exception {
        Path log = dir.resolve("evaluate.log");
        Process evaluating = kaohe.start(log, FaultPoint.RUN_FIRST_BATCH, dir.resolve("evaluate.barrier"),
                "evaluate", "--period", "2026-Q3");
        pausedAt(evaluating, log, dir.resolve("evaluate.barrier"));
        // Paused after the run's first batch is committed: its rows are there, the run is not visible.
        assertThat(count("SELECT COUNT(*) FROM subject_result s JOIN evaluation_run r ON r.id = s.run_id"
                + " WHERE r.stored_at IS NULL")).isPositive();
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
     * Waits for the command to write its barrier file: it has reached its fault point and waits
     * there to be killed, so the kill lands at the same moment on a fast machine as on a loaded one.
     */
    private static void pausedAt(Process command, Path log, Path barrier) {
        Eventually.until("the command to reach its fault point", PATIENCE, () -> {
            assertThat(command.isAlive()).as("the command ended before its fault point: %s", output(log)).isTrue();
            return Files.exists(barrier);
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
        try (Connection c = DriverManager.getConnection(url, "sa", org.kaohe.audit.H2Password.passwordFor(url));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
