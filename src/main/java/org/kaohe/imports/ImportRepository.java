package org.kaohe.imports;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.kaohe.audit.StreamedReads;
import org.kaohe.audit.TableRows;
import org.kaohe.errors.Message;
import org.kaohe.errors.SealBrokenException;
import org.kaohe.records.Appraisal;
import org.kaohe.records.Cadre;
import org.kaohe.records.Department;
import org.kaohe.records.Event;
import org.kaohe.records.Organization;
import org.kaohe.records.Period;
import org.kaohe.records.PeriodRecords;
import org.kaohe.records.SourceRef;
import org.kaohe.records.Target;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Repository;

/**
 * Reads stored imports: a period's current records (the newest version), any version by id, the
 * list of versions, and the original decoded files. Records come back in source-line order, each
 * with its {@link SourceRef}.
 */
@Repository
@NamedInterface("imports") // the import module's API; every type here not marked so is internal
public class ImportRepository {

    private final JdbcClient jdbc;
    private final RecordSeals seals;
    private final StreamedReads streamed;

    public ImportRepository(JdbcClient jdbc, RecordSeals seals, StreamedReads streamed) {
        this.jdbc = jdbc;
        this.seals = seals;
        this.streamed = streamed;
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

    /**
     * The records of one import version, each row checked against its seal as it is read. Throws
     * {@link SealBrokenException} naming every altered, inserted or deleted record when the version
     * does not match its seals (or was sealed under another key): nothing may be evaluated from it.
     */
    public Optional<PeriodRecords> load(long importId) {
        Optional<SealedVersion.Header> header = SealedVersion.header(jdbc, importId);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        ImportSealCheck check = new ImportSealCheck(header.get(), seals, SealedVersion.firstSealed(jdbc));
        List<Department> departments = new ArrayList<>();
        List<Cadre> cadres = new ArrayList<>();
        List<Target> targets = new ArrayList<>();
        List<Appraisal> appraisals = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        List<Organization> organizations = new ArrayList<>();
        StoredRecords.readAll(streamed, importId, check, new StoredRecords.Sinks(departments::add, cadres::add, targets::add,
                appraisals::add, events::add, organizations::add));
        refuseIfFailed(check.finish());
        return Optional.of(new PeriodRecords(Period.parse(header.get().period()), importId, departments, cadres, targets,
                appraisals, events, organizations));
    }

    /** A version's stored files, one a chunk on H2: a file's text can be tens of megabytes. */
    private static final TableRows STORED_FILES = TableRows.of("import_file", "import_id").selecting(
            "t.file_name, t.sha256, t.encoding, t.row_count, CAST(t.content AS VARCHAR) AS content, t.seal", "").inChunksOf(1);

    /**
     * Checks every record and stored file of a version against its seals, streaming (no record is
     * kept): what {@code runs verify}, a replay and the source-row view say about the run's input.
     */
    public Optional<ImportCheck> check(long importId) {
        return SealedVersion.headerWithoutFiles(jdbc, importId).map(bare -> {
            // The stored files read once, one at a time: their list for the version's seal, their text for their own.
            // By name in Java's order of text, as the seal lists them (SealedVersion.header lists them the same way).
            Map<String, String> files = new TreeMap<>();
            Set<String> alteredFiles = new TreeSet<>();
            streamed.rowsWhere(STORED_FILES, importId, rs -> {
                String name = rs.getString("file_name");
                files.put(name, SealedVersion.fileEntry(rs));
                if (!seals.file(importId, name, rs.getString("content")).equals(rs.getString("seal"))) {
                    alteredFiles.add(name);
                }
            });
            ImportSealCheck check = new ImportSealCheck(bare.withFiles(String.join(",", files.values())), seals,
                    SealedVersion.firstSealed(jdbc));
            StoredRecords.checkAll(streamed, importId, check, Runtime.getRuntime().availableProcessors());
            if (check.checksRows()) {
                alteredFiles.forEach(check::fileAltered);
            }
            return check.finish();
        });
    }

    private static void refuseIfFailed(ImportCheck check) {
        if (check.failed()) {
            throw new SealBrokenException(Message.ofValues("import.seal.refused", check.version(), check.period(),
                    check.importId()), check.problems());
        }
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
        return versions(files);
    }

    /**
     * Each period's newest version, without its files (their list is left empty): what a run's
     * freshness is checked against. The stored files' rows hold their text (35 MB at 100,000
     * cadres), which {@link #list()} reads on H2 even for the names.
     */
    public List<ImportVersionInfo> currentVersions() {
        return versions(Map.of()).stream().filter(ImportVersionInfo::current).toList();
    }

    private List<ImportVersionInfo> versions(Map<Long, List<ImportReport.FileReport>> files) {
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

    /** A stored file's decoded text, as it was imported (not checked: {@link #checkedFile}). */
    public Optional<String> fileContent(long importId, String fileName) {
        return jdbc.sql("SELECT content FROM import_file WHERE import_id = ? AND file_name = ?")
                .params(importId, fileName)
                .query(String.class)
                .optional();
    }

    /** A stored file's text and whether it still matches its seal (true for a version stored before seals). */
    public record CheckedFile(String content, boolean intact) {}

    /** A stored file's decoded text with its own seal checked. */
    public Optional<CheckedFile> checkedFile(long importId, String fileName) {
        return jdbc.sql("SELECT content, seal FROM import_file WHERE import_id = ? AND file_name = ?")
                .params(importId, fileName)
                .query((rs, n) -> {
                    String content = rs.getString("content");
                    String seal = rs.getString("seal");
                    return new CheckedFile(content, seal == null ? unsealedVersion(importId)
                            : seal.equals(seals.file(importId, fileName, content)));
                })
                .optional();
    }

    /** A version without a seal is one stored before seals began, or one whose seal was removed. */
    private boolean unsealedVersion(long importId) {
        return SealedVersion.header(jdbc, importId).map(h -> h.seal() == null
                && SealedVersion.firstSealed(jdbc).map(first -> importId < first).orElse(true)).orElse(false);
    }

    /** The version number of an import within its period (what the pages call 导入版本 N). */
    public Optional<Integer> version(long importId) {
        return jdbc.sql("SELECT version FROM import_version WHERE id = ?").param(importId).query(Integer.class).optional();
    }

    /** True when the version holds a cadre or a department with this id (each is a subject of a run made from it). */
    public boolean holdsSubject(long importId, String subjectId) {
        return jdbc.sql("SELECT COUNT(*) FROM cadre_record WHERE import_id = ? AND cadre_id = ?")
                .params(importId, subjectId).query(Integer.class).single()
                + jdbc.sql("SELECT COUNT(*) FROM department_record WHERE import_id = ? AND dept_id = ?")
                .params(importId, subjectId).query(Integer.class).single() > 0;
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

    /** The events of one import version, in source-line order, each checked against its seal. */
    public List<Event> events(long id) {
        SealedVersion.Header header = SealedVersion.header(jdbc, id).orElseThrow();
        ImportSealCheck check = new ImportSealCheck(header, seals, SealedVersion.firstSealed(jdbc));
        List<Event> events = new ArrayList<>();
        StoredRecords.readEvents(streamed, id, check, events::add);
        refuseIfFailed(check.finishPartial());
        return events;
    }
}
