package org.kaohe.records;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Writes a validated import as a new version of its period. Rows go in with JDBC batches: a
 * 100,000-row targets file must store in seconds. Callers hold the transaction.
 */
@Component
class ImportStore {

    private static final int BATCH = 1000;

    /** The newest version of a period: the one evaluations read. */
    record CurrentVersion(long importId, int version, String contentHash) {}

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;

    ImportStore(JdbcTemplate jdbcTemplate, JdbcClient jdbc) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
    }

    Optional<CurrentVersion> current(Period period) {
        return jdbc.sql("SELECT id, version, content_hash FROM import_version WHERE period = ? ORDER BY version DESC LIMIT 1")
                .param(period.toString())
                .query((rs, n) -> new CurrentVersion(rs.getLong("id"), rs.getInt("version"), rs.getString("content_hash")))
                .optional();
    }

    /** Stores the import as the period's next version; returns it. */
    CurrentVersion store(ParsedImport parsed, String user) {
        int version = current(parsed.period()).map(CurrentVersion::version).orElse(0) + 1;
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO import_version (period, version, content_hash, imported_by, imported_at) VALUES (?, ?, ?, ?, ?)")
                .params(parsed.period().toString(), version, parsed.contentHash(), user, OffsetDateTime.now())
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        storeFiles(id, parsed);
        storeRecords(id, parsed);
        return new CurrentVersion(id, version, parsed.contentHash());
    }

    private void storeFiles(long id, ParsedImport parsed) {
        for (ImportReport.FileReport file : parsed.files()) {
            jdbc.sql("INSERT INTO import_file (import_id, file_name, sha256, encoding, row_count, content) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(id, file.fileName(), file.sha256(), file.encoding(), file.rows(),
                            parsed.contents().get(file.fileName()))
                    .update();
        }
    }

    private void storeRecords(long id, ParsedImport p) {
        batch("INSERT INTO department_record (import_id, dept_id, name, type, source_file, source_line) VALUES (?, ?, ?, ?, ?, ?)",
                p.departments(), (ps, d) -> {
                    ps.setLong(1, id);
                    ps.setString(2, d.deptId());
                    ps.setString(3, d.name());
                    ps.setString(4, d.type().name());
                    source(ps, 5, d.source());
                });
        batch("INSERT INTO cadre_record (import_id, cadre_id, name, dept_id, position, birth_date, source_file, source_line)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", p.cadres(), (ps, c) -> {
                    ps.setLong(1, id);
                    ps.setString(2, c.cadreId());
                    ps.setString(3, c.name());
                    ps.setString(4, c.deptId());
                    ps.setString(5, c.position());
                    date(ps, 6, c.birthDate());
                    source(ps, 7, c.source());
                });
        batch("INSERT INTO target_record (import_id, target_id, owner_type, owner_id, project, title, planned, actual, weight,"
                + " due_date, done_date, key_work, source_file, source_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                p.targets(), (ps, t) -> {
                    ps.setLong(1, id);
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
                });
        batch("INSERT INTO appraisal_record (import_id, cadre_id, votes_good, votes_fair, votes_average, votes_poor,"
                + " leader_score, source_file, source_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", p.appraisals(), (ps, a) -> {
                    ps.setLong(1, id);
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
                });
        batch("INSERT INTO event_record (import_id, event_id, subject_type, subject_id, kind, level, unit_count, event_date,"
                + " note, source_file, source_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", p.events(), (ps, e) -> {
                    ps.setLong(1, id);
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
                });
        batch("INSERT INTO organization_record (import_id, org_id, dept_id, area, secretary_age, members, activities,"
                + " source_file, source_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", p.organizations(), (ps, o) -> {
                    ps.setLong(1, id);
                    ps.setString(2, o.orgId());
                    ps.setString(3, o.deptId());
                    ps.setString(4, o.area().name());
                    ps.setInt(5, o.secretaryAge());
                    ps.setInt(6, o.members());
                    ps.setInt(7, o.activities());
                    source(ps, 8, o.source());
                });
    }

    private <T> void batch(String sql, List<T> rows, ParameterizedPreparedStatementSetter<T> setter) {
        if (!rows.isEmpty()) {
            jdbcTemplate.batchUpdate(sql, rows, BATCH, setter);
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
