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
import java.util.function.Function;
import java.util.stream.Stream;

import org.kaohe.audit.RowsByKey;
import org.kaohe.records.SubjectType;
import org.kaohe.scoring.Grade;
import org.kaohe.scoring.GradeScale;
import org.springframework.beans.factory.annotation.Autowired;
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

    /**
     * The order of a comparison's list: departments first; then the subjects in both runs by the
     * size of their move, the largest first; then the new and the gone ones; by id within each.
     */
    private static final String ORDER = " ORDER BY CASE c.subject_type WHEN 'DEPARTMENT' THEN 0 ELSE 1 END,"
            + " CASE WHEN c.from_score IS NULL OR c.to_score IS NULL THEN 1 ELSE 0 END,"
            + " ABS(COALESCE(c.to_score, 0) - COALESCE(c.from_score, 0)) DESC, c.subject_id";

    /** The most keys of changed subjects kept over every pair of runs compared: some 100 bytes each. */
    static final int KEPT_KEYS = 400_000;

    private final JdbcClient jdbc;
    private final RunQueries runs;
    private final RowsByKey rowsByKey;
    /**
     * The counts of the pairs of runs last compared, by "from to": a run's rows are only ever
     * inserted, so the count of two runs' changes never changes, and it is counted once.
     * A row changed behind Kaohe's back since shows on the page read fresh, and the runs' checks flag it.
     */
    private final Map<String, Summary> summaries = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Summary> eldest) {
            return size() > KEPT_SUMMARIES;
        }
    });
    /**
     * The whole ordered list of the changed subjects' keys, by the same pairs: each page of a
     * comparison used to join the two runs again for its 50 rows (on H2 about a second at 100,000
     * cadres, however few changed). Now a page is a slice of the kept list, its rows read by key.
     * A pair with more changes than can be kept is paged by the database, a join a page, as before.
     */
    private final KeptKeyLists<String> orders;

    /** The most pairs of runs whose count is kept. */
    static final int KEPT_SUMMARIES = 64;

    @Autowired
    public RunComparison(JdbcClient jdbc, RunQueries runs, RowsByKey rowsByKey) {
        this(jdbc, runs, rowsByKey, KEPT_KEYS);
    }

    RunComparison(JdbcClient jdbc, RunQueries runs, RowsByKey rowsByKey, long keptKeys) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.rowsByKey = rowsByKey;
        this.orders = new KeptKeyLists<>(keptKeys);
    }

    /** A page of the comparison, from the pair's kept count and order when it has them ({@link #compare(RunInfo, RunInfo, int, int, boolean)}). */
    public Page compare(RunInfo from, RunInfo to, int page, int size) {
        return compare(from, to, page, size, false);
    }

    /**
     * A page of the comparison. {@code asStoredNow}: counted and ordered from the two runs as the
     * database holds them now, not from the pair's kept count and order: for a pair one of whose runs
     * is known altered, so the page lists what the rows now say (each row it shows marked by its
     * check) instead of what they said when the order was kept.
     */
    public Page compare(RunInfo from, RunInfo to, int page, int size, boolean asStoredNow) {
        if (page < 1 || size < 1) {
            throw new InvalidInputException(Message.of("input.page.atLeastOne", String.valueOf(page),
                    String.valueOf(size)));
        }
        String pair = from.id() + " " + to.id();
        Object[] ids = {from.id(), to.id(), to.id(), from.id()};
        Function<String, Summary> count = p -> jdbc.sql("""
                        SELECT COUNT(*) AS changed,
                               SUM(CASE WHEN from_score <> to_score THEN 1 ELSE 0 END) AS scores,
                               SUM(CASE WHEN from_grade <> to_grade THEN 1 ELSE 0 END) AS grades,
                               SUM(CASE WHEN from_score IS NULL THEN 1 ELSE 0 END) AS added,
                               SUM(CASE WHEN to_score IS NULL THEN 1 ELSE 0 END) AS removed
                        FROM (""" + CHANGES + ") c")
                .params(ids)
                .query((rs, n) -> new Summary(rs.getLong("changed"), rs.getLong("scores"), rs.getLong("grades"),
                        rs.getLong("added"), rs.getLong("removed")))
                .single();
        Summary summary = asStoredNow ? count.apply(pair) : summaries.computeIfAbsent(pair, count);
        long offset = (long) (page - 1) * size;
        List<String[]> keys;
        if (!asStoredNow && orders.canKeep(summary.changed())) {
            List<String[]> whole = orders.get(pair);
            if (whole == null) {
                whole = orderedKeys(ids, "", List.of());
                orders.keep(pair, whole);
            }
            keys = whole.subList((int) Math.min(offset, whole.size()), (int) Math.min(offset + size, whole.size()));
        } else {
            keys = orderedKeys(ids, " LIMIT ? OFFSET ?", List.of(size, offset));
        }
        return new Page(from, to, Cause.of(from, to), summary, changes(from.id(), to.id(), keys), page, size);
    }

    /** The run compared with by default: the one made just before {@code to} for the same period. */
    public java.util.Optional<RunInfo> previous(RunInfo to) {
        return runs.runs().stream()
                .filter(r -> r.period().equals(to.period()) && r.id() < to.id())
                .findFirst(); // newest first
    }

    /** The changed subjects' keys (type, id) in the list's order, {@code limit} appended to the query. */
    private List<String[]> orderedKeys(Object[] ids, String limit, List<Object> limitParams) {
        List<Object> params = new ArrayList<>(List.of(ids));
        params.addAll(limitParams);
        return jdbc.sql("SELECT c.subject_type, c.subject_id FROM (" + CHANGES + ") c" + ORDER + limit)
                .params(params)
                .query((rs, n) -> new String[] {SubjectType.valueOf(rs.getString(1)).name(), rs.getString(2)})
                .list();
    }

    /** One subject's row in one run, as the comparison shows it. */
    private record Side(String name, String deptId, BigDecimal score, String grade, Integer rank,
                        Map<String, BigDecimal> parts) {}

    /**
     * The changes of these subjects, in their order, each side read by key from its run with its
     * parts, and the department's name from the later run. A subject neither run holds any more
     * (deleted behind Kaohe's back since its key was kept) is left out; the runs' checks find it.
     */
    private List<Change> changes(long fromRun, long toRun, List<String[]> keys) {
        Map<String, Side> before = sides(fromRun, keys);
        Map<String, Side> after = sides(toRun, keys);
        Map<String, String> deptNames = deptNames(toRun, Stream.concat(before.values().stream(), after.values().stream())
                .map(Side::deptId).filter(Objects::nonNull).distinct().toArray(String[]::new));
        Map<SubjectType, GradeScale> fromScales = runs.scales(fromRun);
        Map<SubjectType, GradeScale> toScales = runs.scales(toRun);
        List<Change> changes = new ArrayList<>();
        for (String[] key : keys) {
            Side a = before.get(key[0] + "/" + key[1]);
            Side b = after.get(key[0] + "/" + key[1]);
            if (a == null && b == null) {
                continue;
            }
            SubjectType type = SubjectType.valueOf(key[0]);
            Side shown = b != null ? b : a;
            String deptName = deptNames.get(shown.deptId());
            changes.add(new Change(type, key[1], shown.name(), shown.deptId(), deptName == null ? shown.deptId() : deptName,
                    a == null ? null : a.score(), b == null ? null : b.score(),
                    a == null ? null : grade(fromScales, type, a.grade()), b == null ? null : grade(toScales, type, b.grade()),
                    a == null ? null : a.rank(), b == null ? null : b.rank(),
                    moved(a == null ? Map.of() : a.parts(), b == null ? Map.of() : b.parts())));
        }
        return changes;
    }

    /** These subjects' rows in one run, by "type/id", each looked up by its key ({@link RowsByKey}). */
    private Map<String, Side> sides(long runId, List<String[]> keys) {
        Map<String, Side> found = new HashMap<>();
        for (SubjectType type : SubjectType.values()) {
            String[] ids = keys.stream().filter(key -> key[0].equals(type.name())).map(key -> key[1]).toArray(String[]::new);
            if (ids.length > 0) {
                rowsByKey.select("r.subject_id, r.name, r.dept_id, r.score, r.final_grade, r.rank_no, r.parts",
                                "subject_result", runId, type.name(), ids)
                        .query(rs -> {
                            found.put(type.name() + "/" + rs.getString("subject_id"), new Side(rs.getString("name"),
                                    rs.getString("dept_id"), rs.getBigDecimal("score"), rs.getString("final_grade"),
                                    rs.getObject("rank_no", Integer.class), StoredRunRows.readParts(rs.getString("parts"))));
                        });
            }
        }
        return found;
    }

    /** The departments' names in the run, by id. */
    private Map<String, String> deptNames(long runId, String[] deptIds) {
        Map<String, String> names = new HashMap<>();
        if (deptIds.length > 0) {
            rowsByKey.select("r.subject_id, r.name", "subject_result", runId, SubjectType.DEPARTMENT.name(), deptIds)
                    .query(rs -> {
                        names.put(rs.getString(1), rs.getString(2));
                    });
        }
        return names;
    }

    /** The parts whose points differ between the two sides, by part. */
    private static List<PartChange> moved(Map<String, BigDecimal> from, Map<String, BigDecimal> to) {
        List<PartChange> moved = new ArrayList<>();
        TreeSet<String> parts = new TreeSet<>(from.keySet());
        parts.addAll(to.keySet());
        for (String part : parts) {
            if (!sameValue(from.get(part), to.get(part))) {
                moved.add(new PartChange(part, from.get(part), to.get(part)));
            }
        }
        return moved;
    }

    private static boolean sameValue(BigDecimal a, BigDecimal b) {
        return Objects.equals(a, b) || (a != null && b != null && a.compareTo(b) == 0);
    }

    private static Grade grade(Map<SubjectType, GradeScale> scales, SubjectType type, String code) {
        return code == null ? null : scales.getOrDefault(type, GradeScale.QUARTERLY).byCode(code);
    }
}
