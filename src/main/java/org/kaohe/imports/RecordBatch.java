package org.kaohe.imports;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.kaohe.errors.FaultPoint;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows of one table waiting to be written, each with its seal (made where the row was read:
 * {@link ReadAhead}), in batches of {@value VersionWriter#BATCH}.
 */
final class RecordBatch<T> {

    /** Sets a row's parameters, its seal among them. */
    interface Setter<T> {
        void set(PreparedStatement ps, T row, String seal) throws SQLException;
    }

    private record Sealed<T>(T row, String seal) {}

    /** Asked for at the first write: the writer that makes its batches in field initializers has not set it yet. */
    private final Supplier<JdbcTemplate> jdbcTemplate;
    private final String sql;
    private final Setter<T> setter;
    private final List<Sealed<T>> rows = new ArrayList<>(VersionWriter.BATCH);
    /** How many records this table got: sealed with the version. */
    int count;

    RecordBatch(Supplier<JdbcTemplate> jdbcTemplate, String sql, Setter<T> setter) {
        this.jdbcTemplate = jdbcTemplate;
        this.sql = sql;
        this.setter = setter;
    }

    void add(T row, String seal) {
        count++;
        rows.add(new Sealed<>(row, seal));
        if (rows.size() == VersionWriter.BATCH) {
            flush();
        }
    }

    void flush() {
        if (!rows.isEmpty()) {
            jdbcTemplate.get().batchUpdate(sql, rows, VersionWriter.BATCH, (ps, r) -> setter.set(ps, r.row(), r.seal()));
            rows.clear();
            FaultPoint.IMPORT_FIRST_BATCH.reached();
        }
    }
}
