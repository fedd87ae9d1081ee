package org.kaohe.imports;

import java.util.SortedMap;
import java.util.TreeMap;

import org.kaohe.audit.BulkWriter;
import org.kaohe.records.Appraisal;
import org.kaohe.records.Cadre;
import org.kaohe.records.Department;
import org.kaohe.records.Event;
import org.kaohe.records.Organization;
import org.kaohe.records.Target;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes one import version's records as they come, each with the seal {@link ReadAhead} made for it
 * while reading, in batches of {@value #BATCH} ({@link RecordTables}), then its content hash and its seal
 * ({@link ImportStore#begin} makes one). Callers hold the transaction; only their thread writes.
 */
final class VersionWriter {

    static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final RecordSeals seals;

    private final long importId;
    private final int version;
    /**
     * The files stored, each as the version's seal lists it, by name in Java's order of text, as
     * {@link SealedVersion#header} lists them when the seal is checked.
     */
    private final SortedMap<String, String> files = new TreeMap<>();
    private final RecordBatch<Department> departments;
    private final RecordBatch<Cadre> cadres;
    private final RecordBatch<Target> targets;
    private final RecordBatch<Appraisal> appraisals;
    private final RecordBatch<Event> events;
    private final RecordBatch<Organization> organizations;

    VersionWriter(BulkWriter writer, JdbcClient jdbc, RecordSeals seals, long importId, int version) {
        this.jdbc = jdbc;
        this.seals = seals;
        this.importId = importId;
        this.version = version;
        departments = new RecordBatch<>(writer, importId, RecordTables.DEPARTMENTS);
        cadres = new RecordBatch<>(writer, importId, RecordTables.CADRES);
        targets = new RecordBatch<>(writer, importId, RecordTables.TARGETS);
        appraisals = new RecordBatch<>(writer, importId, RecordTables.APPRAISALS);
        events = new RecordBatch<>(writer, importId, RecordTables.EVENTS);
        organizations = new RecordBatch<>(writer, importId, RecordTables.ORGANIZATIONS);
    }

    /** The version's id: the records' seals name it. */
    long importId() {
        return importId;
    }

    /** How the version's records and files are sealed. */
    RecordSeals seals() {
        return seals;
    }

    void add(Department d, String seal) {
        departments.add(d, seal);
    }

    void add(Cadre c, String seal) {
        cadres.add(c, seal);
    }

    void add(Target t, String seal) {
        targets.add(t, seal);
    }

    void add(Appraisal a, String seal) {
        appraisals.add(a, seal);
    }

    void add(Event e, String seal) {
        events.add(e, seal);
    }

    void add(Organization o, String seal) {
        organizations.add(o, seal);
    }

    void file(ImportReport.FileReport file, String text, String seal) {
        jdbc.sql("INSERT INTO import_file (import_id, file_name, sha256, encoding, row_count, content, seal)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(importId, file.fileName(), file.sha256(), file.encoding(), file.rows(), text, seal)
                .update();
        files.put(file.fileName(), SealedVersion.fileEntry(file.fileName(), file.sha256(), file.encoding(), file.rows()));
    }

    /** Writes what is left, the content hash and the version's seal; returns the version now stored. */
    ImportStore.CurrentVersion finish(String contentHash) {
        departments.flush(); cadres.flush(); targets.flush(); appraisals.flush(); events.flush(); organizations.flush();
        jdbc.sql("UPDATE import_version SET content_hash = ? WHERE id = ?").params(contentHash, importId).update();
        seal();
        return new ImportStore.CurrentVersion(importId, version, contentHash);
    }

    /**
     * Seals the version as stored: its row read back, its files as this writer stored them (reading
     * them back made the database decode every file's whole text again, when only their names,
     * hashes, encodings and row counts are sealed), and how many records each table got.
     */
    private void seal() {
        String counts = SealedVersion.counts(java.util.Arrays.stream(RecordSeals.Table.values())
                .mapToInt(this::count).toArray());
        SealedVersion.Header header = SealedVersion.headerWithoutFiles(jdbc, importId).orElseThrow()
                .withFiles(String.join(",", files.values()));
        jdbc.sql("UPDATE import_version SET seal = ?, key_id = ?, record_counts = ? WHERE id = ?")
                .params(header.seal(seals, counts), seals.keyId(), counts, importId).update();
    }

    /** How many records the table got in this version (as sealed with it). */
    int rows(KeyedTable table) {
        return java.util.Arrays.stream(RecordSeals.Table.values()).filter(t -> t.sqlName.equals(table.table()))
                .mapToInt(this::count).findFirst().orElseThrow();
    }

    private int count(RecordSeals.Table table) {
        return switch (table) {
            case DEPARTMENT -> departments.count;
            case CADRE -> cadres.count;
            case TARGET -> targets.count;
            case APPRAISAL -> appraisals.count;
            case EVENT -> events.count;
            case ORGANIZATION -> organizations.count;
        };
    }
}
