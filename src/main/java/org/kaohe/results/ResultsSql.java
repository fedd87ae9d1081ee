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

    /** One key of an order: a column of {@code subject_result} (or {@link #GRADE_PLACE}) and its direction. */
    record OrderKey(String column, boolean descending) {}

    /** The key of a grade order: each grade's place in the run's grade scales, not a column. */
    static final String GRADE_PLACE = "grade place";

    /**
     * The chosen column, then the id (ids are unique across cadres and departments): the same request
     * always gives the same order, and the opposite direction gives its exact reverse. The run and a
     * filtered type come first, being the same on every row: that lets the database (H2 needs it) see
     * that an index on (run_id, subject_type, ...) is already in this order. The one definition of a
     * list's order: its SQL ({@link #orderBy}) and the merge of two types' walks
     * ({@link MixedTypesPage}) are both made from it.
     */
    static List<OrderKey> orderKeys(ResultsFilter filter) {
        boolean down = filter.descending();
        // The id last, in the direction that makes the whole order one walk of the sort's index, forwards
        // or backwards: the key's direction; by score, whose index is best first (score DESC, id ASC),
        // the opposite one. Within a grade, by id ascending either way (no index holds the grade order).
        boolean backwards = switch (filter.sort()) {
            case SCORE -> !down;
            case GRADE -> false;
            default -> down;
        };
        // The run and a filtered type, the same on every row, walk the same way as the rest: H2 sees an
        // index read backwards as in this order only when every key of it is reversed.
        List<OrderKey> keys = new ArrayList<>(List.of(new OrderKey("run_id", backwards)));
        if (filter.type() != null) {
            keys.add(new OrderKey("subject_type", backwards));
        }
        switch (filter.sort()) {
            case DEPT -> {
                keys.add(new OrderKey("dept_id", down));
                if (filter.type() == null) {
                    keys.add(new OrderKey("subject_type", !down)); // a department before its cadres
                }
                keys.add(new OrderKey("rank_no", down));
            }
            case ID -> { }
            case NAME -> keys.add(new OrderKey("name", down));
            case SCORE -> keys.add(new OrderKey("score", down));
            case GRADE -> keys.add(new OrderKey(GRADE_PLACE, down));
            case RANK -> keys.add(new OrderKey("rank_no", down));
        }
        keys.add(new OrderKey("subject_id", backwards));
        return keys;
    }

    /**
     * The ORDER BY of {@link #orderKeys}, written so that the common pages match an index of V20 exactly
     * (a tab's default order, a tab by score best first) and the database reads one page from the
     * index instead of sorting the run. Reversed: every key flipped, the exact reverse of the order
     * (its keys end with the unique id).
     */
    static String orderBy(ResultsFilter filter, Map<SubjectType, GradeScale> scales, boolean reversed) {
        List<String> sql = new ArrayList<>();
        for (OrderKey key : orderKeys(filter)) {
            String column = key.column().equals(GRADE_PLACE) ? gradeOrder(scales) : "r." + key.column();
            sql.add(column + (key.descending() != reversed ? " DESC" : " ASC"));
        }
        return " ORDER BY " + String.join(", ", sql);
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
