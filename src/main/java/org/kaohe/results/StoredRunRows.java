package org.kaohe.results;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.kaohe.records.Period;
import org.kaohe.records.SubjectType;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.Grade;
import org.kaohe.scoring.GradeScale;
import org.kaohe.scoring.StoredExplanation;
import org.kaohe.scoring.SubjectResult;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How a stored run's rows read back, for the quarterly runs ({@link RunQueries}) and the annual ones
 * alike: the grade scales it stored, a subject's lines and parts from their stored JSON, a run's row,
 * and whether a seal chain names a subject.
 */
public final class StoredRunRows {

    private StoredRunRows() {}

    /**
     * The grade scales a run stored to be read with, from its grade table ({@code run_grade}, or
     * {@code annual_run_grade} for an annual run), for the subject types it holds.
     */
    public static Map<SubjectType, GradeScale> storedScales(JdbcClient jdbc, String gradeTable, long runId) {
        Map<SubjectType, List<Grade>> grades = new EnumMap<>(SubjectType.class);
        jdbc.sql("SELECT subject_type, position, code, label FROM " + gradeTable
                        + " WHERE run_id = ? ORDER BY subject_type, position")
                .param(runId)
                .query(rs -> {
                    grades.computeIfAbsent(SubjectType.valueOf(rs.getString("subject_type")), t -> new ArrayList<>())
                            .add(new Grade(rs.getString("code"), rs.getString("label"), rs.getInt("position")));
                });
        Map<SubjectType, GradeScale> scales = new EnumMap<>(SubjectType.class);
        grades.forEach((type, list) -> scales.put(type, new GradeScale(list)));
        return scales;
    }

    /** As {@link RunQueries#namedByChain(long, String)} in a run's result table ({@code subject_result}, {@code annual_result}). */
    public static boolean namedByChain(JdbcClient jdbc, String resultTable, long runId, String subjectId) {
        return jdbc.sql("SELECT COUNT(*) FROM " + resultTable + " WHERE run_id = ? AND prev_subject IN (?, ?)")
                .params(runId, RunSealer.subjectKey(SubjectType.CADRE, subjectId),
                        RunSealer.subjectKey(SubjectType.DEPARTMENT, subjectId))
                .query(Integer.class).single() > 0;
    }

    /**
     * The lines of a subject's stored JSON, quarterly or annual. Text that is no longer in the stored form (somebody
     * edited it by hand) reads as one line saying so: its digest then differs from the sealed one,
     * so every check reports the subject's lines as altered instead of failing to read the run.
     */
    public static List<ExplanationLine> readLines(String json) {
        try {
            return StoredExplanation.lines(json);
        } catch (RuntimeException unreadable) {
            return List.of(ExplanationLine.unreadable());
        }
    }

    /** The parts of a subject's stored JSON, quarterly or annual; none when unreadable (the subject's seal then fails). */
    public static Map<String, BigDecimal> readParts(String json) {
        try {
            return StoredExplanation.parts(json);
        } catch (RuntimeException unreadable) {
            return Map.of();
        }
    }

    static StoredSubject stored(ResultSet rs, SubjectResult result) throws SQLException {
        return new StoredSubject(result, rs.getString("seal"), rs.getString("lines_digest"),
                rs.getString("prev_subject"));
    }

    static SubjectResult subjectResult(ResultSet rs, Map<String, Map<String, BigDecimal>> parts,
                                               Map<SubjectType, GradeScale> scales, List<ExplanationLine> lines)
            throws SQLException {
        Map<String, BigDecimal> own = parts.getOrDefault(key(rs.getString("subject_type"), rs.getString("subject_id")), Map.of());
        return ownSubjectResult(rs, own, scales, lines);
    }

    /** As {@link #subjectResult} with the subject's own parts given. */
    static SubjectResult ownSubjectResult(ResultSet rs, Map<String, BigDecimal> parts, Map<SubjectType, GradeScale> scales,
                                          List<ExplanationLine> lines) throws SQLException {
        SubjectType type = SubjectType.valueOf(rs.getString("subject_type"));
        GradeScale scale = scales.get(type);
        return new SubjectResult(type, rs.getString("subject_id"), rs.getString("name"), rs.getString("dept_id"),
                rs.getBigDecimal("score"), parts, scale.byCode(rs.getString("band_grade")),
                scale.byCode(rs.getString("gated_grade")), scale.byCode(rs.getString("final_grade")),
                rs.getInt("rank_no"), rs.getBoolean("vetoed"), lines);
    }

    static SubjectResult withLines(SubjectResult s, List<ExplanationLine> lines) {
        return new SubjectResult(s.subjectType(), s.subjectId(), s.name(), s.deptId(), s.score(), s.parts(),
                s.bandGrade(), s.gatedGrade(), s.finalGrade(), s.rank(), s.vetoed(), lines);
    }

    static String key(String type, String id) {
        return type + "/" + id;
    }

    static RunInfo runInfo(ResultSet rs, int rowNum) throws SQLException {
        return new RunInfo(rs.getLong("id"), Period.parse(rs.getString("period")), rs.getLong("import_id"),
                rs.getInt("import_version"), rs.getString("rulebook_version"), rs.getString("run_by"),
                rs.getObject("started_at", OffsetDateTime.class), rs.getLong("duration_ms"),
                rs.getInt("subject_count"), rs.getString("seal"), rs.getString("seal_scheme"), rs.getString("key_id"));
    }
}
