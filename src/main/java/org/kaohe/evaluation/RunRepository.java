package org.kaohe.evaluation;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.kaohe.records.SubjectType;
import org.kaohe.scoring.EvaluationOutcome;
import org.kaohe.scoring.Grade;
import org.kaohe.scoring.PartLabel;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.ResultSeal;
import org.kaohe.scoring.SubjectResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes an evaluation outcome as one run. Runs are only ever inserted, never updated. */
@Repository
class RunRepository {

    private static final int BATCH = 1_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    RunRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Stores the outcome; the caller provides the transaction. Returns the new run's id. */
    long insert(EvaluationOutcome outcome, String runBy, OffsetDateTime startedAt, long durationMs) {
        String period = outcome.period().toString();
        String seal = ResultSeal.of(period, outcome.importId(), outcome.rulebookVersion(), outcome.subjects());
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO evaluation_run (period, import_id, rulebook_version, run_by, started_at,
                                            duration_ms, subject_count, seal)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(period, outcome.importId(), outcome.rulebookVersion(), runBy, startedAt,
                        durationMs, outcome.subjects().size(), seal)
                .update(keys, "id");
        long runId = keys.getKeyAs(Number.class).longValue();
        insertScales(runId, outcome);
        insertResults(runId, outcome.subjects());
        insertParts(runId, outcome.subjects());
        insertLines(runId, outcome.subjects());
        return runId;
    }

    /** The grade scales and part names the run is read with, so a later rulebook change never alters it. */
    private void insertScales(long runId, EvaluationOutcome outcome) {
        List<Object[]> grades = new ArrayList<>();
        for (SubjectType type : SubjectType.values()) {
            for (Grade grade : outcome.scale(type).grades()) {
                grades.add(new Object[] {runId, type.name(), grade.order(), grade.name(), grade.label()});
            }
        }
        batch("INSERT INTO run_grade (run_id, subject_type, position, code, label) VALUES (?, ?, ?, ?, ?)", grades);
        List<Object[]> parts = new ArrayList<>();
        int position = 0;
        for (PartLabel part : outcome.parts()) {
            parts.add(new Object[] {runId, part.subjectType().name(), position++, part.code(), part.name()});
        }
        batch("INSERT INTO run_part (run_id, subject_type, position, code, name) VALUES (?, ?, ?, ?, ?)", parts);
    }

    private void insertResults(long runId, List<SubjectResult> subjects) {
        List<Object[]> rows = new ArrayList<>();
        for (SubjectResult s : subjects) {
            rows.add(new Object[] {runId, s.subjectType().name(), s.subjectId(), s.name(), s.deptId(), s.score(),
                    s.bandGrade().name(), s.gatedGrade().name(), s.finalGrade().name(), s.rank(), s.vetoed()});
        }
        batch("""
                INSERT INTO subject_result (run_id, subject_type, subject_id, name, dept_id, score, band_grade,
                                            gated_grade, final_grade, rank_no, vetoed)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    private void insertParts(long runId, List<SubjectResult> subjects) {
        List<Object[]> rows = new ArrayList<>();
        for (SubjectResult s : subjects) {
            for (Map.Entry<String, BigDecimal> part : s.parts().entrySet()) {
                rows.add(new Object[] {runId, s.subjectType().name(), s.subjectId(), part.getKey(), part.getValue()});
            }
        }
        batch("INSERT INTO subject_part (run_id, subject_type, subject_id, part, points) VALUES (?, ?, ?, ?, ?)",
                rows);
    }

    private void insertLines(long runId, List<SubjectResult> subjects) {
        List<Object[]> rows = new ArrayList<>();
        for (SubjectResult s : subjects) {
            int seq = 0;
            for (ExplanationLine line : s.lines()) {
                rows.add(new Object[] {runId, s.subjectType().name(), s.subjectId(), ++seq, line.rule(), line.part(),
                        line.points(), line.reason(), ResultSeal.evidenceText(line.evidence())});
            }
        }
        batch("""
                INSERT INTO explanation_line (run_id, subject_type, subject_id, seq, rule_name, part, points,
                                              reason, evidence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    private void batch(String sql, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            template.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + BATCH)));
        }
    }
}
