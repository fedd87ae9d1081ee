package org.kaohe.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.kaohe.records.SubjectType;
import org.kaohe.scoring.GradeScale;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The whole order of one grade's rows sorted by anything but id or grade, kept between requests: no
 * index of the results table serves such a list (the order's index does not hold the grade, the
 * grade's index is by id), so each page of it used to sort the grade's rows in the request: at
 * 100,000 cadres some 37,000 rated 较差, the slowest page of the list on H2. A run's rows are only
 * inserted, so the first page sorts them once and every later page of that filter, in either
 * direction, is a slice of the kept order. The rows themselves are read whole and checked per page
 * as before: only the order is kept.
 *
 * <p>Kept per run and filter, at most {@link #KEPT_KEYS} keys in all, the least recently used
 * filters let go first; a filter selecting more is read as before. A row deleted behind Kaohe's
 * back after its order was kept is left out of its page (as when it is deleted between a page's
 * keys and its rows) and found by the run's whole check.
 */
@Component
class KeptGradeOrders {

    /** The most keys (type and id) kept over every filter: some 100 bytes each. */
    static final int KEPT_KEYS = 600_000;

    private record Kept(long runId, ResultsFilter ascending) {}

    private final JdbcClient jdbc;
    private final KeptKeyLists<Kept> kept;

    @Autowired
    KeptGradeOrders(JdbcClient jdbc) {
        this(jdbc, KEPT_KEYS);
    }

    KeptGradeOrders(JdbcClient jdbc, long keptAtMost) {
        this.jdbc = jdbc;
        this.kept = new KeptKeyLists<>(keptAtMost);
    }

    /** One grade, every department, by name, score, rank or department: the lists this class keeps. */
    static boolean serves(ResultsFilter filter) {
        return filter.grade() != null && filter.dept() == null && filter.sort() != ResultsFilter.Sort.ID
                && filter.sort() != ResultsFilter.Sort.GRADE;
    }

    /**
     * The keys (type, id) of the rows at {@code offset} to {@code offset + shown} of the list, in its
     * order; null when this class does not serve the filter or it selects more than can be kept.
     */
    List<String[]> keys(long runId, ResultsFilter filter, Map<SubjectType, GradeScale> scales, long offset, long shown,
                        long total) {
        if (!serves(filter) || !kept.canKeep(total)) {
            return null;
        }
        // The other direction is the exact reverse (ResultsSql.orderKeys): one order kept serves both.
        Kept key = new Kept(runId, new ResultsFilter(filter.type(), null, filter.grade(), filter.sort(), false));
        List<String[]> whole = kept.get(key);
        if (whole == null) {
            whole = read(runId, key.ascending(), scales);
            kept.keep(key, whole);
        }
        List<String[]> page = new ArrayList<>((int) shown);
        for (long i = offset; i < offset + shown && i < whole.size(); i++) {
            page.add(whole.get((int) (filter.descending() ? whole.size() - 1 - i : i)));
        }
        return page;
    }

    private List<String[]> read(long runId, ResultsFilter ascending, Map<SubjectType, GradeScale> scales) {
        ResultsSql.Where where = ResultsSql.where(runId, ascending);
        return jdbc.sql("SELECT r.subject_type, r.subject_id FROM subject_result r" + where.sql()
                        + ResultsSql.orderBy(ascending, scales, false))
                .params(where.params())
                .query((rs, n) -> new String[] {SubjectType.valueOf(rs.getString(1)).name(), rs.getString(2)})
                .list();
    }

    /** How many keys are kept now (for tests). */
    long keptKeys() {
        return kept.keptKeys();
    }
}
