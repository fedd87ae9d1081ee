package org.kaohe.results;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.kaohe.errors.InvalidInputException;
import org.kaohe.errors.Message;
import org.kaohe.records.SubjectType;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.GradeScale;
import org.kaohe.scoring.Reason;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The results of a run as lists people page through: filtered, sorted and cut into pages by the
 * database (indexes in V20), so showing one page of a 100,000-subject run reads that page and a
 * count, never the whole run. Exports read the same filter and order as a stream of rows.
 */
@Service
public class ResultsList {

    /** A department of the run, for filters and for naming a cadre's department. */
    public record Department(String id, String name) {}

    private static final String COLUMNS = """
            SELECT r.subject_type, r.subject_id, r.name, r.dept_id, d.name AS dept_name, r.score, r.band_grade,
                   r.final_grade, r.rank_no, r.vetoed
            FROM %s r
            LEFT JOIN subject_result d
                   ON d.run_id = r.run_id AND d.subject_type = 'DEPARTMENT' AND d.subject_id = r.dept_id
            """;
    private static final String ROW_COLUMNS = "r.run_id, r.subject_type, r.subject_id, r.name, r.dept_id, r.score,"
            + " r.band_grade, r.final_grade, r.rank_no, r.vetoed";

    private final JdbcClient jdbc;
    private final RunQueries runs;
    private final ResultCounts counts;
    private final MixedTypesPage mixedTypes;
    private final KeptGradeOrders gradeOrders;

    ResultsList(JdbcClient jdbc, RunQueries runs, ResultCounts counts, MixedTypesPage mixedTypes,
                KeptGradeOrders gradeOrders) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.counts = counts;
        this.mixedTypes = mixedTypes;
        this.gradeOrders = gradeOrders;
    }

    /**
     * Page {@code page} (from 1) of {@code size} rows; a page past the last is empty. The rows carry
     * their grade reasons, read for this page's subjects only.
     *
     * <p>The count costs no scan ({@link ResultCounts}). The page's keys are read from the end of
     * the order nearer to it (the last page as the first page of the reversed order), then its rows
     * by their keys: the database steps over at most half the selected rows' keys, never the whole
     * run, and reads whole rows for the page only. One grade's rows in an order no index serves are
     * sorted once and the order kept ({@link KeptGradeOrders}).
     */
    public ResultsPage page(long runId, ResultsFilter filter, int page, int size) {
        if (page < 1 || size < 1) {
            throw new InvalidInputException(Message.of("input.page.atLeastOne", String.valueOf(page),
                    String.valueOf(size)));
        }
        long total = counts.count(runId, filter);
        long offset = (long) (page - 1) * size;
        if (offset >= total) {
            return new ResultsPage(List.of(), page, size, total);
        }
        long shown = Math.min(size, total - offset);
        boolean fromTheEnd = offset + shown / 2 > total / 2;
        Map<SubjectType, GradeScale> scales = runs.scales(runId);
        ResultsSql.Where where = ResultsSql.where(runId, filter);
        List<Object> params = new ArrayList<>(where.params());
        params.add(shown);
        params.add(fromTheEnd ? total - offset - shown : offset);
        List<String[]> keys = filter.sort() == ResultsFilter.Sort.GRADE ? gradeKeys(runId, filter, scales, offset, shown)
                : gradeOrders.keys(runId, filter, scales, offset, shown, total);
        if (keys == null) {
            keys = mixedTypes.keys(runId, filter, scales, offset, shown, total);
        }
        if (keys == null) {
            keys = new ArrayList<>(jdbc.sql("SELECT r.subject_type, r.subject_id FROM subject_result r"
                            + where.sql() + ResultsSql.orderBy(filter, scales, fromTheEnd) + " LIMIT ? OFFSET ?")
                    .params(params).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list());
            if (fromTheEnd) {
                Collections.reverse(keys);
            }
        }
        List<ListedResult> rows = keys.stream().flatMap(key -> jdbc.sql("SELECT " + ROW_COLUMNS
                        + " FROM subject_result r WHERE r.run_id = ? AND r.subject_type = ? AND r.subject_id = ?")
                .params(runId, key[0], key[1]).query((rs, n) -> row(rs, null, scales)).optional().stream()).toList();
        rows = withDepartmentNames(runId, rows);
        return new ResultsPage(withReasons(runId, rows), page, size, total);
    }

    /** How many rows the filter selects (no scan: {@link ResultCounts}). */
    public long count(long runId, ResultsFilter filter) {
        return counts.count(runId, filter);
    }

    /**
     * A page's keys in grade order (no index can serve the order of a grade scale): whole grades
     * stepped over by their kept counts, then each grade's rows by id from an index (V73). Null when
     * two codes share a place in the order (their rows interleave by id): the page is then read as
     * any other.
     */
    private List<String[]> gradeKeys(long runId, ResultsFilter filter, Map<SubjectType, GradeScale> scales, long offset,
                                     long shown) {
        Map<String, Integer> places = ResultsSql.gradePlaces(scales);
        Map<String, Long> rows = counts.byGrade(runId, filter);
        java.util.TreeMap<Integer, List<String>> byPlace = new java.util.TreeMap<>();
        rows.keySet().forEach(code -> byPlace.computeIfAbsent(places.getOrDefault(code, places.size() + 1000),
                place -> new ArrayList<>()).add(code));
        if (byPlace.values().stream().anyMatch(codes -> codes.size() > 1)) {
            return null;
        }
        List<String[]> keys = new ArrayList<>();
        long skip = offset;
        for (List<String> codes : filter.descending() ? byPlace.descendingMap().values() : byPlace.values()) {
            long inGrade = rows.get(codes.get(0));
            if (skip >= inGrade) {
                skip -= inGrade;
                continue;
            }
            keys.addAll(inGrade(runId, filter, scales, codes.get(0), inGrade, skip, Math.min(inGrade - skip, shown - keys.size())));
            skip = 0;
            if (keys.size() >= shown) {
                break;
            }
        }
        return keys;
    }

    /**
     * {@code take} keys of one grade's rows by id from {@code skip}: of every type, as the two types'
     * walks merged ({@link MixedTypesPage}); of one type, from its index, read from the nearer end of
     * the grade (its last page steps over none of the grade's rows).
     */
    private List<String[]> inGrade(long runId, ResultsFilter filter, Map<SubjectType, GradeScale> scales, String grade,
                                   long inGrade, long skip, long take) {
        List<String[]> merged = mixedTypes.keys(runId, new ResultsFilter(filter.type(), filter.dept(), grade,
                ResultsFilter.Sort.ID, false), scales, skip, take, inGrade);
        if (merged != null) {
            return merged;
        }
        boolean fromTheEnd = skip + take / 2 > inGrade / 2;
        String direction = fromTheEnd ? " DESC" : " ASC";
        ResultsSql.Where where = ResultsSql.where(runId, filter);
        List<Object> params = new ArrayList<>(where.params());
        params.addAll(List.of(grade, take, fromTheEnd ? inGrade - skip - take : skip));
        List<String[]> keys = new ArrayList<>(jdbc.sql("SELECT r.subject_type, r.subject_id FROM subject_result r"
                        + where.sql() + " AND r.final_grade = ? ORDER BY r.run_id" + direction
                        + (filter.type() == null ? "" : ", r.subject_type" + direction)
                        + ", r.final_grade" + direction + ", r.subject_id" + direction + " LIMIT ? OFFSET ?")
                .params(params).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list());
        if (fromTheEnd) {
            Collections.reverse(keys);
        }
        return keys;
    }

    /**
     * Every row the filter selects, in its order, handed over one at a time (an export of a whole
     * city does not hold it in memory). Grade reasons are read once: for a department's rows (its
     * summary on paper, its export) that department's lines only; else the whole run's, streamed.
     */
    public void forEach(long runId, ResultsFilter filter, Consumer<ListedResult> each) {
        Map<String, List<Reason>> reasons = new HashMap<>();
        if (filter.dept() != null) {
            ResultsSql.Where where = ResultsSql.where(runId, filter);
            jdbc.sql("SELECT r.subject_type, r.subject_id, CAST(l.lines AS VARCHAR) AS lines FROM subject_result r"
                            + " JOIN subject_detail l ON l.run_id = r.run_id AND l.subject_type = r.subject_type"
                            + " AND l.subject_id = r.subject_id" + where.sql())
                    .params(where.params())
                    .query(rs -> {
                        keepGradeReasons(reasons, key(rs.getString("subject_type"), rs.getString("subject_id")),
                                StoredRunRows.readLines(rs.getString("lines")));
                    });
        } else {
            runs.forEachSubjectsLines(runId, (key, lines) -> keepGradeReasons(reasons, key, lines));
        }
        Map<SubjectType, GradeScale> scales = runs.scales(runId);
        ResultsSql.Where where = ResultsSql.where(runId, filter);
        jdbc.sql(COLUMNS.formatted("subject_result") + where.sql() + ResultsSql.orderBy(filter, scales, false)).params(where.params())
                .query(rs -> {
            ListedResult row = row(rs, rs.getString("dept_name"), scales);
            each.accept(row.withReasons(reasons.getOrDefault(key(row.subjectType().name(), row.subjectId()), List.of())));
        });
    }

    /** The run's rows of one type by department and final grade code (no scan: {@link ResultCounts}). */
    public Map<String, Map<String, Long>> gradesByDepartment(long runId, SubjectType type) {
        return counts.byDepartmentAndGrade(runId, type);
    }

    /** The run's departments by id. */
    public List<Department> departments(long runId) {
        return jdbc.sql("SELECT subject_id, name FROM subject_result WHERE run_id = ? AND subject_type = ? ORDER BY subject_id")
                .params(runId, SubjectType.DEPARTMENT.name())
                .query((rs, n) -> new Department(rs.getString("subject_id"), rs.getString("name")))
                .list();
    }

    private static void keepGradeReasons(Map<String, List<Reason>> reasons, String key, List<ExplanationLine> lines) {
        List<Reason> grading = gradeReasons(lines);
        if (!grading.isEmpty()) {
            reasons.put(key, grading);
        }
    }

    /** The reasons of a subject's grade lines (gates, vetoes, quota), in their order. */
    private static List<Reason> gradeReasons(List<ExplanationLine> lines) {
        return lines.stream().filter(l -> ExplanationLine.GRADE_PART.equals(l.part())).map(ExplanationLine::reason)
                .toList();
    }

    /** The grade lines of the page's subjects, each looked up by its whole key. */
    private List<ListedResult> withReasons(long runId, List<ListedResult> rows) {
        return rows.stream().map(r -> r.withReasons(jdbc.sql("""
                        SELECT lines FROM subject_detail WHERE run_id = ? AND subject_type = ? AND subject_id = ?""")
                .params(runId, r.subjectType().name(), r.subjectId())
                .query(String.class).optional().map(json -> gradeReasons(StoredRunRows.readLines(json)))
                .orElse(List.of()))).toList();
    }

    /** The page's departments' names, each looked up by its whole key. */
    private List<ListedResult> withDepartmentNames(long runId, List<ListedResult> rows) {
        Map<String, String> names = new HashMap<>();
        for (ListedResult r : rows) {
            names.computeIfAbsent(r.deptId(), id -> jdbc.sql(
                            "SELECT name FROM subject_result WHERE run_id = ? AND subject_type = ? AND subject_id = ?")
                    .params(runId, SubjectType.DEPARTMENT.name(), id).query(String.class).optional().orElse(id));
        }
        return rows.stream().map(r -> r.withDeptName(names.get(r.deptId()))).toList();
    }

    private static String key(String type, String id) {
        return StoredRunRows.key(type, id); // as RunQueries keys the lines it streams
    }

    /** A row; {@code deptName} null when it is filled in afterwards (then the id stands in). */
    private static ListedResult row(ResultSet rs, String deptName, Map<SubjectType, GradeScale> scales)
            throws SQLException {
        SubjectType type = SubjectType.valueOf(rs.getString("subject_type"));
        GradeScale scale = scales.getOrDefault(type, GradeScale.QUARTERLY);
        return new ListedResult(type, rs.getString("subject_id"),
                rs.getString("name"), rs.getString("dept_id"), deptName == null ? rs.getString("dept_id") : deptName,
                rs.getBigDecimal("score"), scale.byCode(rs.getString("band_grade")),
                scale.byCode(rs.getString("final_grade")), rs.getInt("rank_no"), rs.getBoolean("vetoed"), List.of(),
                null);
    }
}
