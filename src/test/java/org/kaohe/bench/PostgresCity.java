package org.kaohe.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/**
 * The bench's city on PostgreSQL ({@code src/test/bench/run --postgres 100000}): the same quarter
 * imported, evaluated, exported and verified through the jar into a schema of its own, then the same
 * pages and API steps against a server on it. The database is the one the tests use on PostgreSQL,
 * named by {@code KAOHE_TEST_POSTGRES_URL}, {@code KAOHE_TEST_POSTGRES_USER} and
 * {@code KAOHE_TEST_POSTGRES_PASSWORD} (docs/testing.md); the schema {@code kaohe_bench_<cadres>} is
 * dropped before the city and kept after it. The database server's own CPU is not in the figures.
 */
final class PostgresCity {

    private PostgresCity() {}

    /** Where and as whom: the environment's database. */
    private record Database(String url, String user, String password) {

        static Database fromEnvironment() {
            String url = System.getenv("KAOHE_TEST_POSTGRES_URL");
            if (url == null || url.isBlank()) {
                throw new IllegalStateException("--postgres needs KAOHE_TEST_POSTGRES_URL, KAOHE_TEST_POSTGRES_USER and"
                        + " KAOHE_TEST_POSTGRES_PASSWORD (a database the user may create schemas in; .ci/run sets one up)");
            }
            return new Database(url, System.getenv("KAOHE_TEST_POSTGRES_USER"), System.getenv("KAOHE_TEST_POSTGRES_PASSWORD"));
        }

        Connection connect() throws Exception {
            return DriverManager.getConnection(url, user, password);
        }

        /** The jar's arguments for the schema: Flyway makes it, every connection's search path is it. */
        List<String> arguments(String schema, Path keyFile) {
            return List.of("--spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                    "--spring.flyway.schemas=" + schema, "--spring.datasource.username=" + user,
                    "--spring.datasource.password=" + password, "--kaohe.key-file=" + keyFile);
        }
    }

    /** One city on PostgreSQL: the commands through the jar, and the pages when asked. */
    static void measure(Bench bench, int cadres, boolean pagesToo) throws Exception {
        Database database = Database.fromEnvironment();
        String size = cadres / 1000 + "k PostgreSQL";
        String schema = "kaohe_bench_" + cadres;
        Path folder = Bench.WORK.resolve(cadres / 1000 + "k").resolve(Bench.PERIOD.toString());
        LargeCityFiles.write(folder, Bench.PERIOD, cadres, Math.max(1, cadres / 50), 42);
        dropSchema(database, schema);
        // A new schema needs a new key: the first command on it makes one here.
        Path key = Bench.fresh("pg-" + cadres / 1000 + "k").resolve("kaohe.key");
        List<String> on = database.arguments(schema, key);
        bench.threeCommands(size, Bench.Starter.JAR, cadres, folder, on, () -> "schema " + megabytes(database, schema));
        // The same city again through the launcher (the README's way for daily use), in a schema of its own.
        String launcherSchema = schema + "_launcher";
        dropSchema(database, launcherSchema);
        bench.threeCommands(size, Bench.Starter.LAUNCHER, cadres, folder, database.arguments(launcherSchema,
                Bench.fresh("pg-" + cadres / 1000 + "k-launcher").resolve("kaohe.key")),
                () -> "schema " + megabytes(database, launcherSchema));
        if (pagesToo) {
            bench.pagesAndApi(size, on);
            String serverSchema = schema + "_server";
            dropSchema(database, serverSchema);
            ServerQuarter.measure(bench, size, cadres, folder, database.arguments(serverSchema,
                    Bench.fresh("pg-" + cadres / 1000 + "k-server").resolve("kaohe.key")));
        }
        long held = bytes(database, schema);
        long data = compacted(database, schema);
        bench.row(size + " database ÷ data it holds", String.format("%.1f×", (double) held / data), "≤ 3×", String.format(
                "schema %.0f MB as the commands left it; data = the schema after VACUUM FULL: %.0f MB", held / 1e6, data / 1e6));
    }

    private static void dropSchema(Database database, String schema) throws Exception {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    /**
     * The schema's size once every table is rewritten without dead rows or free space and its indexes
     * rebuilt ({@code VACUUM FULL}, table by table: the database holds other schemas): what its data
     * takes, as H2's file after {@code SHUTDOWN COMPACT} is on H2. Measured last, as it changes the schema.
     */
    private static long compacted(Database database, String schema) throws Exception {
        List<String> tables = new java.util.ArrayList<>();
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement("""
                SELECT t.relname FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE n.nspname = ? AND t.relkind = 'r'""")) {
            s.setString(1, schema);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            for (String table : tables) {
                s.execute("VACUUM FULL " + schema + ".\"" + table + "\"");
            }
        }
        return bytes(database, schema);
    }

    /** What the schema's tables hold on disk, their indexes and TOAST included. */
    private static String megabytes(Database database, String schema) throws Exception {
        return String.format("%.0f MB", bytes(database, schema) / 1e6);
    }

    private static long bytes(Database database, String schema) throws Exception {
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement("""
                SELECT COALESCE(SUM(pg_total_relation_size(t.oid)), 0) FROM pg_class t
                JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = ? AND t.relkind = 'r'""")) {
            s.setString(1, schema);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
