package org.kaohe.imports;

import java.util.ArrayList;
import java.util.List;

import org.kaohe.audit.BulkTable;
import org.kaohe.audit.BulkWriter;
import org.kaohe.errors.FaultPoint;

/**
 * Rows of one table waiting to be written, each with its seal (made where the row was read:
 * {@link ReadAhead}), in batches of {@value VersionWriter#BATCH} ({@link BulkWriter}: COPY on
 * PostgreSQL, a JDBC batch elsewhere).
 */
final class RecordBatch<T> {

    /** One record of the version as stored: the version's id, the record, its seal. */
    record Sealed<T>(long importId, T row, String seal) {}

    private final BulkWriter writer;
    private final long importId;
    private final BulkTable<Sealed<T>> table;
    private final List<Sealed<T>> rows = new ArrayList<>(VersionWriter.BATCH);
    /** How many records this table got: sealed with the version. */
    int count;

    RecordBatch(BulkWriter writer, long importId, BulkTable<Sealed<T>> table) {
        this.writer = writer;
        this.importId = importId;
        this.table = table;
    }

    void add(T row, String seal) {
        count++;
        rows.add(new Sealed<>(importId, row, seal));
        if (rows.size() == VersionWriter.BATCH) {
            flush();
        }
    }

    void flush() {
        if (!rows.isEmpty()) {
            writer.write(table, rows);
            rows.clear();
            FaultPoint.IMPORT_FIRST_BATCH.reached();
        }
    }
}
