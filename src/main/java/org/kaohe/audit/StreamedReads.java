package org.kaohe.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Reads whole tables for the checks (a run's verification, an import's seal check, the
 * evaluation's read of an import): hundreds of thousands of rows visited once, none kept.
 *
 * <p>{@link #rowsWhere} is the one way a whole table is read. On PostgreSQL it is one query whose
 * rows the driver fetches {@link #FETCH_SIZE} at a time inside a read-only transaction: a
 * cursor, which sees the one snapshot its statement began with, and the fastest way (one plan,
 * one pass). On H2 it is a series of short queries, {@link #CHUNK_ROWS} rows each (one for rows
 * holding whole files: {@link TableRows#inChunksOf}), in the order
 * of H2's row key ({@code _ROWID_}), each materialised before its first row is handed over. No
 * lazy H2 cursor: one left open while other connections commit and the store checkpoints and
 * compacts reads pages of chunks the store has freed ({@code MVStoreException: Chunk ... not
 * found}, H2 issues #4142 and #4383, reproduced by {@code StreamedReadsHousekeepingTest}): a lazy
 * result outlives its statement, and with it H2's registration of the store version it reads.
 *
 * <p>Why the chunks are sound on H2: they run in one read-only transaction at {@code REPEATABLE
 * READ}. H2 (2.4) keeps such a transaction's snapshot, and its registration of the store version
 * that snapshot reads ({@code Transaction.markStatementStart}: {@code registerVersionUsage}), from
 * its first statement to its end, where {@code READ COMMITTED} releases both after each statement;
 * the store frees no chunk a registered version still uses. So every chunk sees the rows as they
 * stood at the first one: a row changed, removed or added meanwhile is seen as it was (or not at
 * all), never half, and no check finds a problem the rows never had, nor misses one they had. The
 * row key range is read first in the same snapshot, so the last chunk ends at the last row.
 *
 * <p>Each chunk is a scan of the table's rows by key ({@code USE INDEX ()}, served by the row key
 * range with no sort: {@code StreamedReadsTest} checks the plan), filtered by the column: a
 * version's or a run's rows are written together, so the range holds few others. The rows come
 * in the order they were stored; the checks put what they find in their own order.
 *
 * <p>A large object column ({@code TEXT}) is selected cast to {@code VARCHAR}: H2 copies each
 * large object of a materialised result into the database's own large object storage (a write
 * for every row read), where the cast reads its text once. PostgreSQL's cast changes nothing.
 *
 * <p>The row handler must not query the database itself. It may take its time between rows (the
 * results pages' check gives way to requests): on H2 nothing is open meanwhile but the
 * transaction and the chunk's rows, already read; the only cost is that the store keeps the chunks
 * the transaction's snapshot uses until the read ends.
 */
@Component
public class StreamedReads {

    static final int FETCH_SIZE = 1_000;

    /**
     * Rows per query on H2: 5,000 cost the same (docs/performance.md, "Whole-table reads in
     * chunks"), and a chunk of a run's lines stays a few megabytes.
     */
    static final int CHUNK_ROWS = 1_000;

    private final DataSource dataSource;

    public StreamedReads(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Hands each row of {@code table} whose {@code column} equals {@code value} to {@code each}, in no particular order. */
    public void rowsWhere(String table, String column, Object value, RowCallbackHandler each) {
        rowsWhere(TableRows.of(table, column), value, each);
    }

    /** Hands each row {@code rows} names for {@code value} to {@code each}, in no particular order. */
    public void rowsWhere(TableRows rows, Object value, RowCallbackHandler each) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            boolean h2 = DatabaseProduct.of(connection) == DatabaseProduct.H2;
            ReadOnly transaction = ReadOnly.begin(connection, h2);
            try {
                if (h2) {
                    inChunks(connection, rows, value, each);
                } else {
                    query(connection, rows.sql(), each, value);
                }
            } finally {
                transaction.end();
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("streamed read failed: " + rows.sql(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** The rows in chunks by row key, from the first row of the value to its last (H2). */
    private static void inChunks(Connection connection, TableRows rows, Object value, RowCallbackHandler each)
            throws SQLException {
        long last;
        long after;
        try (PreparedStatement range = connection.prepareStatement(rows.keyRangeSql())) {
            range.setObject(1, value);
            try (ResultSet keys = range.executeQuery()) {
                keys.next();
                after = keys.getLong(1) - 1;
                last = keys.getLong(2);
                if (keys.wasNull()) {
                    return; // no row
                }
            }
        }
        try (PreparedStatement chunk = connection.prepareStatement(rows.chunkSql())) {
            int read;
            do {
                bind(chunk, value, after, last);
                read = 0;
                try (ResultSet chunkRows = chunk.executeQuery()) {
                    while (chunkRows.next()) {
                        each.processRow(chunkRows);
                        after = chunkRows.getLong(TableRows.KEY);
                        read++;
                    }
                }
            } while (read == rows.chunkRows() && after < last);
        }
    }

    private static void query(Connection connection, String sql, RowCallbackHandler each, Object... params)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(FETCH_SIZE);
            bind(statement, params);
            handEach(statement, each);
        }
    }

    private static void handEach(PreparedStatement statement, RowCallbackHandler each) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                each.processRow(rows);
            }
        }
    }

    private static void bind(PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
    }

    /**
     * The read's own read-only transaction, unless the caller holds one (then used as it is):
     * PostgreSQL's cursor needs one; H2's chunks need one at {@code REPEATABLE READ} (above). In
     * a caller's transaction each H2 chunk is still safe (a materialised statement keeps its store
     * version while it runs), and the chunks see one state when the caller's isolation gives it.
     */
    private record ReadOnly(Connection connection, boolean own, int isolation) {

        static ReadOnly begin(Connection connection, boolean repeatable) throws SQLException {
            boolean postgres = DatabaseProduct.of(connection) == DatabaseProduct.POSTGRESQL;
            if (!connection.getAutoCommit() || !(postgres || repeatable)) {
                return new ReadOnly(connection, false, 0);
            }
            int isolation = connection.getTransactionIsolation();
            if (repeatable) {
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            }
            connection.setAutoCommit(false);
            return new ReadOnly(connection, true, isolation);
        }

        void end() throws SQLException {
            if (own) {
                try {
                    connection.rollback(); // it only read
                } finally {
                    connection.setAutoCommit(true);
                    connection.setTransactionIsolation(isolation);
                }
            }
        }
    }
}
