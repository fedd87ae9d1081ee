package org.kaohe.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kaohe.records.SubjectType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many rows of a run each results filter selects, without counting the run on every page: the
 * run's rows are counted once by subject type, department and final grade (one grouped read of the
 * run's index, the first time a server pages the run), kept in memory for the last
 * {@value #RUNS_KEPT} runs paged, and summed for a filter. A stored run never changes; a row
 * deleted behind Kaohe's back is found by the run's whole check ({@link RunChecks#page}), and every
 * row a page shows is checked against its seal.
 */
@Component
class ResultCounts {

    static final int RUNS_KEPT = 16;

    private record Group(SubjectType type, String dept, String grade, long rows) {}

    private final JdbcClient jdbc;
    private final Map<Long, List<Group>> byRun = RecentRuns.keeping(RUNS_KEPT);

    ResultCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many rows of the run the filter selects (its sort plays no part). */
    long count(long runId, ResultsFilter filter) {
        return byGrade(runId, filter).values().stream().mapToLong(Long::longValue).sum();
    }

    /** As {@link #count}, by final grade code. */
    Map<String, Long> byGrade(long runId, ResultsFilter filter) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (Group group : groups(runId)) {
            if ((filter.type() == null || filter.type() == group.type())
                    && (filter.dept() == null || filter.dept().equals(group.dept()))
                    && (filter.grade() == null || filter.grade().equals(group.grade()))) {
                rows.merge(group.grade(), group.rows(), Long::sum);
            }
        }
        return rows;
    }

    /** Rows of one type by department, then by final grade code. */
    Map<String, Map<String, Long>> byDepartmentAndGrade(long runId, SubjectType type) {
        Map<String, Map<String, Long>> rows = new LinkedHashMap<>();
        for (Group group : groups(runId)) {
            if (group.type() == type) {
                rows.computeIfAbsent(group.dept(), dept -> new LinkedHashMap<>()).merge(group.grade(), group.rows(), Long::sum);
            }
        }
        return rows;
    }

    private List<Group> groups(long runId) {
        List<Group> known = byRun.get(runId);
        if (known != null) {
            return known;
        }
        List<Group> counted = new ArrayList<>(jdbc.sql("""
                        SELECT subject_type, dept_id, final_grade, COUNT(*) AS n FROM subject_result WHERE run_id = ?
                        GROUP BY subject_type, dept_id, final_grade""")
                .param(runId)
                .query((rs, n) -> new Group(SubjectType.valueOf(rs.getString("subject_type")), rs.getString("dept_id"),
                        rs.getString("final_grade"), rs.getLong("n")))
                .list());
        byRun.put(runId, counted);
        return counted;
    }
}
