package org.kaohe.imports;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An import version's row as its seal covers it: the header (period, version, who imported it and
 * when, the content hash), its stored files' names, hashes, encodings and row counts, and how many
 * records each table holds ({@code DEPARTMENT=12;CADRE=300;…}).
 */
final class SealedVersion {

    private SealedVersion() {}

    /** The stored header of a version, with its files, its seal and the counts it was sealed with. */
    record Header(long importId, String period, int version, String importedBy, long importedAtMillis,
                  String contentHash, String files, String seal, String keyId, String counts) {

        /** The seal this header makes with the given counts. */
        String seal(RecordSeals seals, String withCounts) {
            return seals.version(importId, period, version, importedBy, importedAtMillis, contentHash, files, withCounts);
        }

        Header withFiles(String fileList) {
            return new Header(importId, period, version, importedBy, importedAtMillis, contentHash, fileList, seal, keyId,
                    counts);
        }
    }

    /**
     * The version's stored header with its files listed by name in Java's order of text, as
     * {@link VersionWriter} sealed them: not the database's {@code ORDER BY}, whose collation (a
     * PostgreSQL database made with {@code en_US.UTF-8}, say) may sort names another way.
     */
    static Optional<Header> header(JdbcClient jdbc, long importId) {
        SortedMap<String, String> byName = new TreeMap<>();
        jdbc.sql("SELECT file_name, sha256, encoding, row_count FROM import_file WHERE import_id = ?")
                .param(importId)
                .query(rs -> {
                    byName.put(rs.getString("file_name"), fileEntry(rs));
                });
        String files = String.join(",", byName.values());
        return headerWithoutFiles(jdbc, importId).map(header -> header.withFiles(files));
    }

    /** One stored file as the version's seal lists it (the files by name, joined by commas). */
    static String fileEntry(java.sql.ResultSet rs) throws java.sql.SQLException {
        return fileEntry(rs.getString("file_name"), rs.getString("sha256"), rs.getString("encoding"),
                rs.getInt("row_count"));
    }

    /** One file as the version's seal lists it, from what was stored ({@link VersionWriter} knows it). */
    static String fileEntry(String fileName, String sha256, String encoding, int rows) {
        return fileName + ":" + sha256 + ":" + encoding + ":" + rows;
    }

    /**
     * The version's header without its file list (which would read the stored files' rows): enough to
     * check record rows against their seals, not the version's own seal ({@link ImportSealCheck#finishRows}).
     */
    static Optional<Header> headerWithoutFiles(JdbcClient jdbc, long importId) {
        return jdbc.sql("SELECT period, version, imported_by, imported_at, content_hash, seal, key_id, record_counts"
                        + " FROM import_version WHERE id = ?")
                .param(importId)
                .query((rs, n) -> new Header(importId, rs.getString("period"), rs.getInt("version"),
                        rs.getString("imported_by"), rs.getObject("imported_at", OffsetDateTime.class).toInstant().toEpochMilli(),
                        rs.getString("content_hash"), null, rs.getString("seal"), rs.getString("key_id"),
                        rs.getString("record_counts")))
                .optional();
    }

    /** The counts of the tables, in {@link RecordSeals.Table} order, as their sealed text. */
    static String counts(int[] byTable) {
        StringBuilder text = new StringBuilder();
        RecordSeals.Table[] tables = RecordSeals.Table.values();
        for (int i = 0; i < tables.length; i++) {
            text.append(i == 0 ? "" : ";").append(tables[i].name()).append('=').append(byTable[i]);
        }
        return text.toString();
    }

    /** The first import version stored with a seal, if any: versions after it must carry one. */
    static Optional<Long> firstSealed(JdbcClient jdbc) {
        return jdbc.sql("SELECT MIN(id) FROM import_version WHERE seal IS NOT NULL").query(Long.class).optional();
    }
}
