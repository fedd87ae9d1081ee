package org.kaohe.results;

import static org.kaohe.results.StoredRunRows.key;
import static org.kaohe.results.StoredRunRows.readLines;
import static org.kaohe.results.StoredRunRows.stored;
import static org.kaohe.results.StoredRunRows.storedScales;
import static org.kaohe.results.StoredRunRows.withLines;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.kaohe.audit.StreamedReads;
import org.kaohe.audit.TableRows;
import org.kaohe.records.Period;
import org.kaohe.records.SubjectType;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.GradeScale;
import org.kaohe.scoring.PartLabel;
import org.kaohe.scoring.SubjectResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads stored runs: the current (newest) run of a period, its results in display order, and one
 * subject's explanation. Departments come first by city-wide rank, then cadres by department and
 * rank.
 */
@Service
public class RunQueries {

    private static final String RUN_COLUMNS = """
            SELECT r.id, r.period, r.import_id, i.version AS import_version, r.rulebook_version, r.run_by,
                   r.started_at, r.duration_ms, r.subject_count, r.seal, r.seal_scheme, r.key_id
            FROM evaluation_run r JOIN import_version i ON i.id = r.import_id
            WHERE r.stored_at IS NOT NULL""";  // a run still being stored (or abandoned) is nobody's to see

    private final JdbcClient jdbc;
    private final StreamedReads streamed;
    /** Departments first, then by department, rank and id (each id compared as the database compares it: {@link IdOrder}). */
    private final Comparator<StoredSubject> displayOrder;

    public RunQueries(JdbcClient jdbc, StreamedReads streamed, IdOrder ids) {
        this.jdbc = jdbc;
        this.streamed = streamed;
        this.displayOrder = Comparator
                .comparing((StoredSubject s) -> s.result().subjectType() != SubjectType.DEPARTMENT)
                .thenComparing(s -> s.result().deptId(), ids.ids())
                .thenComparingInt(s -> s.result().rank())
                .thenComparing(s -> s.result().subjectId(), ids.ids());
    }

    public Optional<RunInfo> currentRun(Period period) {
        return jdbc.sql(RUN_COLUMNS + " AND r.period = ? ORDER BY r.id DESC LIMIT 1")
                .param(period.toString())
                .query(StoredRunRows::runInfo)
                .optional();
    }

    public Optional<RunInfo> run(long runId) {
        return jdbc.sql(RUN_COLUMNS + " AND r.id = ?").param(runId).query(StoredRunRows::runInfo).optional();
    }

    /** The first run sealed under a key: every later run must be too (an older seal on one is a downgrade). */
    public Optional<Long> firstKeyedRunId() {
        return jdbc.sql("SELECT MIN(id) FROM evaluation_run WHERE seal_scheme <> 'SHA256'").query(Long.class).optional();
    }

    /** Every run, newest first. */
    public List<RunInfo> runs() {
        return jdbc.sql(RUN_COLUMNS + " ORDER BY r.id DESC").query(StoredRunRows::runInfo).list();
    }

    /** The grade scales the run was graded on (runs before configurable grades: the quarterly scale). */
    public Map<SubjectType, GradeScale> scales(long runId) {
        Map<SubjectType, GradeScale> scales = storedScales(jdbc, "run_grade", runId);
        for (SubjectType type : SubjectType.values()) {
            scales.putIfAbsent(type, GradeScale.QUARTERLY);
        }
        return scales;
    }

    /** The seal of the run's grade and part names (none for runs stored before it was kept). */
    public Optional<String> labelsSeal(long runId) {
        return jdbc.sql("SELECT labels_seal FROM evaluation_run WHERE id = ?").param(runId).query(String.class).optional()
                .filter(java.util.Objects::nonNull);
    }

    /** The parts the run scored with their Chinese names, in the rulebook's order (empty for runs made before). */
    public List<PartLabel> partLabels(long runId) {
        return jdbc.sql("SELECT subject_type, code, name FROM run_part WHERE run_id = ? ORDER BY position")
                .param(runId)
                .query((rs, n) -> new PartLabel(SubjectType.valueOf(rs.getString("subject_type")), rs.getString("code"),
                        rs.getString("name")))
                .list();
    }

    /**
     * Every subject's result of the run, without explanation lines, in display order. Unchecked:
     * pages and commands that show them go through {@link RunChecks}.
     */
    public List<SubjectResult> results(long runId) {
        return storedResults(runId).stream().map(StoredSubject::result).toList();
    }

    /** How many subject rows the run holds now (its seal says how many it was stored with). */
    public int storedCount(long runId) {
        return jdbc.sql("SELECT COUNT(*) FROM subject_result WHERE run_id = ?").param(runId).query(Integer.class).single();
    }

    /** True when the run holds a row for the subject (of either type). */
    public boolean holds(long runId, String subjectId) {
        return jdbc.sql("SELECT COUNT(*) FROM subject_result WHERE run_id = ? AND subject_id = ?")
                .params(runId, subjectId).query(Integer.class).single() > 0;
    }

    /** True when a row of the run's seal chain points at the subject (as a cadre or a department) as the one before it. */
    public boolean namedByChain(long runId, String subjectId) {
        return StoredRunRows.namedByChain(jdbc, "subject_result", runId, subjectId);
    }

    /**
     * As {@link #results}, each with its seal columns. Read as stored ({@link #forEachStoredRow}) and
     * put in display order here: H2 built the database's sorted result of a whole run into a
     * temporary file before its first row, most of a 100k export's time (docs/performance.md).
     */
    public List<StoredSubject> storedResults(long runId) {
        List<StoredSubject> stored = new ArrayList<>();
        forEachStoredRow(runId, stored::add);
        stored.sort(displayOrder);
        return stored;
    }

    /**
     * Every subject's row of the run with its seal columns, without lines, handed to {@code each} as
     * it is read, in the table's order (no sort of the run in the database), never all held at once:
     * the results pages' background check of the whole run, which puts them in the chain's order
     * itself, and {@link #storedResults}.
     */
    public void forEachStoredRow(long runId, java.util.function.Consumer<StoredSubject> each) {
        Map<SubjectType, GradeScale> scales = scales(runId);
        Comparator<String> partOrder = RunPartOrder.of(partLabels(runId));
        streamed.rowsWhere("subject_result", "run_id", runId, rs -> each.accept(stored(rs, partOrder, scales)));
    }

    /**
     * A subject's row with its parts' stored JSON (null for a row migrated by V77 whose details row
     * was gone) and its lines' (null when its details row is gone), as a whole-run check reads them:
     * made into the stored subject ({@link #subject()}) on the checking threads, not on the reading one.
     */
    public record RowWithLines(StoredRunRows.ResultRow row, String partsJson, String linesJson,
                               Map<SubjectType, GradeScale> scales) {
        /** The stored subject, its parts in their stored order (no seal depends on it: {@link SealText#result}). */
        public StoredSubject subject() {
            return row.stored(partsJson == null ? Map.of() : StoredRunRows.readParts(partsJson), scales, List.of());
        }
    }

    /** A run's subject rows, each with its details row's lines. */
    private static final TableRows WITH_LINES = TableRows.of("subject_result", "run_id").selecting(
            "t.*, CAST(d.lines AS VARCHAR) AS detail_lines", "LEFT JOIN subject_detail d"
                    + " ON d.run_id = t.run_id AND d.subject_type = t.subject_type AND d.subject_id = t.subject_id");

    /**
     * For a whole-run check, one read of the run: every subject's row with its details row joined
     * to it, handed to {@code each} as it is read, in the table's order (the check puts them in the
     * chain's order itself: a sort of the run in the database costs seconds at 100,000 cadres),
     * never all held at once.
     */
    public void forEachRowWithLines(long runId, java.util.function.Consumer<RowWithLines> each) {
        Map<SubjectType, GradeScale> scales = scales(runId);
        streamed.rowsWhere(WITH_LINES, runId, rs -> each.accept(new RowWithLines(StoredRunRows.ResultRow.of(rs),
                rs.getString("parts"), rs.getString("detail_lines"), scales)));
    }

    /**
     * Every explanation line of the run, one subject at a time (in no particular subject order):
     * the whole run's lines are never held in memory at once.
     */
    public void forEachSubjectsLines(long runId, java.util.function.BiConsumer<String, List<ExplanationLine>> action) {
        streamed.rowsWhere(TableRows.of("subject_detail", "run_id").selecting("t.subject_type, t.subject_id, CAST(t.lines AS VARCHAR) AS lines", ""),
                runId, rs -> action.accept(key(rs.getString("subject_type"), rs.getString("subject_id")),
                        readLines(rs.getString("lines"))));
    }

    /**
     * One subject's result with its explanation lines. Ids are unique across cadres and departments
     * (the import checks it), so at most one type matches. Each type is looked up by the whole
     * primary key: a query by run and id alone scans every result of the run (seconds for a city of
     * 100,000 cadres).
     */
    public Optional<SubjectResult> subject(long runId, String subjectId) {
        return storedSubject(runId, subjectId).map(StoredSubject::result);
    }

    /** As {@link #subject}, with its seal columns. */
    public Optional<StoredSubject> storedSubject(long runId, String subjectId) {
        return storedSubject(runId, subjectId, true);
    }

    private Optional<StoredSubject> storedSubject(long runId, String subjectId, boolean withLines) {
        for (SubjectType type : SubjectType.values()) {
            Optional<StoredSubject> found = storedSubject(runId, type, subjectId, withLines);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * The stored rows of a page's subjects, in the page's order (empty where the run holds none),
     * without their explanation lines (a row's seal covers their stored digest, not their text), each
     * of the type the page listed it as: what a results page checks of each row it shows. The run's
     * part order and grade scales are read once for the page, not once a row (a page of 50 on
     * PostgreSQL made some 530 statements).
     */
    public List<Optional<StoredSubject>> storedRows(long runId, List<ListedResult> rows) {
        return storedRows(runId, rows, ListedResult::subjectType, ListedResult::subjectId);
    }

    /** As {@link #storedRows(long, List)} for rows of any kind, by their subject's type and id. */
    public <T> List<Optional<StoredSubject>> storedRows(long runId, List<T> rows, Function<T, SubjectType> type,
                                                        Function<T, String> id) {
        Comparator<String> partOrder = RunPartOrder.of(partLabels(runId));
        Map<SubjectType, GradeScale> scales = scales(runId);
        return rows.stream().map(row -> bareRow(runId, type.apply(row), id.apply(row), partOrder, scales)).toList();
    }

    private Optional<StoredSubject> storedSubject(long runId, SubjectType type, String subjectId, boolean withLines) {
        Optional<StoredSubject> bare = bareRow(runId, type, subjectId, RunPartOrder.of(partLabels(runId)), scales(runId));
        return withLines ? bare.map(s -> new StoredSubject(withLines(s.result(), lines(runId, type, subjectId)), s.seal(),
                s.linesDigest(), s.previousSubject())) : bare;
    }

    private Optional<StoredSubject> bareRow(long runId, SubjectType type, String subjectId, Comparator<String> partOrder,
                                            Map<SubjectType, GradeScale> scales) {
        return jdbc.sql("""
                        SELECT * FROM subject_result WHERE run_id = ? AND subject_type = ? AND subject_id = ?""")
                .params(runId, type.name(), subjectId)
                .query((rs, n) -> stored(rs, partOrder, scales))
                .optional();
    }

    /** Every subject of the run with its lines: for checking a run of the legacy seal, which covers all at once. */
    List<SubjectResult> resultsWithLines(long runId) {
        return results(runId).stream()
                .map(s -> withLines(s, lines(runId, s.subjectType(), s.subjectId())))
                .toList();
    }

    private List<ExplanationLine> lines(long runId, SubjectType type, String subjectId) {
        return jdbc.sql("SELECT lines FROM subject_detail WHERE run_id = ? AND subject_type = ? AND subject_id = ?")
                .params(runId, type.name(), subjectId)
                .query(String.class)
                .optional()
                .map(StoredRunRows::readLines)
                .orElse(List.of());
    }
}
