package org.kaohe.results;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.kaohe.records.SubjectType;
import org.kaohe.scoring.Grade;
import org.kaohe.scoring.GradeScale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.kaohe.errors.InvalidInputException;
import org.kaohe.errors.Message;

/**
 * What changed between two runs of a period: the subjects whose score or grade differs (or that are
 * in one run only), with the parts that moved, and why at the level of the runs — the records
 * (another import version), the rulebook (another version), or both. Compared and paged by the
 * database: a city-wide change of rules lists 100,000 subjects a page at a time.
 */
@Service
public class RunComparison {

    /** Why two runs can differ: what each run was made from. */
    public enum Cause {
        /** Same import and rulebook: the results should be identical. */
        NOTHING,
        /** A new import version (corrected or added records), same rulebook. */
        RECORDS,
        /** Another rulebook version, same records. */
        RULES,
        /** Both the records and the rulebook differ. */
        BOTH;

        static Cause of(RunInfo from, RunInfo to) {
            boolean records = from.importId() != to.importId();
            boolean rules = !from.rulebookVersion().equals(to.rulebookVersion());
            return records && rules ? BOTH : records ? RECORDS : rules ? RULES : NOTHING;
        }
    }

    /** How many subjects changed, in each way. */
    public record Summary(long changed, long scoreChanged, long gradeChanged, long added, long removed) {}

    /** A part whose points differ between the runs. */
    public record PartChange(String part, BigDecimal from, BigDecimal to) {}

    /** One subject that changed; {@code from*} null when it is new in the later run, {@code to*} null when gone. */
    public record Change(SubjectType subjectType, String subjectId, String name, String deptId, String deptName,
                         BigDecimal fromScore, BigDecimal toScore, Grade fromGrade, Grade toGrade, Integer fromRank,
                         Integer toRank, List<PartChange> parts) {

        public BigDecimal delta() {
            return fromScore == null || toScore == null ? null : toScore.subtract(fromScore);
        }

        public boolean gradeChanged() {
            return !java.util.Objects.equals(fromGrade, toGrade);
        }
    }

    /** A page of changes between two runs. */
    public record Page(RunInfo from, RunInfo to, Cause cause, Summary summary, List<Change> changes, int page, int size) {
        public int pages() {
            return Slice.pages(summary.changed(), size);
        }
    }

    /**
     * Every subject of either run once: its score, grade and rank in each (null where absent), kept
     * when they differ. Typed NULLs keep PostgreSQL's UNION happy.
     */
    private static final String CHANGES = """
            SELECT b.subject_type, b.subject_id, b.name, b.dept_id, a.score AS from_score, b.score AS to_score,
                   a.final_grade AS from_grade, b.final_grade AS to_grade, a.rank_no AS from_rank, b.rank_no AS to_rank
            FROM subject_result b
            LEFT JOIN subject_result a ON a.run_id = ? AND a.subject_type = b.subject_type AND a.subject_id = b.subject_id
            WHERE b.run_id = ? AND (a.subject_id IS NULL OR a.score <> b.score OR a.final_grade <> b.final_grade)
            UNION ALL
            SELECT a.subject_type, a.subject_id, a.name, a.dept_id, a.score, CAST(NULL AS NUMERIC(12, 2)),
                   a.final_grade, CAST(NULL AS VARCHAR(16)), a.rank_no, CAST(NULL AS INT)
            FROM subject_result a
            LEFT JOIN subject_result b ON b.run_id = ? AND b.subject_type = a.subject_type AND b.subject_id = a.subject_id
            WHERE a.run_id = ? AND b.subject_id IS NULL""";

    private final JdbcClient jdbc;
    private final RunQueries runs;
    /**
     * The counts of the pairs of runs last compared, by "from to": a run's rows are only ever
     * inserted, so the count of two runs' changes never changes, and each further page of a
     * comparison pays one join of the two runs, not two (on H2 about a second each at 100,000 cadres).
     * A row changed behind Kaohe's back since shows on the page read fresh, and the runs' checks flag it.
     */
    private final Map<String, Summary> summaries = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Summary> eldest) {
            return size() > KEPT_SUMMARIES;
        }
    });

    /** The most pairs of runs whose count is kept. */
    static final int KEPT_SUMMARIES = 64;

    public RunComparison(JdbcClient jdbc, RunQueries runs) {
        this.jdbc = jdbc;
        this.runs = runs;
    }

    public Page compare(RunInfo from, RunInfo to, int page, int size) {
        if (page < 1 || size < 1) {
            throw new InvalidInputException(Message.of("input.page.atLeastOne", String.valueOf(page),
                    String.valueOf(size)));
        }
        Object[] ids = {from.id(), to.id(), to.id(), from.id()};
        Summary summary = summaries.computeIfAbsent(from.id() + " " + to.id(), pair -> jdbc.sql("""
                        SELECT COUNT(*) AS changed,
                               SUM(CASE WHEN from_score <> to_score THEN 1 ELSE 0 END) AS scores,
                               SUM(CASE WHEN from_grade <> to_grade THEN 1 ELSE 0 END) AS grades,
                               SUM(CASE WHEN from_score IS NULL THEN 1 ELSE 0 END) AS added,
                               SUM(CASE WHEN to_score IS NULL THEN 1 ELSE 0 END) AS removed
                        FROM (""" + CHANGES + ") c")
                .params(ids)
                .query((rs, n) -> new Summary(rs.getLong("changed"), rs.getLong("scores"), rs.getLong("grades"),
                        rs.getLong("added"), rs.getLong("removed")))
                .single());
        List<Object> params = new ArrayList<>(List.of(ids));
        params.add(size);
        params.add((long) (page - 1) * size);
        Map<SubjectType, GradeScale> fromScales = runs.scales(from.id());
        Map<SubjectType, GradeScale> toScales = runs.scales(to.id());
        List<Change> changes = jdbc.sql("SELECT c.*, d.name AS dept_name FROM (" + CHANGES + ") c"
                        + " LEFT JOIN subject_result d ON d.run_id = ? AND d.subject_type = 'DEPARTMENT' AND d.subject_id = c.dept_id"
                        + " ORDER BY CASE c.subject_type WHEN 'DEPARTMENT' THEN 0 ELSE 1 END,"
                        // subjects in both runs by the size of their move, then the new and the gone ones
                        + " CASE WHEN c.from_score IS NULL OR c.to_score IS NULL THEN 1 ELSE 0 END,"
                        + " ABS(COALESCE(c.to_score, 0) - COALESCE(c.from_score, 0)) DESC, c.subject_id"
                        + " LIMIT ? OFFSET ?")
                .params(withDeptRun(params, to.id()))
                .query((rs, n) -> {
                    SubjectType type = SubjectType.valueOf(rs.getString("subject_type"));
                    return new Change(type, rs.getString("subject_id"),
                        rs.getString("name"), rs.getString("dept_id"),
                        rs.getString("dept_name") == null ? rs.getString("dept_id") : rs.getString("dept_name"),
                        rs.getBigDecimal("from_score"), rs.getBigDecimal("to_score"),
                        grade(fromScales, type, rs.getString("from_grade")), grade(toScales, type, rs.getString("to_grade")),
                        (Integer) rs.getObject("from_rank", Integer.class),
                        (Integer) rs.getObject("to_rank", Integer.class), List.of());
                })
                .list();
        return new Page(from, to, Cause.of(from, to), summary, withParts(from.id(), to.id(), changes), page, size);
    }

    /** The run compared with by default: the one made just before {@code to} for the same period. */
    public java.util.Optional<RunInfo> previous(RunInfo to) {
        return runs.runs().stream()
                .filter(r -> r.period().equals(to.period()) && r.id() < to.id())
                .findFirst(); // newest first
    }

    /** The department join's run id goes between the union's parameters and the page's. */
    private static List<Object> withDeptRun(List<Object> params, long toRun) {
        List<Object> all = new ArrayList<>(params.subList(0, 4));
        all.add(toRun);
        all.addAll(params.subList(4, params.size()));
        return all;
    }

    /** The parts that moved, for the page's subjects only (read by the whole key). */
    private List<Change> withParts(long fromRun, long toRun, List<Change> changes) {
        Map<String, Map<String, BigDecimal[]>> parts = new HashMap<>();
        for (SubjectType type : SubjectType.values()) {
            List<String> ids = changes.stream().filter(c -> c.subjectType() == type).map(Change::subjectId).toList();
            if (ids.isEmpty()) {
                continue;
            }
            for (int side = 0; side < 2; side++) {
                int index = side;
                List<Object> params = new ArrayList<>(List.of(side == 0 ? fromRun : toRun, type.name()));
                params.addAll(ids);
                jdbc.sql("SELECT subject_id, parts FROM subject_result WHERE run_id = ? AND subject_type = ? AND subject_id IN ("
                                + String.join(", ", ids.stream().map(id -> "?").toList()) + ")")
                        .params(params)
                        .query(rs -> {
                            Map<String, BigDecimal[]> byPart = parts.computeIfAbsent(
                                    type.name() + "/" + rs.getString("subject_id"), k -> new LinkedHashMap<>());
                            StoredRunRows.readParts(rs.getString("parts")).forEach((part, points) ->
                                    byPart.computeIfAbsent(part, k -> new BigDecimal[2])[index] = points);
                        });
            }
        }
        return changes.stream().map(c -> {
            Map<String, BigDecimal[]> byPart = parts.getOrDefault(c.subjectType().name() + "/" + c.subjectId(), Map.of());
            List<PartChange> moved = new ArrayList<>();
            for (String part : new TreeSet<>(byPart.keySet())) {
                BigDecimal[] points = byPart.get(part);
                if (!sameValue(points[0], points[1])) {
                    moved.add(new PartChange(part, points[0], points[1]));
                }
            }
            return new Change(c.subjectType(), c.subjectId(), c.name(), c.deptId(), c.deptName(), c.fromScore(),
                    c.toScore(), c.fromGrade(), c.toGrade(), c.fromRank(), c.toRank(), moved);
        }).toList();
    }

    private static boolean sameValue(BigDecimal a, BigDecimal b) {
        return Objects.equals(a, b) || (a != null && b != null && a.compareTo(b) == 0);
    }

    private static Grade grade(Map<SubjectType, GradeScale> scales, SubjectType type, String code) {
        return code == null ? null : scales.getOrDefault(type, GradeScale.QUARTERLY).byCode(code);
    }
}
