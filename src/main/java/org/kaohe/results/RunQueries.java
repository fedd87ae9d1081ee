package org.kaohe.results;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.kaohe.records.Period;
import org.kaohe.records.SubjectType;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.Grade;
import org.kaohe.scoring.ResultSeal;
import org.kaohe.scoring.StoredExplanation;
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
            FROM evaluation_run r JOIN import_version i ON i.id = r.import_id
            WHERE r.stored_at IS NOT NULL""";  // a run still being stored (or abandoned) is nobody's to see

    private final JdbcClient jdbc;

    public RunQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<RunInfo> currentRun(Period period) {
        return jdbc.sql(RUN_COLUMNS + " AND r.period = ? ORDER BY r.id DESC LIMIT 1")
                .param(period.toString())
                .query(RunQueries::runInfo)
                .optional();
    }

    public Optional<RunInfo> run(long runId) {
        return jdbc.sql(RUN_COLUMNS + " AND r.id = ?").param(runId).query(RunQueries::runInfo).optional();
    }

    /** Every run, newest first. */
    public List<RunInfo> runs() {
        return jdbc.sql(RUN_COLUMNS + " ORDER BY r.id DESC").query(RunQueries::runInfo).list();
    }

    /** Every subject's result of the run, without explanation lines, in display order. */
    public List<SubjectResult> results(long runId) {
        Map<String, Map<String, BigDecimal>> parts = parts(runId, null, null);
        return jdbc.sql("""
                        SELECT * FROM subject_result WHERE run_id = ?
                        ORDER BY CASE subject_type WHEN 'DEPARTMENT' THEN 0 ELSE 1 END, dept_id, rank_no, subject_id""")
                .param(runId)
                .query((rs, n) -> subjectResult(rs, parts, List.of()))
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
        Optional<SubjectResult> bare = jdbc.sql("""
                        SELECT * FROM subject_result WHERE run_id = ? AND subject_type = ? AND subject_id = ?""")
                .params(runId, type.name(), subjectId)
                .query((rs, n) -> subjectResult(rs, parts, List.of()))
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
        return jdbc.sql("SELECT lines FROM subject_detail WHERE run_id = ? AND subject_type = ? AND subject_id = ?")
                .params(runId, type.name(), subjectId)
                .query(String.class)
                .optional()
                .map(StoredExplanation::lines)
                .orElse(List.of());
    }

    /** Parts in the order of the score's formula (S = T + A + L + B − D; S_d = T + O + C + B − D), then any a leader added. */
    private static final List<String> PART_ORDER = List.of("T", "A", "L", "O", "C", "B", "D", "CLAMP", "GRADE");

    private static int partOrder(String part) {
        int index = PART_ORDER.indexOf(part);
        return index >= 0 ? index : PART_ORDER.indexOf("CLAMP");
    }

    /** The parts of every subject of the run (type and id null), or of one subject. */
    private Map<String, Map<String, BigDecimal>> parts(long runId, SubjectType type, String subjectId) {
        Map<String, Map<String, BigDecimal>> parts = new HashMap<>();
        String sql = "SELECT subject_type, subject_id, parts FROM subject_detail WHERE run_id = ?"
                + (subjectId == null ? "" : " AND subject_type = ? AND subject_id = ?");
        var statement = jdbc.sql(sql).param(runId);
        if (subjectId != null) {
            statement = statement.param(type.name()).param(subjectId);
        }
        statement.query(rs -> {
            Map<String, BigDecimal> ordered = new TreeMap<>(Comparator.comparingInt(RunQueries::partOrder)
                    .thenComparing(p -> p));
            ordered.putAll(StoredExplanation.parts(rs.getString("parts")));
            parts.put(key(rs.getString("subject_type"), rs.getString("subject_id")), ordered);
        });
        return parts;
    }

    private static SubjectResult subjectResult(ResultSet rs, Map<String, Map<String, BigDecimal>> parts,
                                               List<ExplanationLine> lines) throws SQLException {
        String type = rs.getString("subject_type");
        String id = rs.getString("subject_id");
        return new SubjectResult(SubjectType.valueOf(type), id, rs.getString("name"), rs.getString("dept_id"),
                rs.getBigDecimal("score"), parts.getOrDefault(key(type, id), Map.of()),
                Grade.valueOf(rs.getString("band_grade")), Grade.valueOf(rs.getString("gated_grade")),
                Grade.valueOf(rs.getString("final_grade")), rs.getInt("rank_no"), rs.getBoolean("vetoed"), lines);
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
