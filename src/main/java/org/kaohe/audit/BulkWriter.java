package org.kaohe.audit;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Writes rows of a {@link BulkTable} on the connection of the caller's transaction (Spring's, as
 * the {@link JdbcTemplate}'s statements are): committed or rolled back with everything else the
 * transaction wrote, so a run stays invisible until complete and an import is all or nothing.
 *
 * <p>On PostgreSQL the rows go as one {@code COPY ... FROM STDIN} (pgjdbc's copy API), streamed in
 * pieces of about {@value #PIECE_CHARS} characters while the rows are formatted: the server
 * stores the first rows while the next are written, and one statement is parsed for them all
 * instead of a multi-row {@code INSERT} per 128 rows (docs/performance.md, "Rows written with COPY
 * on PostgreSQL"). Anywhere else (H2) they go as one JDBC batch of {@code INSERT}s. Both read the
 * table's one definition, so both store the same values.
 */
@Component
public class BulkWriter {

    /** How much COPY text is formatted before it is handed to the driver. */
    static final int PIECE_CHARS = 64 * 1024;

    private final JdbcTemplate template;

    public BulkWriter(JdbcTemplate template) {
        this.template = template;
    }

    /** Writes the rows, in their order: COPY on PostgreSQL, a batch of inserts elsewhere. */
    public <T> void write(BulkTable<T> table, List<T> rows) {
        if (rows.isEmpty()) {
            return;
        }
        DataSource dataSource = template.getDataSource();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (connection.isWrapperFor(PGConnection.class)) {
                copy(connection.unwrap(PGConnection.class), table, rows);
                return;
            }
        } catch (SQLException e) {
            throw template.getExceptionTranslator().translate("COPY " + table.table(), table.copySql(), e);
        } finally {
            // Inside a transaction the connection stays bound to it; outside one it goes back before the batch takes one.
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        insertInBatch(table, rows);
    }

    /** The rows as one JDBC batch of the table's {@code INSERT} (what H2 is given). */
    <T> void insertInBatch(BulkTable<T> table, List<T> rows) {
        if (!rows.isEmpty()) {
            template.batchUpdate(table.insertSql(), rows, rows.size(), table::bind);
        }
    }

    /** The rows as one COPY, in COPY's text format; cancelled if anything fails before its end. */
    static <T> void copy(PGConnection connection, BulkTable<T> table, List<T> rows) throws SQLException {
        CopyIn copy = connection.getCopyAPI().copyIn(table.copySql());
        try {
            StringBuilder piece = new StringBuilder(PIECE_CHARS + 4096);
            for (T row : rows) {
                table.copyLine(row, piece);
                if (piece.length() >= PIECE_CHARS) {
                    send(copy, piece);
                }
            }
            send(copy, piece);
            long copied = copy.endCopy();
            if (copied != rows.size()) {
                throw new IllegalStateException("COPY " + table.table() + " stored " + copied + " of " + rows.size()
                        + " rows");
            }
        } catch (SQLException | RuntimeException e) {
            if (copy.isActive()) {
                try {
                    copy.cancelCopy(); // the connection back from COPY's mode; the transaction is rolled back by its owner
                } catch (SQLException cancel) {
                    e.addSuppressed(cancel);
                }
            }
            throw e;
        }
    }

    private static void send(CopyIn copy, StringBuilder piece) throws SQLException {
        if (!piece.isEmpty()) {
            byte[] bytes = piece.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            piece.setLength(0);
        }
    }
}
