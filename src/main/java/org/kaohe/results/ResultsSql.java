package org.kaohe.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.kaohe.records.SubjectType;
import org.kaohe.scoring.GradeScale;

/**
 * The SQL of a results list's filter and order ({@link ResultsList}): the WHERE of a filter and the
 * ORDER BY of a sort, written to match the indexes of the results table.
 */
final class ResultsSql {

    private ResultsSql() {}

    record Where(String sql, List<Object> params) {}

    static Where where(long runId, ResultsFilter filter) {
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
            params.add(filter.grade());
        }
        return new Where(sql.toString(), params);
    }

    /**
     * The chosen column, then the id (ids are unique across cadres and departments): the same request
     * always gives the same order. Written so that the common pages match an index of V20 exactly —
     * a tab's default order, a tab by score best first, every type in the default order — and the
     * database reads one page from the index instead of sorting the run.
     */
    static String orderBy(ResultsFilter filter, Map<SubjectType, GradeScale> scales, boolean reversed) {
        List<String> keys = switch (filter.sort()) {
            case DEPT -> filter.type() == null
                    ? List.of("r.dept_id ASC", "r.subject_type DESC", "r.rank_no ASC") // a department before its cadres
                    : List.of("r.dept_id ASC", "r.rank_no ASC");
            case ID -> List.of();
            case NAME -> List.of("r.name ASC");
            case SCORE -> List.of("r.score ASC");
            case GRADE -> List.of(gradeOrder(scales) + " ASC");
            case RANK -> List.of("r.rank_no ASC");
        };
        // The run and a filtered type are the same on every row: naming them first lets the database
        // (H2 needs it) see that an index on (run_id, subject_type, ...) is already in this order.
        List<String> ordered = new ArrayList<>(List.of("r.run_id ASC"));
        if (filter.type() != null) {
            ordered.add("r.subject_type ASC");
        }
        for (String key : keys) {
            ordered.add(filter.descending() ? flip(key) : key);
        }
        ordered.add(filter.sort() == ResultsFilter.Sort.ID && filter.descending() ? "r.subject_id DESC" : "r.subject_id ASC");
        // Reversed: every key flipped, the exact reverse of the order (its keys end with the unique id).
        return " ORDER BY " + String.join(", ", reversed ? ordered.stream().map(ResultsSql::flip).toList() : ordered);
    }

    private static String flip(String key) {
        return key.endsWith(" ASC") ? key.substring(0, key.length() - 4) + " DESC" : key.substring(0, key.length() - 5) + " ASC";
    }

    /**
     * Grades from best to worst, in the order the run's grade scales define (a code is a rulebook's
     * identifier, checked to be letters, digits and underscores, so it is safe inside the SQL).
     */
    private static String gradeOrder(Map<SubjectType, GradeScale> scales) {
        StringBuilder sql = new StringBuilder("CASE r.final_grade");
        Map<String, Integer> order = gradePlaces(scales);
        order.forEach((code, rank) -> sql.append(" WHEN '").append(code.replace("'", "''")).append("' THEN ").append(rank));
        return sql.append(" ELSE ").append(order.size() + 1000).append(" END").toString();
    }

    /** Each grade code's place in the grade order (a code of both scales: its first). */
    static Map<String, Integer> gradePlaces(Map<SubjectType, GradeScale> scales) {
        Map<String, Integer> order = new java.util.LinkedHashMap<>();
        scales.values().forEach(scale -> scale.grades().forEach(g -> order.putIfAbsent(g.name(), g.order())));
        return order;
    }
}
