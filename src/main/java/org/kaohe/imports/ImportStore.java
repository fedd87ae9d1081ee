package org.kaohe.imports;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.kaohe.errors.FaultPoint;
import org.kaohe.records.Appraisal;
import org.kaohe.records.Cadre;
import org.kaohe.records.Department;
import org.kaohe.records.Event;
import org.kaohe.records.Organization;
import org.kaohe.records.Period;
import org.kaohe.records.SourceRef;
import org.kaohe.records.Target;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Writes an import as a new version of its period, record by record as the import reads them, in
 * JDBC batches: a 250,000-row targets file stores in seconds and is never in memory whole. Callers
 * hold the transaction.
 */
@Component
class ImportStore {

    private static final int BATCH = 1000;

    /** The newest version of a period: the one evaluations read. */
    record CurrentVersion(long importId, int version, String contentHash) {}

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;
    private final RecordSeals seals;

    ImportStore(JdbcTemplate jdbcTemplate, JdbcClient jdbc, RecordSeals seals) {
        this.jdbcTemplate = jdbcTemplate;
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
     * {@value #BATCH} as the import reads them. Its content hash is set by {@link Writer#finish}.
     * All of it is in the caller's transaction: rolled back, nothing is left.
     */
    Writer begin(Period period, Optional<CurrentVersion> current, String user) {
        int version = current.map(CurrentVersion::version).orElse(0) + 1;
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO import_version (period, version, content_hash, imported_by, imported_at) VALUES (?, ?, ?, ?, ?)")
                .params(period.toString(), version, "", user, OffsetDateTime.now())
                .update(key, "id");
        return new Writer(key.getKeyAs(Number.class).longValue(), version);
    }

    /** Records with the version that HR confirmed it removes a large share of a file's rows. */
    void confirmRemovals(long importId) {
        jdbc.sql("UPDATE import_version SET removals_confirmed = TRUE WHERE id = ?").param(importId).update();
    }

    /** Writes one import version's records as they come, a batch at a time. */
    final class Writer implements RecordSink {

        private final long importId;
        private final int version;
        private final Batch<Department> departments = new Batch<>(
                "INSERT INTO department_record (import_id, dept_id, name, type, source_file, source_line, seal)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (ps, d) -> {
                    ps.setLong(1, importId());
                    ps.setString(2, d.deptId());
                    ps.setString(3, d.name());
                    ps.setString(4, d.type().name());
                    source(ps, 5, d.source());
                    ps.setString(7, seals.of(importId(), d));
                });
        private final Batch<Cadre> cadres = new Batch<>(
                "INSERT INTO cadre_record (import_id, cadre_id, name, dept_id, position, birth_date, source_file, source_line,"
                + " seal)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (ps, c) -> {
                    ps.setLong(1, importId());
                    ps.setString(2, c.cadreId());
                    ps.setString(3, c.name());
                    ps.setString(4, c.deptId());
                    ps.setString(5, c.position());
                    date(ps, 6, c.birthDate());
                    source(ps, 7, c.source());
                    ps.setString(9, seals.of(importId(), c));
                });
        private final Batch<Target> targets = new Batch<>(
                "INSERT INTO target_record (import_id, target_id, owner_type, owner_id, project, title, planned, actual, weight,"
                + " due_date, done_date, key_work, source_file, source_line, seal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (ps, t) -> {
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
                    ps.setString(15, seals.of(importId(), t));
                });
        private final Batch<Appraisal> appraisals = new Batch<>(
                "INSERT INTO appraisal_record (import_id, cadre_id, votes_good, votes_fair, votes_average, votes_poor,"
                + " leader_score, source_file, source_line, seal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (ps, a) -> {
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
                    ps.setString(10, seals.of(importId(), a));
                });
        private final Batch<Event> events = new Batch<>(
                "INSERT INTO event_record (import_id, event_id, subject_type, subject_id, kind, level, unit_count, event_date,"
                + " note, source_file, source_line, seal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (ps, e) -> {
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
                    ps.setString(12, seals.of(importId(), e));
                });
        private final Batch<Organization> organizations = new Batch<>(
                "INSERT INTO organization_record (import_id, org_id, dept_id, area, secretary_age, members, activities,"
                + " source_file, source_line, seal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (ps, o) -> {
                    ps.setLong(1, importId());
                    ps.setString(2, o.orgId());
                    ps.setString(3, o.deptId());
                    ps.setString(4, o.area().name());
                    ps.setInt(5, o.secretaryAge());
                    ps.setInt(6, o.members());
                    ps.setInt(7, o.activities());
                    source(ps, 8, o.source());
                    ps.setString(10, seals.of(importId(), o));
                });

        private Writer(long importId, int version) {
            this.importId = importId;
            this.version = version;
        }

        /** For the batches' statements (a field initializer may not read the final field itself). */
        private long importId() {
            return importId;
        }

        @Override
        public void department(Department d) {
            departments.add(d);
        }

        @Override
        public void cadre(Cadre c) {
            cadres.add(c);
        }

        @Override
        public void target(Target t) {
            targets.add(t);
        }

        @Override
        public void appraisal(Appraisal a) {
            appraisals.add(a);
        }

        @Override
        public void event(Event e) {
            events.add(e);
        }

        @Override
        public void organization(Organization o) {
            organizations.add(o);
        }

        @Override
        public void file(ImportReport.FileReport file, String text) {
            jdbc.sql("INSERT INTO import_file (import_id, file_name, sha256, encoding, row_count, content, seal)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(importId, file.fileName(), file.sha256(), file.encoding(), file.rows(), text,
                            seals.file(importId, file.fileName(), text))
                    .update();
        }

        /** Writes what is left, the content hash and the version's seal; returns the version now stored. */
        CurrentVersion finish(String contentHash) {
            departments.flush(); cadres.flush(); targets.flush(); appraisals.flush(); events.flush(); organizations.flush();
            jdbc.sql("UPDATE import_version SET content_hash = ? WHERE id = ?").params(contentHash, importId).update();
            seal();
            return new CurrentVersion(importId, version, contentHash);
        }

        /** Seals the version as stored: its row read back, its files, and how many records each table got. */
        private void seal() {
            String counts = SealedVersion.counts(java.util.Arrays.stream(RecordSeals.Table.values())
                    .mapToInt(this::count).toArray());
            SealedVersion.Header header = SealedVersion.header(jdbc, importId).orElseThrow();
            jdbc.sql("UPDATE import_version SET seal = ?, key_id = ?, record_counts = ? WHERE id = ?")
                    .params(header.seal(seals, counts), seals.keyId(), counts, importId).update();
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

    /** Rows of one table waiting to be written. */
    private final class Batch<T> {
        private final String sql;
        private final ParameterizedPreparedStatementSetter<T> setter;
        private final List<T> rows = new ArrayList<>(BATCH);
        /** How many records this table got: sealed with the version. */
        private int count;

        Batch(String sql, ParameterizedPreparedStatementSetter<T> setter) {
            this.sql = sql;
            this.setter = setter;
        }

        void add(T row) {
            count++;
            rows.add(row);
            if (rows.size() == BATCH) {
                flush();
            }
        }

        void flush() {
            if (!rows.isEmpty()) {
                jdbcTemplate.batchUpdate(sql, rows, BATCH, setter);
                rows.clear();
                FaultPoint.IMPORT_FIRST_BATCH.reached();
            }
        }
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
