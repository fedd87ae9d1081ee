package org.kaohe.results;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.kaohe.audit.DatabaseProduct;
import org.kaohe.records.SubjectType;
import org.kaohe.scoring.GradeScale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The keys of one page of a list of every type (cadres and departments in one order), read as the two
 * types' own index walks merged, so that no index of the whole run in each order is needed and no
 * page sorts the whole run.
 *
 * <p>The smaller type (a city's departments, some 2 % of its rows) is read whole; of the larger type
 * only the window that can reach the page: a row of it at offset {@code i} among its type stands at
 * {@code i} plus the smaller type's rows before it, at most all of them, so the page's rows of the
 * larger type lie between offset {@code pageStart - smaller} and {@code pageEnd}. Counting the rows
 * of each type passed in the merged order gives each row's place in the whole list; a smaller row
 * before the window's first row stands before the page, so not knowing its exact place does no harm.
 * The page is read from the nearer end of the order, as {@link ResultsList#page} does.
 *
 * <p>Who merges: on H2 this class, comparing as H2 does (its default compare mode: strings by
 * {@link String#compareTo}, nulls lowest), by the same keys as the SQL ({@link ResultsSql#orderKeys});
 * inside a union H2 (2.4.240) walks the primary key and sorts the whole type instead of using the
 * order's index, and looks keys listed with IN up by scanning. Elsewhere (PostgreSQL) the database
 * merges the two walks in one union, so its collation orders names as on every other page.
 */
@Component
class MixedTypesPage {

    /** Above this many rows of the smaller type, reading it whole for a page costs more than it saves. */
    static final long SMALLER_TYPE_READ_WHOLE_AT_MOST = 20_000;

    /** The columns a union of the two types carries: every column an order of the list can name. */
    private static final List<String> UNION_COLUMNS = List.of("run_id", "subject_type", "subject_id", "name",
            "dept_id", "score", "final_grade", "rank_no");

    /** A row of a walk: its type and id, and its values of the order's keys. */
    private record Walked(String type, String id, Map<String, Object> values) {}

    private final JdbcClient jdbc;
    private final ResultCounts counts;
    private final boolean h2;

    MixedTypesPage(JdbcClient jdbc, ResultCounts counts, DataSource dataSource) {
        this.jdbc = jdbc;
        this.counts = counts;
        this.h2 = DatabaseProduct.of(dataSource) == DatabaseProduct.H2;
    }

    /**
     * The keys (type, id) of the rows at {@code offset} to {@code offset + shown} of the list of every
     * type, in its order; null when this way does not serve the filter (one type, a grade order) or
     * the smaller type is too large to read whole.
     */
    List<String[]> keys(long runId, ResultsFilter filter, Map<SubjectType, GradeScale> scales, long offset, long shown,
                        long total) {
        if (filter.type() != null || filter.sort() == ResultsFilter.Sort.GRADE) {
            return null;
        }
        long cadres = counts.count(runId, ofType(filter, SubjectType.CADRE));
        long departments = counts.count(runId, ofType(filter, SubjectType.DEPARTMENT));
        SubjectType larger = cadres >= departments ? SubjectType.CADRE : SubjectType.DEPARTMENT;
        long smaller = Math.min(cadres, departments);
        if (smaller > SMALLER_TYPE_READ_WHOLE_AT_MOST) {
            return null;
        }
        boolean fromTheEnd = offset + shown / 2 > total / 2;
        long start = fromTheEnd ? total - offset - shown : offset; // in the order read
        long windowStart = Math.max(0, start - smaller);
        long windowRows = start + shown - windowStart;
        List<String[]> merged = h2
                ? mergedHere(runId, filter, larger, scales, fromTheEnd, windowStart, windowRows)
                : mergedByTheDatabase(runId, filter, larger, scales, fromTheEnd, windowStart, windowRows);

        List<String[]> keys = new ArrayList<>();
        long[] passed = {windowStart, 0}; // rows of the larger and of the smaller type before the current one
        for (String[] key : merged) {
            long place = passed[0] + passed[1];
            if (place >= start && place < start + shown) {
                keys.add(key);
            }
            passed[key[0].equals(larger.name()) ? 0 : 1]++;
        }
        if (fromTheEnd) {
            Collections.reverse(keys);
        }
        return keys;
    }

    /** The window of the larger type and the whole smaller type, merged here by the order's keys. */
    private List<String[]> mergedHere(long runId, ResultsFilter filter, SubjectType larger,
                                      Map<SubjectType, GradeScale> scales, boolean reversed, long windowStart,
                                      long windowRows) {
        List<Walked> window = walk(runId, ofType(filter, larger), scales, reversed, " LIMIT " + windowRows
                + " OFFSET " + windowStart);
        List<Walked> others = walk(runId, ofType(filter, other(larger)), scales, reversed, "");
        Comparator<Walked> order = comparator(filter, reversed);
        List<String[]> merged = new ArrayList<>(window.size() + others.size());
        int i = 0;
        int j = 0;
        while (i < window.size() || j < others.size()) {
            boolean fromWindow = j == others.size()
                    || i < window.size() && order.compare(window.get(i), others.get(j)) <= 0;
            Walked next = fromWindow ? window.get(i++) : others.get(j++);
            merged.add(new String[] {next.type(), next.id()});
        }
        return merged;
    }

    /**
     * One type's rows of the filter in the order's index walk, with their values of the order's keys.
     * Only those columns are read: the order's index holds them all, and H2 walks that index only when
     * it need not look up any other column (else it sorts the type from its primary key).
     */
    private List<Walked> walk(long runId, ResultsFilter ofOneType, Map<SubjectType, GradeScale> scales,
                              boolean reversed, String limit) {
        ResultsSql.Where where = ResultsSql.where(runId, ofOneType);
        List<String> keys = sortedColumns(ofOneType);
        return jdbc.sql("SELECT " + columns(keys) + " FROM subject_result r" + where.sql()
                        + ResultsSql.orderBy(ofOneType, scales, reversed) + limit)
                .params(where.params()).query((rs, n) -> walked(rs, keys)).list();
    }

    private static Walked walked(ResultSet rs, List<String> keys) throws SQLException {
        Map<String, Object> values = new HashMap<>();
        for (String column : keys) {
            values.put(column, rs.getObject(column));
        }
        return new Walked(rs.getString("subject_type"), rs.getString("subject_id"), values);
    }

    /** The columns of the order's keys, with the type and id. */
    private static List<String> sortedColumns(ResultsFilter filter) {
        Set<String> columns = new LinkedHashSet<>(List.of("subject_type", "subject_id"));
        ResultsSql.orderKeys(filter).forEach(key -> columns.add(key.column()));
        return List.copyOf(columns);
    }

    /** The order of {@link ResultsSql#orderKeys} as H2 compares: nulls lowest, strings by {@code compareTo}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Walked> comparator(ResultsFilter filter, boolean reversed) {
        Comparator<Walked> order = (a, b) -> 0;
        for (ResultsSql.OrderKey key : ResultsSql.orderKeys(filter)) {
            Comparator<Comparable> values = Comparator.nullsFirst(Comparator.naturalOrder());
            Comparator<Walked> byKey = Comparator.comparing(w -> (Comparable) w.values().get(key.column()), values);
            order = order.thenComparing(key.descending() != reversed ? byKey.reversed() : byKey);
        }
        return order;
    }

    /**
     * The window of the larger type and the whole smaller type, merged by the database: a union of
     * the window's index walk and the smaller type, ordered as the list. The window's bounds are
     * numbers in the SQL, not parameters: H2 keeps a union branch's first LIMIT for later executions.
     */
    private List<String[]> mergedByTheDatabase(long runId, ResultsFilter filter, SubjectType larger,
                                               Map<SubjectType, GradeScale> scales, boolean reversed,
                                               long windowStart, long windowRows) {
        ResultsFilter largerOnly = ofType(filter, larger);
        ResultsSql.Where largerWhere = ResultsSql.where(runId, largerOnly);
        ResultsSql.Where smallerWhere = ResultsSql.where(runId, ofType(filter, other(larger)));
        List<Object> params = new ArrayList<>(largerWhere.params());
        params.addAll(smallerWhere.params());
        String sql = "SELECT r.subject_type, r.subject_id FROM ("
                + "(SELECT " + columns(UNION_COLUMNS) + " FROM subject_result r" + largerWhere.sql()
                + ResultsSql.orderBy(largerOnly, scales, reversed) + " LIMIT " + windowRows + " OFFSET " + windowStart + ")"
                + " UNION ALL (SELECT " + columns(UNION_COLUMNS) + " FROM subject_result r" + smallerWhere.sql() + ")"
                + ") r" + ResultsSql.orderBy(filter, scales, reversed);
        return jdbc.sql(sql).params(params).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    }

    private static String columns(List<String> columns) {
        return String.join(", ", columns.stream().map(c -> "r." + c).toList());
    }

    private static SubjectType other(SubjectType type) {
        return type == SubjectType.CADRE ? SubjectType.DEPARTMENT : SubjectType.CADRE;
    }

    private static ResultsFilter ofType(ResultsFilter filter, SubjectType type) {
        return new ResultsFilter(type, filter.dept(), filter.grade(), filter.sort(), filter.descending());
    }
}
