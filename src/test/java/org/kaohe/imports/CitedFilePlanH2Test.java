package org.kaohe.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The subject page's question "which table holds this cited file?" ({@link StoredRecords#holdsFileSql})
 * on H2: one look-up in V71's index {@code (import_id, source_file, source_line)}, the order taken
 * from it. H2 takes an order from an index only when the order names the index's columns from the
 * first; ordered by {@code source_line} alone (as the query was made for PostgreSQL's generic plan,
 * {@code CitedFilePlanPostgresIT}) it read and sorted every row of the file: 1.1 s for targets.csv
 * at 100k cadres, the subject page's p95 557 ms. The plan is read, not timed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CitedFilePlanH2Test {

    private final String url = "jdbc:h2:mem:cited-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private Connection keepOpen;

    /** The migrated schema with an import's worth of targets, all of one version and one file. */
    @BeforeAll
    void schemaWithTargets() throws SQLException {
        keepOpen = DriverManager.getConnection(url, "sa", "");
        Flyway.configure().dataSource(url, "sa", "").load().migrate();
        try (Statement s = keepOpen.createStatement()) {
            s.execute("INSERT INTO import_version (id, period, version, content_hash, imported_by, imported_at)"
                    + " VALUES (1, '2026-Q3', 1, 'x', 'hr', CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO target_record (import_id, target_id, owner_type, owner_id, project, title, planned,"
                    + " actual, weight, due_date, key_work, source_file, source_line)"
                    + " SELECT 1, 'T' || X, 'CADRE', 'C' || X, 'P', '任务', 1, 1, 1, DATE '2026-09-30', FALSE,"
                    + " 'targets.csv', X + 1 FROM SYSTEM_RANGE(1, 2000)");
        }
    }

    @AfterAll
    void close() throws SQLException {
        keepOpen.close();
    }

    @Test
    void findingTheTableOfACitedFileTakesTheOrderFromTheIndex() throws SQLException {
        String asRun = plan(StoredRecords.holdsFileSql("target_record"));
        String bySourceLine = plan("SELECT 1 FROM target_record WHERE import_id = ? AND source_file = ?"
                + " ORDER BY source_line LIMIT 1");

        assertThat(bySourceLine).as("ordered by the index's last column only: the plan this test guards against")
                .doesNotContain("index sorted");
        assertThat(asRun).contains("IX_TARGET_RECORD_SOURCE").contains("/* index sorted */");
    }

    private String plan(String sql) throws SQLException {
        String withValues = sql.replaceFirst("\\?", "1").replaceFirst("\\?", "'targets.csv'");
        try (Statement s = keepOpen.createStatement(); ResultSet plan = s.executeQuery("EXPLAIN " + withValues)) {
            plan.next();
            return plan.getString(1);
        }
    }
}
