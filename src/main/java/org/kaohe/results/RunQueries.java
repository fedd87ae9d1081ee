package org.kaohe.results;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.kaohe.records.Period;
import org.kaohe.records.SourceRef;
import org.kaohe.records.SubjectType;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.Grade;
import org.kaohe.scoring.GradeScale;
import org.kaohe.scoring.PartLabel;
import org.kaohe.scoring.ResultSeal;
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
                   r.started_at, r.duration_ms, r.subject_count, r.seal
            FROM evaluation_run r JOIN import_version i ON i.id = r.import_id""";

    private final JdbcClient jdbc;

    public RunQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<RunInfo> currentRun(Period period) {
        return jdbc.sql(RUN_COLUMNS + " WHERE r.period = ? ORDER BY r.id DESC LIMIT 1")
                .param(period.toString())
                .query(RunQueries::runInfo)
                .optional();
    }

    public Optional<RunInfo> run(long runId) {
        return jdbc.sql(RUN_COLUMNS + " WHERE r.id = ?").param(runId).query(RunQueries::runInfo).optional();
    }

    /** Every run, newest first. */
    public List<RunInfo> runs() {
        return jdbc.sql(RUN_COLUMNS + " ORDER BY r.id DESC").query(RunQueries::runInfo).list();
    }

    /** The grade scales the run was graded on (runs before configurable grades: the quarterly scale). */
    public Map<SubjectType, GradeScale> scales(long runId) {
        Map<SubjectType, List<Grade>> grades = new EnumMap<>(SubjectType.class);
        jdbc.sql("SELECT subject_type, position, code, label FROM run_grade WHERE run_id = ? ORDER BY subject_type, position")
                .param(runId)
                .query(rs -> {
                    grades.computeIfAbsent(SubjectType.valueOf(rs.getString("subject_type")), t -> new ArrayList<>())
                            .add(new Grade(rs.getString("code"), rs.getString("label"), rs.getInt("position")));
                });
        Map<SubjectType, GradeScale> scales = new EnumMap<>(SubjectType.class);
        for (SubjectType type : SubjectType.values()) {
            scales.put(type, grades.containsKey(type) ? new GradeScale(grades.get(type)) : GradeScale.QUARTERLY);
        }
        return scales;
    }

    /** The parts the run scored with their Chinese names, in the rulebook's order (empty for runs made before). */
    public List<PartLabel> partLabels(long runId) {
        return jdbc.sql("SELECT subject_type, code, name FROM run_part WHERE run_id = ? ORDER BY position")
                .param(runId)
                .query((rs, n) -> new PartLabel(SubjectType.valueOf(rs.getString("subject_type")), rs.getString("code"),
                        rs.getString("name")))
                .list();
    }

    /** Every subject's result of the run, without explanation lines, in display order. */
    public List<SubjectResult> results(long runId) {
        Map<String, Map<String, BigDecimal>> parts = parts(runId, null, null);
        Map<SubjectType, GradeScale> scales = scales(runId);
        return jdbc.sql("""
                        SELECT * FROM subject_result WHERE run_id = ?
                        ORDER BY CASE subject_type WHEN 'DEPARTMENT' THEN 0 ELSE 1 END, dept_id, rank_no, subject_id""")
                .param(runId)
                .query((rs, n) -> subjectResult(rs, parts, scales, List.of()))
                .list();
    }

    /**
     * One subject's result with its explanation lines. Ids are unique across cadres and departments
     * (the import checks it), so at most one type matches. Each type is looked up by the whole
     * primary key: a query by run and id alone scans every result of the run (seconds for a city of
     * 100,000 cadres).
     */
    public Optional<SubjectResult> subject(long runId, String subjectId) {
        for (SubjectType type : SubjectType.values()) {
            Optional<SubjectResult> found = subject(runId, type, subjectId);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<SubjectResult> subject(long runId, SubjectType type, String subjectId) {
        Map<String, Map<String, BigDecimal>> parts = parts(runId, type, subjectId);
        Map<SubjectType, GradeScale> scales = scales(runId);
        Optional<SubjectResult> bare = jdbc.sql("""
                        SELECT * FROM subject_result WHERE run_id = ? AND subject_type = ? AND subject_id = ?""")
                .params(runId, type.name(), subjectId)
                .query((rs, n) -> subjectResult(rs, parts, scales, List.of()))
                .optional();
        return bare.map(s -> withLines(s, lines(runId, type, subjectId)));
    }

    /**
     * Recomputes the run's seal from the stored rows: false when anything stored was changed after
     * the run was made.
     */
    public boolean sealIntact(long runId) {
        RunInfo run = run(runId).orElseThrow();
        List<SubjectResult> subjects = results(runId).stream()
                .map(s -> withLines(s, lines(runId, s.subjectType(), s.subjectId())))
                .toList();
        String recomputed = ResultSeal.of(run.period().toString(), run.importId(), run.rulebookVersion(), subjects);
        return recomputed.equals(run.seal());
    }

    private List<ExplanationLine> lines(long runId, SubjectType type, String subjectId) {
        return jdbc.sql("""
                        SELECT rule_name, part, points, reason, evidence FROM explanation_line
                        WHERE run_id = ? AND subject_type = ? AND subject_id = ? ORDER BY seq""")
                .params(runId, type.name(), subjectId)
                .query((rs, n) -> new ExplanationLine(rs.getString("rule_name"), rs.getString("part"),
                        rs.getBigDecimal("points"), rs.getString("reason"), parseEvidence(rs.getString("evidence"))))
                .list();
    }

    /** Parts of runs made before part names were stored, in the order of the old formula. */
    private static final List<String> OLD_PART_ORDER = List.of("T", "A", "L", "O", "C", "B", "D", "CLAMP", "GRADE");

    /** The parts of every subject of the run (type and id null), or of one subject, in the rulebook's order. */
    private Map<String, Map<String, BigDecimal>> parts(long runId, SubjectType type, String subjectId) {
        List<String> order = new ArrayList<>(partLabels(runId).stream().map(PartLabel::code).distinct().toList());
        if (order.isEmpty()) {
            order.addAll(OLD_PART_ORDER);
        }
        Comparator<String> partOrder = Comparator.comparingInt((String p) -> order.contains(p) ? order.indexOf(p)
                : order.size()).thenComparing(p -> p);
        Map<String, Map<String, BigDecimal>> parts = new HashMap<>();
        String sql = "SELECT subject_type, subject_id, part, points FROM subject_part WHERE run_id = ?"
                + (subjectId == null ? "" : " AND subject_type = ? AND subject_id = ?");
        var statement = jdbc.sql(sql).param(runId);
        if (subjectId != null) {
            statement = statement.param(type.name()).param(subjectId);
        }
        statement.query(rs -> {
            parts.computeIfAbsent(key(rs.getString("subject_type"), rs.getString("subject_id")),
                    k -> new TreeMap<>(partOrder))
                    .put(rs.getString("part"), rs.getBigDecimal("points"));
        });
        return parts;
    }

    static List<SourceRef> parseEvidence(String text) {
        List<SourceRef> refs = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return refs;
        }
        for (String item : text.split(", ")) {
            int colon = item.lastIndexOf(':');
            refs.add(new SourceRef(item.substring(0, colon), Integer.parseInt(item.substring(colon + 1))));
        }
        return refs;
    }

    private static SubjectResult subjectResult(ResultSet rs, Map<String, Map<String, BigDecimal>> parts,
                                               Map<SubjectType, GradeScale> scales, List<ExplanationLine> lines)
            throws SQLException {
        String type = rs.getString("subject_type");
        String id = rs.getString("subject_id");
        GradeScale scale = scales.get(SubjectType.valueOf(type));
        return new SubjectResult(SubjectType.valueOf(type), id, rs.getString("name"), rs.getString("dept_id"),
                rs.getBigDecimal("score"), parts.getOrDefault(key(type, id), Map.of()),
                scale.byCode(rs.getString("band_grade")), scale.byCode(rs.getString("gated_grade")),
                scale.byCode(rs.getString("final_grade")), rs.getInt("rank_no"), rs.getBoolean("vetoed"), lines);
    }

    private static SubjectResult withLines(SubjectResult s, List<ExplanationLine> lines) {
        return new SubjectResult(s.subjectType(), s.subjectId(), s.name(), s.deptId(), s.score(), s.parts(),
                s.bandGrade(), s.gatedGrade(), s.finalGrade(), s.rank(), s.vetoed(), lines);
    }

    private static String key(String type, String id) {
        return type + "/" + id;
    }

    private static RunInfo runInfo(ResultSet rs, int rowNum) throws SQLException {
        return new RunInfo(rs.getLong("id"), Period.parse(rs.getString("period")), rs.getLong("import_id"),
                rs.getInt("import_version"), rs.getString("rulebook_version"), rs.getString("run_by"),
                rs.getObject("started_at", OffsetDateTime.class), rs.getLong("duration_ms"),
                rs.getInt("subject_count"), rs.getString("seal"));
    }
}
