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
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            Mode mode = Mode.of(connection);
            mode.begin(connection);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
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
            throw new DataAccessResourceFailureException("streamed read failed: " + sql, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
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
