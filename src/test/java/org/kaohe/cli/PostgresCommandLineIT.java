package org.kaohe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.kaohe.records.Period;
import org.kaohe.testing.CityGenerator;

/**
 * A city larger than one batch of rows ({@code VersionWriter.BATCH}, {@code RunRepository.BATCH}: on
 * PostgreSQL each batch is one COPY), its texts holding what COPY's text format escapes, through the
 * real jar on PostgreSQL and on H2: the same results to the byte, the PostgreSQL run intact by
 * {@code runs verify}, and an import refused at a bad row of its last file leaving every table as it
 * was, though several batches of its records had been copied into the transaction before.
 *
 * <p>Runs when {@code KAOHE_TEST_POSTGRES_URL} names the tests' database (as for {@code PostgresIT}),
 * in a schema of its own dropped at the end.
 */
@EnabledIfEnvironmentVariable(named = "KAOHE_TEST_POSTGRES_URL", matches = ".+",
        disabledReason = "set KAOHE_TEST_POSTGRES_URL (and KAOHE_TEST_POSTGRES_USER, KAOHE_TEST_POSTGRES_PASSWORD)")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresCommandLineIT {

    private static final Period PERIOD = Period.parse("2026-Q3");
    private static final String SCHEMA = "kaohe_cli_" + UUID.randomUUID().toString().replace("-", "");
    private static final String URL = System.getenv("KAOHE_TEST_POSTGRES_URL");
    private static final String USER = System.getenv().getOrDefault("KAOHE_TEST_POSTGRES_USER", "");
    private static final String PASSWORD = System.getenv().getOrDefault("KAOHE_TEST_POSTGRES_PASSWORD", "");

    private Path dir;
    private Path city;
    private KaoheJar postgres;
    private List<String> onPostgres;

    @BeforeAll
    void cityAndDatabases(@TempDir Path folder) throws IOException {
        dir = folder;
        city = dir.resolve("city").resolve(PERIOD.toString());
        CityGenerator.writeFiles(city, CityGenerator.city(8, PERIOD, 30, 1_500));
        escapedTexts(city.resolve("events.csv"), 8);
        escapedTexts(city.resolve("targets.csv"), 5);
        String schemaUrl = URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
        postgres = new KaoheJar(schemaUrl);
        onPostgres = List.of("--spring.flyway.schemas=" + SCHEMA, "--spring.datasource.username=" + USER,
                "--spring.datasource.password=" + PASSWORD, "--kaohe.key-file=" + dir.resolve("pg.key"));
    }

    @AfterAll
    void dropSchema() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @Test
    void aQuarterOnPostgresqlIsH2sToTheByteIntactAndARefusedImportLeavesNothing() throws Exception {
        KaoheJar h2 = new KaoheJar(dir.resolve("h2"));
        Path h2Csv = dir.resolve("h2.csv");
        assertSucceeded(h2.run("import", city.toString()));
        assertSucceeded(h2.run("evaluate", "--period", PERIOD.toString()));
        assertSucceeded(h2.run("results", "--period", PERIOD.toString(), "--format", "csv", "--out", h2Csv.toString()));

        Path pgCsv = dir.resolve("pg.csv");
        assertSucceeded(onPostgres("import", city.toString()));
        assertSucceeded(onPostgres("evaluate", "--period", PERIOD.toString()));
        assertSucceeded(onPostgres("results", "--period", PERIOD.toString(), "--format", "csv", "--out", pgCsv.toString()));
        KaoheJar.Run verified = onPostgres("runs", "verify");

        assertThat(Files.readAllBytes(pgCsv)).isEqualTo(Files.readAllBytes(h2Csv));
        assertThat(Files.readString(pgCsv, StandardCharsets.UTF_8).lines()).hasSize(1 + 1_530);
        assertThat(verified.exitCode()).as(verified.out() + verified.err()).isZero();
        assertThat(verified.out()).contains("1530").contains("intact");
        assertThat(storedNotes()).contains("制表\t符 \\N 反斜杠\\ \"引号\" =1+1 E0000001");

        Map<String, Long> before = rowCounts();
        Path broken = dir.resolve("broken").resolve(PERIOD.toString());
        copy(city, broken);
        Files.writeString(broken.resolve("organizations.csv"), "O999999,D00000,COMMUNITY,40,x,1\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        KaoheJar.Run refused = onPostgres("import", broken.toString());

        assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(2);
        assertThat(refused.out() + refused.err()).contains("organizations.csv:");
        assertThat(rowCounts()).isEqualTo(before);
    }

    private KaoheJar.Run onPostgres(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(command));
        line.addAll(onPostgres);
        return postgres.run(line.toArray(String[]::new));
    }

    private static void assertSucceeded(KaoheJar.Run run) {
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    }

    /** The last column of the first {@code rows} data rows made a text COPY must escape (CSV-quoted). */
    private static void escapedTexts(Path file, int rows) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        int column = file.getFileName().toString().equals("events.csv") ? 8 : 5;
        for (int i = 1; i <= rows; i++) {
            String[] cells = lines.get(i).split(",", -1);
            cells[column] = "\"制表\t符 \\N 反斜杠\\ \"\"引号\"\" =1+1 " + cells[0] + "\"";
            lines.set(i, String.join(",", cells));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, USER, PASSWORD);
    }

    private static List<String> storedNotes() throws SQLException {
        List<String> notes = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT note FROM " + SCHEMA + ".event_record ORDER BY event_id")) {
            while (rs.next()) {
                notes.add(rs.getString(1));
            }
        }
        return notes;
    }

    /** Rows of every table of the schema (a refused import's own audit line aside). */
    private static Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                    + SCHEMA + "' AND table_type = 'BASE TABLE' ORDER BY table_name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                String where = table.equals("audit_log") ? " WHERE action <> 'IMPORT_REFUSED'" : "";
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + SCHEMA + "." + table + where)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }
}
