package org.kaohe.audit;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one way a page's rows of a run are read from a run's table by their subjects' ids
 * ({@code subject_result}, {@code annual_result}: both keyed by run, type and subject): the ids go
 * as one array, and each is looked up in the table's primary key, on H2 and PostgreSQL alike.
 *
 * <p>Why not {@code subject_id IN (...)} or {@code subject_id = ANY(?)}: H2 (2.4.240) serves either
 * by the run and the type only, then tests every row of the type against the list (its
 * {@code EXPLAIN} names the id in the index condition all the same; {@code EXPLAIN ANALYZE} counts
 * the rows it scanned). At 100,000 cadres that was 80–200 ms for a page of 50 ids and 1.7 s for a
 * chunk of 1,000 (docs/performance.md, "Rows by key"). Timing the same ids twice misleads: H2 hands
 * a repeated query with the same parameters its kept result.
 *
 * <p>So the ids are the outer side of a join, each id one look-up. On H2 the join is written as a
 * {@code LEFT JOIN}, which it never reorders, and the primary key is named ({@code USE INDEX}):
 * without statistics H2 costs every index that starts with the run and the type as if it found a
 * row or two, and picks one that covers the columns asked for (the name index for the ids and
 * names) and walks the whole type for each id. PostgreSQL plans the same statement as an inner
 * join by its statistics ({@link PlannerStatistics#analyze} after each run is stored).
 */
@Component
public class RowsByKey {

    private final JdbcClient jdbc;
    private final boolean h2;
    private final Map<String, String> primaryKeys = new ConcurrentHashMap<>();

    public RowsByKey(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.h2 = DatabaseProduct.of(dataSource) == DatabaseProduct.H2;
    }

    /**
     * {@code SELECT columns} of {@code table} (aliased {@code r}) for these subjects of one type in
     * the run, in no particular order; an id the run does not hold gives no row. The table's name is
     * the caller's constant, never input.
     */
    public JdbcClient.StatementSpec select(String columns, String table, long runId, String type, String[] ids) {
        return jdbc.sql(sql(columns, table)).params(ids, runId, type);
    }

    /** The statement (for {@code EXPLAIN} too): its parameters are the ids (an array), the run and the type. */
    public String sql(String columns, String table) {
        return "SELECT " + columns + " FROM UNNEST(CAST(? AS VARCHAR ARRAY)) k(id) LEFT JOIN " + table + " r"
                + (h2 ? " USE INDEX (\"" + primaryKeys.computeIfAbsent(table, this::h2PrimaryKey) + "\")" : "")
                + " ON r.run_id = ? AND r.subject_type = ? AND r.subject_id = k.id WHERE r.subject_id IS NOT NULL";
    }

    private String h2PrimaryKey(String table) {
        return jdbc.sql("""
                        SELECT index_name FROM information_schema.indexes
                        WHERE table_schema = CURRENT_SCHEMA AND table_name = ? AND index_type_name = 'PRIMARY KEY'""")
                .param(table.toUpperCase(Locale.ROOT))
                .query(String.class)
                .single();
    }
}
