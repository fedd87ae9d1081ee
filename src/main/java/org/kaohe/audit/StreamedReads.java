package org.kaohe.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Reads a query's rows as the database produces them, for whole-table checks (a run's verification,
 * an import's seal check) that visit hundreds of thousands of rows once and keep none. By default
 * H2 computes a query's whole result before handing over its first row (into a temporary file
 * beyond 40,000 rows), and the PostgreSQL driver fetches a whole result into memory; here H2 runs
 * the one query with {@code LAZY_QUERY_EXECUTION} (a setting of the session, switched back
 * afterwards: a lazy result forbids a second open result on the same connection, which other code
 * may need), and PostgreSQL fetches {@link #FETCH_SIZE} rows at a time inside a read-only
 * transaction. The row handler must not query the database itself.
 */
@Component
public class StreamedReads {

    static final int FETCH_SIZE = 1_000;

    private final DataSource dataSource;

    public StreamedReads(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Hands each row of {@code sql} (its {@code ?} bound to {@code params}) to {@code each}, as it is read. */
    public void query(String sql, RowCallbackHandler each, Object... params) {
        query((connection, mode) -> sql, each, params);
    }

    /**
     * Hands each row of {@code table} whose {@code column} equals {@code value} to {@code each}, as
     * it is read, in no particular order. {@code expectedRows} says about how many there are (a
     * hint, such as a sealed count; 0 when not known). On H2, when they are at least half of the
     * table's rows, the table is scanned instead of reached through the column's index, which
     * looks each row up again by its key: a third less work for an import that fills its tables,
     * the usual case. A scan of a table mostly made of other rows would cost more than it saves;
     * PostgreSQL's planner makes that choice by itself. Table and column are the caller's
     * constants, never input.
     */
    public void rowsWhere(String table, String column, Object value, long expectedRows, RowCallbackHandler each) {
        query((connection, mode) -> "SELECT * FROM " + table
                + (mode.h2() && 2 * expectedRows >= rowCount(connection, table) ? " USE INDEX ()" : "")
                + " WHERE " + column + " = ?", each, value);
    }

    /** The query's text, which may depend on the database and what it holds. */
    @FunctionalInterface
    private interface Sql {
        String of(Connection connection, Mode mode) throws SQLException;
    }

    private void query(Sql sql, RowCallbackHandler each, Object... params) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        String text = null;
        try {
            Mode mode = Mode.of(connection);
            text = sql.of(connection, mode);
            mode.begin(connection);
            try (PreparedStatement statement = connection.prepareStatement(text)) {
                statement.setFetchSize(FETCH_SIZE);
                for (int i = 0; i < params.length; i++) {
                    statement.setObject(i + 1, params[i]);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        each.processRow(rows);
                    }
                }
            } finally {
                mode.end(connection);
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("streamed read failed: " + text, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** How many rows the table holds: H2 keeps the count, so this reads no row. */
    private static long rowCount(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            count.next();
            return count.getLong(1);
        }
    }

    /** What makes a database stream a result, and how it is undone once the rows are read. */
    private record Mode(boolean h2, boolean ownTransaction) {

        static Mode of(Connection connection) throws SQLException {
            String product = connection.getMetaData().getDatabaseProductName();
            boolean postgres = "PostgreSQL".equalsIgnoreCase(product);
            // PostgreSQL streams only inside a transaction; one the caller holds is used as it is.
            return new Mode("H2".equalsIgnoreCase(product), postgres && connection.getAutoCommit());
        }

        void begin(Connection connection) throws SQLException {
            if (h2) {
                execute(connection, "SET LAZY_QUERY_EXECUTION TRUE");
            }
            if (ownTransaction) {
                connection.setAutoCommit(false);
            }
        }

        void end(Connection connection) throws SQLException {
            if (h2) {
                execute(connection, "SET LAZY_QUERY_EXECUTION FALSE");
            }
            if (ownTransaction) {
                connection.rollback(); // it only read
                connection.setAutoCommit(true);
            }
        }

        private static void execute(Connection connection, String sql) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }
    }
}
