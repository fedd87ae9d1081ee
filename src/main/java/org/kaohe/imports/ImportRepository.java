package org.kaohe.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.kaohe.records.Appraisal;
import org.kaohe.records.Area;
import org.kaohe.records.Cadre;
import org.kaohe.records.Department;
import org.kaohe.records.DeptType;
import org.kaohe.records.Event;
import org.kaohe.records.Organization;
import org.kaohe.records.Period;
import org.kaohe.records.PeriodRecords;
import org.kaohe.records.Project;
import org.kaohe.records.SourceRef;
import org.kaohe.records.SubjectType;
import org.kaohe.records.Target;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads stored imports: a period's current records (the newest version), any version by id, the
 * list of versions, and the original decoded files. Records come back in source-line order, each
 * with its {@link SourceRef}.
 */
@Repository
public class ImportRepository {

    private final JdbcClient jdbc;

    public ImportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The records of the period's newest import version, if the period was ever imported. */
    public Optional<PeriodRecords> loadCurrent(Period period) {
        return jdbc.sql("SELECT id FROM import_version WHERE period = ? ORDER BY version DESC LIMIT 1")
                .param(period.toString())
                .query(Long.class)
                .optional()
                .flatMap(this::load);
    }

    /** The id of the period's newest import version, without loading its records. */
    public Optional<Long> currentImportId(Period period) {
        return jdbc.sql("SELECT id FROM import_version WHERE period = ? ORDER BY version DESC LIMIT 1")
                .param(period.toString())
                .query(Long.class)
                .optional();
    }

    /** The records of one import version. */
    public Optional<PeriodRecords> load(long importId) {
        Optional<Period> period = jdbc.sql("SELECT period FROM import_version WHERE id = ?")
                .param(importId)
                .query(String.class)
                .optional()
                .map(Period::parse);
        return period.map(p -> new PeriodRecords(p, importId, departments(importId), cadres(importId),
                targets(importId), appraisals(importId), events(importId), organizations(importId)));
    }

    /** Every import version, by period then version; {@code current} marks each period's newest. */
    public List<ImportVersionInfo> list() {
        Map<Long, List<ImportReport.FileReport>> files = new HashMap<>();
        jdbc.sql("SELECT import_id, file_name, encoding, row_count, sha256 FROM import_file ORDER BY import_id, file_name")
                .query(rs -> {
                    files.computeIfAbsent(rs.getLong("import_id"), k -> new ArrayList<>())
                            .add(new ImportReport.FileReport(rs.getString("file_name"), rs.getString("encoding"),
                                    rs.getInt("row_count"), rs.getString("sha256")));
                });
        List<ImportVersionInfo> versions = jdbc.sql("SELECT v.id, v.period, v.version, v.imported_by, v.imported_at,"
                        + " v.content_hash, v.removals_confirmed, (SELECT MAX(w.version) FROM import_version w WHERE w.period = v.period) AS newest"
                        + " FROM import_version v")
                .query((rs, n) -> new ImportVersionInfo(rs.getLong("id"), Period.parse(rs.getString("period")),
                        rs.getInt("version"), rs.getInt("version") == rs.getInt("newest"), rs.getString("imported_by"),
                        rs.getObject("imported_at", OffsetDateTime.class), rs.getString("content_hash"),
                        files.getOrDefault(rs.getLong("id"), List.of()), rs.getBoolean("removals_confirmed")))
                .list();
        return versions.stream()
                .sorted(Comparator.comparing(ImportVersionInfo::period).thenComparingInt(ImportVersionInfo::version))
                .toList();
    }

    /** A stored file's decoded text, as it was imported. */
    public Optional<String> fileContent(long importId, String fileName) {
        return jdbc.sql("SELECT content FROM import_file WHERE import_id = ? AND file_name = ?")
                .params(importId, fileName)
                .query(String.class)
                .optional();
    }

    /** The version number of an import within its period (what the pages call 导入版本 N). */
    public Optional<Integer> version(long importId) {
        return jdbc.sql("SELECT version FROM import_version WHERE id = ?").param(importId).query(Integer.class).optional();
    }

    /** The periods that have at least one import, oldest first. */
    public List<Period> periods() {
        return jdbc.sql("SELECT DISTINCT period FROM import_version")
                .query(String.class)
                .list()
                .stream()
                .map(Period::parse)
                .sorted()
                .toList();
    }

    private List<Department> departments(long id) {
        return jdbc.sql("SELECT * FROM department_record WHERE import_id = ? ORDER BY source_line").param(id)
                .query((rs, n) -> new Department(rs.getString("dept_id"), rs.getString("name"),
                        DeptType.valueOf(rs.getString("type")), source(rs)))
                .list();
    }

    private List<Cadre> cadres(long id) {
        return jdbc.sql("SELECT * FROM cadre_record WHERE import_id = ? ORDER BY source_line").param(id)
                .query((rs, n) -> new Cadre(rs.getString("cadre_id"), rs.getString("name"), rs.getString("dept_id"),
                        rs.getString("position"), rs.getObject("birth_date", LocalDate.class), source(rs)))
                .list();
    }

    private List<Target> targets(long id) {
        return jdbc.sql("SELECT * FROM target_record WHERE import_id = ? ORDER BY source_line").param(id)
                .query((rs, n) -> new Target(rs.getString("target_id"), SubjectType.valueOf(rs.getString("owner_type")),
                        rs.getString("owner_id"), Project.valueOf(rs.getString("project")), rs.getString("title"),
                        plain(rs.getBigDecimal("planned")), plain(rs.getBigDecimal("actual")),
                        plain(rs.getBigDecimal("weight")), rs.getObject("due_date", LocalDate.class),
                        rs.getObject("done_date", LocalDate.class), rs.getBoolean("key_work"), source(rs)))
                .list();
    }

    private List<Appraisal> appraisals(long id) {
        return jdbc.sql("SELECT * FROM appraisal_record WHERE import_id = ? ORDER BY source_line").param(id)
                .query((rs, n) -> new Appraisal(rs.getString("cadre_id"), rs.getInt("votes_good"),
                        rs.getInt("votes_fair"), rs.getInt("votes_average"), rs.getInt("votes_poor"),
                        plain(rs.getBigDecimal("leader_score")), source(rs)))
                .list();
    }

    /** The events of one import version, in source-line order. */
    public List<Event> events(long id) {
        return jdbc.sql("SELECT * FROM event_record WHERE import_id = ? ORDER BY source_line").param(id)
                .query((rs, n) -> new Event(rs.getString("event_id"), SubjectType.valueOf(rs.getString("subject_type")),
                        rs.getString("subject_id"), rs.getString("kind"), rs.getString("level"),
                        rs.getInt("unit_count"), rs.getObject("event_date", LocalDate.class), rs.getString("note"),
                        source(rs)))
                .list();
    }

    private List<Organization> organizations(long id) {
        return jdbc.sql("SELECT * FROM organization_record WHERE import_id = ? ORDER BY source_line").param(id)
                .query((rs, n) -> new Organization(rs.getString("org_id"), rs.getString("dept_id"),
                        Area.valueOf(rs.getString("area")), rs.getInt("secretary_age"), rs.getInt("members"),
                        rs.getInt("activities"), source(rs)))
                .list();
    }

    private static SourceRef source(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new SourceRef(rs.getString("source_file"), rs.getInt("source_line"));
    }

    /** NUMERIC(30,10) comes back with ten decimals; strip the padding so 10 reads as 10, not 10.0000000000. */
    private static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
