package org.kaohe.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

import javax.sql.DataSource;

import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Puts a shared H2 database back, before each test class, as the application left it after its
 * start: the rows every table had then (the first admin, the audit chain's head, ...) and no
 * other. The first time it sees a database it copies those rows into a schema of its own.
 *
 * <p>Identity counters go on (ids stay unique across test classes, so nothing the application
 * keeps in memory by id, such as the 30 s whole-run seal check, can be mistaken for a new row).
 * The job scheduler's and the web sessions' tables are left alone: the scheduler owns its rows
 * while it runs, and sessions belong to no test.
 */
public class FreshDatabase extends AbstractTestExecutionListener {

    private static final String SNAPSHOT = "TEST_START_STATE";
    private static final Set<String> LEFT_ALONE = Set.of("FLYWAY_SCHEMA_HISTORY", "SCHEDULED_TASKS",
            "SPRING_SESSION", "SPRING_SESSION_ATTRIBUTES");
    /** The tables of each database seen, by data source. */
    private static final Map<DataSource, List<String>> TABLES = new WeakHashMap<>();

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void beforeTestClass(TestContext context) throws Exception {
        DataSource dataSource = context.getApplicationContext().getBean(DataSource.class);
        synchronized (TABLES) {
            List<String> tables = TABLES.get(dataSource);
            if (tables == null) {
                TABLES.put(dataSource, snapshot(dataSource));
            } else {
                restore(dataSource, tables);
            }
        }
    }

    private static List<String> snapshot(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                    + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'")) {
                while (rs.next()) {
                    if (!LEFT_ALONE.contains(rs.getString(1).toUpperCase())) {
                        tables.add(rs.getString(1));
                    }
                }
            }
            s.execute("DROP SCHEMA IF EXISTS " + SNAPSHOT + " CASCADE");
            s.execute("CREATE SCHEMA " + SNAPSHOT);
            for (String table : tables) {
                s.execute("CREATE TABLE " + SNAPSHOT + ".\"" + table + "\" AS SELECT * FROM PUBLIC.\"" + table + "\"");
            }
            return tables;
        }
    }

    private static void restore(DataSource dataSource, List<String> tables) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                s.execute("SET REFERENTIAL_INTEGRITY FALSE");
                for (String table : tables) {
                    s.execute("TRUNCATE TABLE PUBLIC.\"" + table + "\" CONTINUE IDENTITY");
                    s.execute("INSERT INTO PUBLIC.\"" + table + "\" OVERRIDING SYSTEM VALUE SELECT * FROM " + SNAPSHOT + ".\""
                            + table + "\"");
                }
                c.commit();
            } finally {
                s.execute("SET REFERENTIAL_INTEGRITY TRUE");
                c.setAutoCommit(autoCommit);
            }
        }
    }
}
