package org.kaohe.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.kaohe.errors.FaultPoint;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;

/** Rows of one table waiting to be written, in batches of {@value VersionWriter#BATCH}. */
final class RecordBatch<T> {

    /** Asked for at the first write: the writer that makes its batches in field initializers has not set it yet. */
    private final Supplier<JdbcTemplate> jdbcTemplate;
    private final String sql;
    private final ParameterizedPreparedStatementSetter<T> setter;
    private final List<T> rows = new ArrayList<>(VersionWriter.BATCH);
    /** How many records this table got: sealed with the version. */
    int count;

    RecordBatch(Supplier<JdbcTemplate> jdbcTemplate, String sql, ParameterizedPreparedStatementSetter<T> setter) {
        this.jdbcTemplate = jdbcTemplate;
        this.sql = sql;
        this.setter = setter;
    }

    void add(T row) {
        count++;
        rows.add(row);
        if (rows.size() == VersionWriter.BATCH) {
            flush();
        }
    }

    void flush() {
        if (!rows.isEmpty()) {
            jdbcTemplate.get().batchUpdate(sql, rows, VersionWriter.BATCH, setter);
            rows.clear();
            FaultPoint.IMPORT_FIRST_BATCH.reached();
        }
    }
}
