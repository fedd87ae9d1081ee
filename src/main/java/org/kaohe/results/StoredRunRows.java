package org.kaohe.results;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
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

    /**
     * A subject's row of {@code subject_result} as stored, column by column: a whole-run check reads
     * it on one thread and makes it into the subject on another.
     */
    record ResultRow(String subjectType, String subjectId, String name, String deptId, BigDecimal score,
                     String bandGrade, String gatedGrade, String finalGrade, int rank, boolean vetoed, String seal,
                     String linesDigest, String previousSubject) {

        static ResultRow of(ResultSet rs) throws SQLException {
            return new ResultRow(rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("name"),
                    rs.getString("dept_id"), rs.getBigDecimal("score"), rs.getString("band_grade"),
                    rs.getString("gated_grade"), rs.getString("final_grade"), rs.getInt("rank_no"),
                    rs.getBoolean("vetoed"), rs.getString("seal"), rs.getString("lines_digest"),
                    rs.getString("prev_subject"));
        }

        /** The stored subject, with its own parts and lines, graded on the run's scales. */
        StoredSubject stored(Map<String, BigDecimal> parts, Map<SubjectType, GradeScale> scales,
                             List<ExplanationLine> lines) {
            SubjectType type = SubjectType.valueOf(subjectType);
            GradeScale scale = scales.get(type);
            SubjectResult result = new SubjectResult(type, subjectId, name, deptId, score, parts,
                    scale.byCode(bandGrade), scale.byCode(gatedGrade), scale.byCode(finalGrade), rank, vetoed, lines);
            return new StoredSubject(result, seal, linesDigest, previousSubject);
        }
    }

    /** The row's stored subject with its parts (its own column) in {@code partOrder}; none when absent. */
    static StoredSubject stored(ResultSet rs, Comparator<String> partOrder, Map<SubjectType, GradeScale> scales)
            throws SQLException {
        return ResultRow.of(rs).stored(RunPartOrder.ordered(partOrder, rs.getString("parts")), scales, List.of());
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
