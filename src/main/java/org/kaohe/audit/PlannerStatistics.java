package org.kaohe.audit;


import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gives PostgreSQL's planner statistics of a table it has never analyzed, once the table holds rows.
 *
 * <p>Why: PostgreSQL plans a statement on a table it has never analyzed as if the table held ten
 * pages of rows it knows nothing of, and a session plans a foreign key's check once and keeps the
 * plan. On a fresh database every index of {@code subject_result} that starts with the run and the
 * type then costs the same as its primary key, and the check of each {@code subject_detail} row
 * walked the grade index over all the run's rows stored so far: 7.6 million pages read for the
 * 102,000 checks of a 100,000-cadre evaluation, most of the database server's 60 s of CPU
 * (docs/performance.md, "Evaluate on PostgreSQL"). Once the table is analyzed its statistics have
 * changed, so every session plans its statements on it again, by its real rows. Autovacuum would
 * analyze it too, but only after its next round (a minute), in the middle of the run.
 *
 * <p>On H2 nothing is done: H2 plans by its indexes' key columns, whatever a table holds.
 */
@Component
public class PlannerStatistics {

    private static final Logger LOG = LoggerFactory.getLogger(PlannerStatistics.class);

    private final JdbcTemplate jdbc;
    private volatile Boolean postgres;

    public PlannerStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * On PostgreSQL, analyzes each of the tables that was never analyzed (its row estimate still
     * unknown, {@code pg_class.reltuples < 0}); call it once a table has rows written and committed.
     * Table names are the caller's constants, never input. A failed analysis (two sessions analyzing
     * the same table at once) only leaves the planner as it was: logged, not thrown.
     */
    public void analyzeIfNeverAnalyzed(String... tables) {
        if (!postgres()) {
            return;
        }
        for (String table : tables) {
            try {
                Boolean never = jdbc.queryForObject("SELECT reltuples < 0 FROM pg_class WHERE oid = to_regclass(?)",
                        Boolean.class, table);
                if (Boolean.TRUE.equals(never)) {
                    jdbc.execute("ANALYZE " + table);
                }
            } catch (DataAccessException e) {
                LOG.warn("Could not analyze {} for the planner: {}", table, e.getMessage());
            }
        }
    }

    /**
     * On PostgreSQL, analyzes the tables now, whatever they were analyzed before: after a write whose
     * rows are read at once by a key no statistics hold yet. A run just stored is one: its id is in
     * no statistics of {@code subject_result} (they were taken of earlier runs), so PostgreSQL plans
     * the export's and the pages' statements for it as if it held a row or two, until autovacuum
     * analyzes the table a minute or more later: the bench's second 100k quarter in one server
     * exported in 16.5 s when autovacuum had not yet come, 2.2 s when it had (docs/performance.md).
     * An analysis reads a sample of some 30,000 rows,
     * whatever the table's size. Table names are the caller's constants; a failure is logged.
     */
    public void analyze(String... tables) {
        if (!postgres()) {
            return;
        }
        for (String table : tables) {
            try {
                jdbc.execute("ANALYZE " + table);
            } catch (DataAccessException e) {
                LOG.warn("Could not analyze {} for the planner: {}", table, e.getMessage());
            }
        }
    }

    private boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            known = DatabaseProduct.of(jdbc.getDataSource()) == DatabaseProduct.POSTGRESQL;
            postgres = known;
        }
        return known;
    }
}
