package org.kaohe.results;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.kaohe.records.SubjectType;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.Grade;
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
            FROM subject_result r
            LEFT JOIN subject_result d
                   ON d.run_id = r.run_id AND d.subject_type = 'DEPARTMENT' AND d.subject_id = r.dept_id
            """;

    private final JdbcClient jdbc;

    public ResultsList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Page {@code page} (from 1) of {@code size} rows; a page past the last is empty. The rows carry
     * their grade reasons, read for this page's subjects only.
     */
    public ResultsPage page(long runId, ResultsFilter filter, int page, int size) {
        if (page < 1 || size < 1) {
            throw new IllegalArgumentException("页码和每页条数须大于 0 / page and size must be at least 1: page=" + page
                    + ", size=" + size);
        }
        long total = count(runId, filter);
        Where where = where(runId, filter);
        List<Object> params = new ArrayList<>(where.params());
        params.add(size);
        params.add((long) (page - 1) * size);
        List<ListedResult> rows = jdbc.sql(COLUMNS + where.sql() + orderBy(filter) + " LIMIT ? OFFSET ?")
                .params(params).query(ResultsList::row).list();
        return new ResultsPage(withReasons(runId, rows), page, size, total);
    }

    /** How many rows the filter selects. */
    public long count(long runId, ResultsFilter filter) {
        Where where = where(runId, filter);
        return jdbc.sql("SELECT COUNT(*) FROM subject_result r" + where.sql()).params(where.params()).query(Long.class).single();
    }

    /**
     * Every row the filter selects, in its order, handed over one at a time (an export of a whole
     * city does not hold it in memory). Grade reasons are read once for the run.
     */
    public void forEach(long runId, ResultsFilter filter, Consumer<ListedResult> each) {
        Map<String, List<String>> reasons = new HashMap<>();
        jdbc.sql("SELECT subject_type, subject_id, reason FROM explanation_line WHERE run_id = ? AND part = ?"
                        + " ORDER BY subject_type, subject_id, seq")
                .params(runId, ExplanationLine.GRADE_PART)
                .query(rs -> {
                    reasons.computeIfAbsent(key(rs.getString("subject_type"), rs.getString("subject_id")),
                            k -> new ArrayList<>()).add(rs.getString("reason"));
                });
        Where where = where(runId, filter);
        jdbc.sql(COLUMNS + where.sql() + orderBy(filter)).params(where.params()).query(rs -> {
            ListedResult row = row(rs, 0);
            each.accept(row.withReasons(reasons.getOrDefault(key(row.subjectType().name(), row.subjectId()), List.of())));
        });
    }

    /** The run's departments by id. */
    public List<Department> departments(long runId) {
        return jdbc.sql("SELECT subject_id, name FROM subject_result WHERE run_id = ? AND subject_type = ? ORDER BY subject_id")
                .params(runId, SubjectType.DEPARTMENT.name())
                .query((rs, n) -> new Department(rs.getString("subject_id"), rs.getString("name")))
                .list();
    }

    private record Where(String sql, List<Object> params) {}

    private static Where where(long runId, ResultsFilter filter) {
        StringBuilder sql = new StringBuilder(" WHERE r.run_id = ?");
        List<Object> params = new ArrayList<>();
        params.add(runId);
        if (filter.type() != null) {
            sql.append(" AND r.subject_type = ?");
            params.add(filter.type().name());
        }
        if (filter.dept() != null) {
            sql.append(" AND r.dept_id = ?");
            params.add(filter.dept());
        }
        if (filter.grade() != null) {
            sql.append(" AND r.final_grade = ?");
            params.add(filter.grade().name());
        }
        return new Where(sql.toString(), params);
    }

    /** The chosen column (both directions), then type and id: the same request always gives the same order. */
    private static String orderBy(ResultsFilter filter) {
        String direction = filter.descending() ? " DESC" : " ASC";
        List<String> keys = switch (filter.sort()) {
            case DEPT -> List.of("r.dept_id", departmentFirst(), "r.rank_no");
            case ID -> List.of("r.subject_id");
            case NAME -> List.of("r.name");
            case SCORE -> List.of("r.score");
            case GRADE -> List.of(gradeOrder());
            case RANK -> List.of("r.rank_no");
        };
        return " ORDER BY " + String.join(", ", keys.stream().map(k -> k + direction).toList())
                + ", r.subject_type, r.subject_id";
    }

    private static String departmentFirst() {
        return "CASE r.subject_type WHEN 'DEPARTMENT' THEN 0 ELSE 1 END";
    }

    /** Grades from best to worst, in the order the grade scale defines. */
    private static String gradeOrder() {
        StringBuilder sql = new StringBuilder("CASE r.final_grade");
        Grade[] grades = Grade.values();
        for (int i = 0; i < grades.length; i++) {
            sql.append(" WHEN '").append(grades[i].name()).append("' THEN ").append(i);
        }
        return sql.append(" ELSE ").append(grades.length).append(" END").toString();
    }

    /** The grade lines of the page's subjects, looked up by the whole key (one range read per type). */
    private List<ListedResult> withReasons(long runId, List<ListedResult> rows) {
        Map<String, List<String>> reasons = new HashMap<>();
        for (SubjectType type : SubjectType.values()) {
            List<String> ids = rows.stream().filter(r -> r.subjectType() == type).map(ListedResult::subjectId).toList();
            if (ids.isEmpty()) {
                continue;
            }
            List<Object> params = new ArrayList<>(List.of(runId, type.name()));
            params.addAll(ids);
            params.add(ExplanationLine.GRADE_PART);
            jdbc.sql("SELECT subject_id, reason FROM explanation_line WHERE run_id = ? AND subject_type = ? AND subject_id IN ("
                            + String.join(", ", ids.stream().map(id -> "?").toList()) + ") AND part = ? ORDER BY subject_id, seq")
                    .params(params)
                    .query(rs -> {
                        reasons.computeIfAbsent(key(type.name(), rs.getString("subject_id")), k -> new ArrayList<>())
                                .add(rs.getString("reason"));
                    });
        }
        return rows.stream()
                .map(r -> r.withReasons(reasons.getOrDefault(key(r.subjectType().name(), r.subjectId()), List.of())))
                .toList();
    }

    private static String key(String type, String id) {
        return type + "/" + id;
    }

    private static ListedResult row(ResultSet rs, int rowNum) throws SQLException {
        String deptName = rs.getString("dept_name");
        return new ListedResult(SubjectType.valueOf(rs.getString("subject_type")), rs.getString("subject_id"),
                rs.getString("name"), rs.getString("dept_id"), deptName == null ? rs.getString("dept_id") : deptName,
                rs.getBigDecimal("score"), Grade.valueOf(rs.getString("band_grade")),
                Grade.valueOf(rs.getString("final_grade")), rs.getInt("rank_no"), rs.getBoolean("vetoed"), List.of());
    }
}
