package org.kaohe.imports;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.kaohe.audit.BulkWriter;
import org.kaohe.records.Period;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Writes an import as a new version of its period, record by record as the import reads them, in
 * batches (COPY on PostgreSQL): a 250,000-row targets file stores in seconds and is never in memory whole. Callers
 * hold the transaction.
 */
@Component
class ImportStore {

    /** The newest version of a period: the one evaluations read. */
    record CurrentVersion(long importId, int version, String contentHash) {}

    private final BulkWriter writer;
    private final JdbcClient jdbc;
    private final RecordSeals seals;

    ImportStore(BulkWriter writer, JdbcClient jdbc, RecordSeals seals) {
        this.writer = writer;
        this.jdbc = jdbc;
        this.seals = seals;
    }

    Optional<CurrentVersion> current(Period period) {
        return jdbc.sql("SELECT id, version, content_hash FROM import_version WHERE period = ? ORDER BY version DESC LIMIT 1")
                .param(period.toString())
                .query((rs, n) -> new CurrentVersion(rs.getLong("id"), rs.getInt("version"), rs.getString("content_hash")))
                .optional();
    }

    /**
     * Begins the period's next version and returns the sink that writes its records in batches of
     * {@value VersionWriter#BATCH} as the import reads them. Its content hash is set by {@link VersionWriter#finish}.
     * All of it is in the caller's transaction: rolled back, nothing is left.
     */
    VersionWriter begin(Period period, Optional<CurrentVersion> current, String user) {
        int version = current.map(CurrentVersion::version).orElse(0) + 1;
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO import_version (period, version, content_hash, imported_by, imported_at) VALUES (?, ?, ?, ?, ?)")
                .params(period.toString(), version, "", user, OffsetDateTime.now())
                .update(key, "id");
        return new VersionWriter(writer, jdbc, seals, key.getKeyAs(Number.class).longValue(), version);
    }

    /** Records with the version that HR confirmed it removes a large share of a file's rows. */
    void confirmRemovals(long importId) {
        jdbc.sql("UPDATE import_version SET removals_confirmed = TRUE WHERE id = ?").param(importId).update();
    }
}
