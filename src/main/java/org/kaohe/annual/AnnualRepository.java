package org.kaohe.annual;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.kaohe.audit.BulkWriter;
import org.kaohe.audit.PlannerStatistics;
import org.kaohe.audit.RowsByKey;
import org.kaohe.audit.StreamedReads;
import org.kaohe.audit.TableRows;
import org.kaohe.imports.AnnualAppraisalFile;
import org.kaohe.imports.KeyedTable;
import org.kaohe.records.AnnualAppraisal;
import org.kaohe.records.Period;
import org.kaohe.records.SourceRef;
import org.kaohe.records.SubjectType;
import org.kaohe.results.RunChainWriter;
import org.kaohe.results.RunSealer;
import org.kaohe.results.SealedSubjectRow;
import org.kaohe.results.StoredRunRows;
import org.kaohe.results.StoredSubject;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.GradeScale;
import org.kaohe.scoring.SubjectResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Stores and reads the annual tables (V22): year-end appraisal imports, and annual runs, whose rows
 * (one per subject, lines and parts in the row) are sealed by the quarterly runs' own chain writer
 * ({@link RunChainWriter}, under the annual header of {@link RunSealer}) and checked by its checker
 * ({@link AnnualResults}). Rows are only ever inserted. Callers hold the transaction.
 */
@Repository
class AnnualRepository {

    /** The year-end appraisal's records as {@link org.kaohe.imports.VersionDiffs} compares two versions. */
    static final KeyedTable APPRAISALS = new KeyedTable(AnnualAppraisalFile.FILE_NAME, "annual_appraisal_record",
            "cadre_id", List.of("votes_excellent", "votes_competent", "votes_basic", "votes_incompetent"));

    /** A year's newest appraisal import. */
    record CurrentImport(long id, int version, String contentHash) {}

    private static final String RUN_COLUMNS = """
            SELECT r.*, i.version AS appraisal_version FROM annual_run r JOIN annual_import i ON i.id = r.appraisal_import_id""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final RunSealer sealer;
    private final RunChainWriter chainWriter;
    private final AnnualImportSeals importSeals;
    private final BulkWriter bulk;
    private final StreamedReads streamed;
    private final PlannerStatistics statistics;
    private final RowsByKey rowsByKey;

    AnnualRepository(JdbcClient jdbc, JdbcTemplate template, RunSealer sealer, RunChainWriter chainWriter,
                     AnnualImportSeals importSeals, BulkWriter bulk, StreamedReads streamed, PlannerStatistics statistics, RowsByKey rowsByKey) {
        this.streamed = streamed;
        this.rowsByKey = rowsByKey;
        this.statistics = statistics;
        this.importSeals = importSeals;
        this.bulk = bulk;
        this.jdbc = jdbc;
        this.template = template;
        this.sealer = sealer;
        this.chainWriter = chainWriter;
    }

    // --- imports -----------------------------------------------------------------------------

    Optional<CurrentImport> currentImport(int year) {
        return jdbc.sql("SELECT id, version, content_hash FROM annual_import WHERE year_no = ? ORDER BY version DESC LIMIT 1")
                .param(year)
                .query((rs, n) -> new CurrentImport(rs.getLong("id"), rs.getInt("version"), rs.getString("content_hash")))
                .optional();
    }

    /** The cadre ids in the current import of any quarter of the year. */
    Set<String> cadresOfYear(int year) {
        List<String> periods = new ArrayList<>();
        for (int q = 1; q <= 4; q++) {
            periods.add(new Period(year, q).toString());
        }
        return new HashSet<>(jdbc.sql("""
                        SELECT DISTINCT c.cadre_id FROM cadre_record c JOIN import_version v ON v.id = c.import_id
                        WHERE v.period IN (:periods)
                          AND v.version = (SELECT MAX(w.version) FROM import_version w WHERE w.period = v.period)""")
                .param("periods", periods)
                .query(String.class).list());
    }

    /** Stores the file as the year's next version; returns (id, version). */
    CurrentImport storeImport(int year, Optional<CurrentImport> current, String user, AnnualAppraisalFile.Result file) {
        int version = current.map(c -> c.version() + 1).orElse(1);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO annual_import (year_no, version, imported_by, imported_at, content_hash, encoding, row_count, content)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(year, version, user, OffsetDateTime.now().truncatedTo(ChronoUnit.MILLIS), file.file().sha256(),
                        file.file().encoding(),
                        file.file().rows(), file.text())
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        List<AnnualTables.AppraisalRow> rows = file.rows().stream()
                .map(a -> new AnnualTables.AppraisalRow(id, a, importSeals.record(id, a))).toList();
        bulk.write(AnnualTables.APPRAISALS, rows);
        importSeals.sealImport(id, rows.size());
        return new CurrentImport(id, version, file.file().sha256());
    }

    /** Records with the version that HR confirmed it removes a large share of the rows. */
    void confirmRemovals(long importId) {
        jdbc.sql("UPDATE annual_import SET removals_confirmed = TRUE WHERE id = ?").param(importId).update();
    }

    /** The import's records, each checked against its seal ({@link AnnualImportSeals}): a forged one is refused, named. */
    List<AnnualAppraisal> appraisals(long importId) {
        List<AnnualAppraisal> records = new ArrayList<>();
        List<String> seals = new ArrayList<>();
        jdbc.sql("SELECT * FROM annual_appraisal_record WHERE import_id = ? ORDER BY source_line")
                .param(importId)
                .query(rs -> {
                    records.add(appraisal(rs));
                    seals.add(rs.getString("seal"));
                });
        importSeals.check(importId, records, seals);
        return records;
    }

    /**
     * The year-end appraisal's records checked against their seals as they are read, none kept (an
     * annual run's whole check: at a million cadres the list {@link #appraisals} makes is hundreds
     * of megabytes). Throws {@link SealBrokenException} as {@link #appraisals} does, naming the same
     * problems in the same order.
     */
    void checkAppraisals(long importId) {
        importSeals.checkAsRead(importId, each -> streamed.rowsWhere("annual_appraisal_record", "import_id", importId,
                rs -> each.accept(appraisal(rs), rs.getString("seal"))));
    }

    private static AnnualAppraisal appraisal(ResultSet rs) throws SQLException {
        return new AnnualAppraisal(rs.getString("cadre_id"), rs.getInt("votes_excellent"), rs.getInt("votes_competent"),
                rs.getInt("votes_basic"), rs.getInt("votes_incompetent"),
                new SourceRef(AnnualAppraisalFile.FILE_NAME, rs.getInt("source_line")));
    }

    /** True when a row of the annual run's seal chain points at the subject (as a cadre or a department). */
    boolean namedByChain(long runId, String subjectId) {
        return StoredRunRows.namedByChain(jdbc, "annual_result", runId, subjectId);
    }

    // --- runs --------------------------------------------------------------------------------

    /**
     * Stores and seals the outcome as one annual run; returns its id. {@code staleQuartersAllowed}
     * names the out-of-date quarters HR allowed it to read ("2026-Q4:20"), null when none.
     */
    long insertRun(AnnualOutcome outcome, String runBy, OffsetDateTime startedAt, String staleQuartersAllowed) {
        OffsetDateTime started = startedAt.truncatedTo(ChronoUnit.MILLIS);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO annual_run (year_no, appraisal_import_id, quarter_runs, rulebook_version, run_by, started_at,
                                        subject_count, seal, key_id, stale_quarters_allowed)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(outcome.year(), outcome.appraisalImportId(), outcome.quarterRuns(), outcome.rulebookVersion(),
                        runBy, started, outcome.subjects().size(), "", sealer.keyId(), staleQuartersAllowed)
                .update(keys, "id");
        long runId = keys.getKeyAs(Number.class).longValue();
        RunSealer.AnnualHeader header = new RunSealer.AnnualHeader(runId, outcome.year(), outcome.appraisalImportId(),
                outcome.quarterRuns(), outcome.rulebookVersion(), runBy, started.toInstant(), outcome.subjects().size(),
                staleQuartersAllowed);
        List<Object[]> grades = new ArrayList<>();
        outcome.scales().forEach((type, scale) -> scale.grades().forEach(g ->
                grades.add(new Object[] {runId, type.name(), g.order(), g.name(), g.label()})));
        template.batchUpdate("INSERT INTO annual_run_grade (run_id, subject_type, position, code, label) VALUES (?, ?, ?, ?, ?)",
                grades);
        List<SealedSubjectRow> rows = new ArrayList<>();
        String runSeal = chainWriter.write(header, outcome.subjects(), row -> rows.add(new SealedSubjectRow(runId, row)));
        bulk.write(AnnualTables.RESULTS, rows);
        jdbc.sql("UPDATE annual_run SET seal = ?, labels_seal = ? WHERE id = ?")
                .params(runSeal, sealer.annualLabelsSeal(runId, outcome.scales()), runId).update();
        return runId;
    }

    /**
     * Once a run is stored and committed: PostgreSQL's planner told of its rows, which are read at
     * once (the year's pages, downloads, paper), as a quarter's run is ({@link PlannerStatistics#analyze}).
     * Never analyzed, {@code annual_result} is planned as a table of a few rows, each page's rows
     * found by reading the run's: the bench's year on PostgreSQL showed its first page in p50 293 ms
     * right after the evaluation, 58 ms once autovacuum had analyzed the table.
     */
    void analyzeResults() {
        statistics.analyze("annual_result");
    }

    /** The year's newest annual run. */
    Optional<AnnualRunInfo> currentRun(int year) {
        return jdbc.sql(RUN_COLUMNS + " WHERE r.year_no = ? ORDER BY r.id DESC LIMIT 1").param(year)
                .query(AnnualRepository::runInfo).optional();
    }

    /** The years that have an annual run, newest first. */
    List<Integer> years() {
        return jdbc.sql("SELECT DISTINCT year_no FROM annual_run ORDER BY year_no DESC").query(Integer.class).list();
    }

    /** The years that have an appraisal import, newest first. */
    List<Integer> importedYears() {
        return jdbc.sql("SELECT DISTINCT year_no FROM annual_import ORDER BY year_no DESC").query(Integer.class).list();
    }

    Optional<AnnualRunInfo> run(long id) {
        return jdbc.sql(RUN_COLUMNS + " WHERE r.id = ?").param(id).query(AnnualRepository::runInfo).optional();
    }

    Map<SubjectType, GradeScale> scales(long runId) {
        return StoredRunRows.storedScales(jdbc, "annual_run_grade", runId);
    }

    /**
     * The order a year's subjects are listed in: departments by rank, then cadres by department, rank
     * (不定等次 last) and id. Sorted here rather than by the database: the same order on H2 and
     * PostgreSQL whatever its collation, and a sort of a province's year that costs the database
     * server no more than the read.
     */
    static final Comparator<SubjectResult> LISTED_ORDER = Comparator
            .comparingInt((SubjectResult s) -> s.subjectType() == SubjectType.DEPARTMENT ? 0 : 1)
            .thenComparing(s -> s.subjectType() == SubjectType.DEPARTMENT ? "" : s.deptId())
            .thenComparingInt(s -> s.rank() == 0 ? 1 : 0)
            .thenComparingInt(SubjectResult::rank)
            .thenComparing(SubjectResult::subjectId);

    /** Every subject of the run with its lines, in the listed order. */
    List<StoredSubject> results(long runId) {
        Map<SubjectType, GradeScale> scales = scales(runId);
        List<StoredSubject> stored = new ArrayList<>(jdbc.sql("SELECT * FROM annual_result WHERE run_id = ?")
                .param(runId)
                .query((rs, n) -> stored(rs, scales))
                .list());
        stored.sort(Comparator.comparing(StoredSubject::result, LISTED_ORDER));
        return stored;
    }

    /**
     * An annual run's rows as a whole check streams them: {@link #stored}'s columns, the lines cast
     * to text (H2 copies a {@code TEXT} column of each materialised chunk into its own storage).
     */
    private static final TableRows RESULT_ROWS = TableRows.of("annual_result", "run_id").selecting("""
            t.subject_type, t.subject_id, t.name, t.dept_id, t.score, t.band_grade, t.gated_grade, t.final_grade,
            t.rank_no, t.vetoed, t.parts, CAST(t.lines AS VARCHAR) AS lines, t.seal, t.lines_digest, t.prev_subject""", "");

    /**
     * Every subject of the run with its lines, handed to {@code each} as it is read, in the table's
     * order, never all held at once ({@link StreamedReads}): the year's pages' background check.
     */
    void forEachResult(long runId, Consumer<StoredSubject> each) {
        Map<SubjectType, GradeScale> scales = scales(runId);
        streamed.rowsWhere(RESULT_ROWS, runId, rs -> each.accept(stored(rs, scales)));
    }

    /**
     * Every subject of the run as listed, without its lines or parts (unchecked: what a page pages
     * through, counts and places quotas by; the rows it shows are read again whole and checked).
     */
    List<SubjectResult> listed(long runId) {
        Map<SubjectType, GradeScale> scales = scales(runId);
        Map<String, String> departments = new HashMap<>(); // one string per department, not one per cadre
        List<SubjectResult> listed = new ArrayList<>(jdbc.sql("""
                        SELECT subject_type, subject_id, name, dept_id, score, band_grade, gated_grade, final_grade, rank_no,
                               vetoed
                        FROM annual_result WHERE run_id = ?""")
                .param(runId)
                .query((rs, n) -> {
                    SubjectType type = SubjectType.valueOf(rs.getString("subject_type"));
                    GradeScale scale = scales.getOrDefault(type, GradeScale.QUARTERLY);
                    String dept = departments.computeIfAbsent(rs.getString("dept_id"), d -> d);
                    return new SubjectResult(type, rs.getString("subject_id"), rs.getString("name"), dept,
                            rs.getBigDecimal("score"), Map.of(), AnnualGrades.byCode(scale, rs.getString("band_grade")),
                            AnnualGrades.byCode(scale, rs.getString("gated_grade")),
                            AnnualGrades.byCode(scale, rs.getString("final_grade")), rs.getInt("rank_no"),
                            rs.getBoolean("vetoed"), List.of());
                })
                .list());
        listed.sort(LISTED_ORDER);
        return listed;
    }

    /**
     * These subjects of the run with their lines, in the order given; a subject the run no longer holds
     * is left out. Each is looked up by its key ({@link RowsByKey}); PostgreSQL does so once it has the
     * table's statistics ({@link #analyzeResults}).
     */
    List<StoredSubject> results(long runId, List<SubjectResult> subjects) {
        Map<SubjectType, GradeScale> scales = scales(runId);
        Map<String, StoredSubject> found = new HashMap<>();
        for (SubjectType type : SubjectType.values()) {
            String[] ids = subjects.stream().filter(s -> s.subjectType() == type).map(SubjectResult::subjectId)
                    .toArray(String[]::new);
            if (ids.length > 0) {
                rowsByKey.select("r.*", "annual_result", runId, type.name(), ids)
                        .query((rs, n) -> stored(rs, scales))
                        .list().forEach(s -> found.put(s.key(), s));
            }
        }
        return subjects.stream().map(s -> found.get(RunSealer.subjectKey(s))).filter(Objects::nonNull).toList();
    }

    /** One subject of the run with its lines, looked up by its whole key (ids are unique across the two types). */
    Optional<StoredSubject> result(long runId, String subjectId) {
        Map<SubjectType, GradeScale> scales = scales(runId);
        for (SubjectType type : SubjectType.values()) {
            Optional<StoredSubject> found = jdbc.sql("SELECT * FROM annual_result WHERE run_id = ? AND subject_type = ? AND subject_id = ?")
                    .params(runId, type.name(), subjectId)
                    .query((rs, n) -> stored(rs, scales))
                    .optional();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static StoredSubject stored(ResultSet rs, Map<SubjectType, GradeScale> scales) throws SQLException {
        SubjectType type = SubjectType.valueOf(rs.getString("subject_type"));
        GradeScale scale = scales.getOrDefault(type, GradeScale.QUARTERLY);
        // Unreadable text reads as a line saying so, or as no parts: the row's seal check then names it.
        List<ExplanationLine> lines = StoredRunRows.readLines(rs.getString("lines"));
        SubjectResult result = new SubjectResult(type, rs.getString("subject_id"), rs.getString("name"),
                rs.getString("dept_id"), rs.getBigDecimal("score"), StoredRunRows.readParts(rs.getString("parts")),
                AnnualGrades.byCode(scale, rs.getString("band_grade")), AnnualGrades.byCode(scale, rs.getString("gated_grade")),
                AnnualGrades.byCode(scale, rs.getString("final_grade")), rs.getInt("rank_no"), rs.getBoolean("vetoed"), lines);
        return new StoredSubject(result, rs.getString("seal"), rs.getString("lines_digest"), rs.getString("prev_subject"));
    }

    private static AnnualRunInfo runInfo(ResultSet rs, int n) throws SQLException {
        return new AnnualRunInfo(rs.getLong("id"), rs.getInt("year_no"), rs.getLong("appraisal_import_id"),
                rs.getInt("appraisal_version"), rs.getString("quarter_runs"), rs.getString("rulebook_version"),
                rs.getString("run_by"), rs.getObject("started_at", OffsetDateTime.class), rs.getInt("subject_count"),
                rs.getString("seal"), rs.getString("key_id"), rs.getString("labels_seal"),
                rs.getString("stale_quarters_allowed"));
    }
}
