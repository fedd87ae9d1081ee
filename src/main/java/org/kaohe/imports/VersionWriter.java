package org.kaohe.imports;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.SortedMap;
import java.util.TreeMap;

import org.kaohe.records.Appraisal;
import org.kaohe.records.Cadre;
import org.kaohe.records.Department;
import org.kaohe.records.Event;
import org.kaohe.records.Organization;
import org.kaohe.records.SourceRef;
import org.kaohe.records.Target;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes one import version's records as they come, each with the seal {@link ReadAhead} made for it
 * while reading, in JDBC batches of {@value #BATCH}, then its content hash and its seal
 * ({@link ImportStore#begin} makes one). Callers hold the transaction; only their thread writes.
 */
final class VersionWriter {

    static final int BATCH = 1000;

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;
    private final RecordSeals seals;

    private final long importId;
    private final int version;
    /**
     * The files stored, each as the version's seal lists it, by name in Java's order of text, as
     * {@link SealedVersion#header} lists them when the seal is checked.
     */
    private final SortedMap<String, String> files = new TreeMap<>();
    private final RecordBatch<Department> departments = new RecordBatch<>(this::jdbcTemplate,
            "INSERT INTO department_record (import_id, dept_id, name, type, source_file, source_line, seal)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (ps, d, seal) -> {
                ps.setLong(1, importId());
                ps.setString(2, d.deptId());
                ps.setString(3, d.name());
                ps.setString(4, d.type().name());
                source(ps, 5, d.source());
                ps.setString(7, seal);
            });
    private final RecordBatch<Cadre> cadres = new RecordBatch<>(this::jdbcTemplate,
            "INSERT INTO cadre_record (import_id, cadre_id, name, dept_id, position, birth_date, source_file, source_line,"
            + " seal)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (ps, c, seal) -> {
                ps.setLong(1, importId());
                ps.setString(2, c.cadreId());
                ps.setString(3, c.name());
                ps.setString(4, c.deptId());
                ps.setString(5, c.position());
                date(ps, 6, c.birthDate());
                source(ps, 7, c.source());
                ps.setString(9, seal);
            });
    private final RecordBatch<Target> targets = new RecordBatch<>(this::jdbcTemplate,
            "INSERT INTO target_record (import_id, target_id, owner_type, owner_id, project, title, planned, actual, weight,"
            + " due_date, done_date, key_work, source_file, source_line, seal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (ps, t, seal) -> {
                ps.setLong(1, importId());
                ps.setString(2, t.targetId());
                ps.setString(3, t.ownerType().name());
                ps.setString(4, t.ownerId());
                ps.setString(5, t.project().name());
                ps.setString(6, t.title());
                ps.setBigDecimal(7, t.planned());
                ps.setBigDecimal(8, t.actual());
                ps.setBigDecimal(9, t.weight());
                date(ps, 10, t.dueDate());
                date(ps, 11, t.doneDate());
                ps.setBoolean(12, t.keyWork());
                source(ps, 13, t.source());
                ps.setString(15, seal);
            });
    private final RecordBatch<Appraisal> appraisals = new RecordBatch<>(this::jdbcTemplate,
            "INSERT INTO appraisal_record (import_id, cadre_id, votes_good, votes_fair, votes_average, votes_poor,"
            + " leader_score, source_file, source_line, seal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (ps, a, seal) -> {
                ps.setLong(1, importId());
                ps.setString(2, a.cadreId());
                ps.setInt(3, a.votesGood());
                ps.setInt(4, a.votesFair());
                ps.setInt(5, a.votesAverage());
                ps.setInt(6, a.votesPoor());
                if (a.leaderScore() == null) {
                    ps.setNull(7, Types.NUMERIC);
                } else {
                    ps.setBigDecimal(7, a.leaderScore());
                }
                source(ps, 8, a.source());
                ps.setString(10, seal);
            });
    private final RecordBatch<Event> events = new RecordBatch<>(this::jdbcTemplate,
            "INSERT INTO event_record (import_id, event_id, subject_type, subject_id, kind, level, unit_count, event_date,"
            + " note, source_file, source_line, seal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (ps, e, seal) -> {
                ps.setLong(1, importId());
                ps.setString(2, e.eventId());
                ps.setString(3, e.subjectType().name());
                ps.setString(4, e.subjectId());
                ps.setString(5, e.kind());
                if (e.level() == null) {
                    ps.setNull(6, Types.VARCHAR);
                } else {
                    ps.setString(6, e.level());
                }
                ps.setInt(7, e.count());
                date(ps, 8, e.date());
                ps.setString(9, e.note());
                source(ps, 10, e.source());
                ps.setString(12, seal);
            });
    private final RecordBatch<Organization> organizations = new RecordBatch<>(this::jdbcTemplate,
            "INSERT INTO organization_record (import_id, org_id, dept_id, area, secretary_age, members, activities,"
            + " source_file, source_line, seal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (ps, o, seal) -> {
                ps.setLong(1, importId());
                ps.setString(2, o.orgId());
                ps.setString(3, o.deptId());
                ps.setString(4, o.area().name());
                ps.setInt(5, o.secretaryAge());
                ps.setInt(6, o.members());
                ps.setInt(7, o.activities());
                source(ps, 8, o.source());
                ps.setString(10, seal);
            });

    VersionWriter(JdbcTemplate jdbcTemplate, JdbcClient jdbc, RecordSeals seals, long importId, int version) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
        this.seals = seals;
        this.importId = importId;
        this.version = version;
    }

    /** The version's id: the batches' statements and the records' seals name it. */
    long importId() {
        return importId;
    }

    /** How the version's records and files are sealed (a field initializer may not read the final field itself). */
    RecordSeals seals() {
        return seals;
    }

    private JdbcTemplate jdbcTemplate() {
        return jdbcTemplate;
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

    private static void source(PreparedStatement ps, int index, SourceRef source) throws SQLException {
        ps.setString(index, source.file());
        ps.setInt(index + 1, source.line());
    }

    private static void date(PreparedStatement ps, int index, LocalDate date) throws SQLException {
        if (date == null) {
            ps.setNull(index, Types.DATE);
        } else {
            ps.setObject(index, date);
        }
    }
}
