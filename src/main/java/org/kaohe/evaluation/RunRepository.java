package org.kaohe.evaluation;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.kaohe.records.SubjectType;
import org.kaohe.audit.RunSealer;
import org.kaohe.scoring.EvaluationOutcome;
import org.kaohe.scoring.Grade;
import org.kaohe.scoring.PartLabel;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.ResultSeal;
import org.kaohe.scoring.SubjectResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes an evaluation outcome as one sealed run ({@link RunSealer}). Runs are only ever inserted;
 * the one update is the run's own seal, set in the same transaction once the subjects' seals
 * (which name the new run's id) are known.
 */
@Repository
class RunRepository {

    private static final int BATCH = 1_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    private final RunSealer sealer;

    RunRepository(JdbcClient jdbc, JdbcTemplate template, RunSealer sealer) {
        this.jdbc = jdbc;
        this.template = template;
        this.sealer = sealer;
    }

    /** What explanation_line.reason holds (V13); the import's limits keep real reasons far below it. */
    static final int MAX_REASON = 8000;

    /** Stores the outcome; the caller provides the transaction. Returns the new run's id. */
    long insert(EvaluationOutcome outcome, String runBy, OffsetDateTime startedAt, long durationMs) {
        return insertFitted(fitted(outcome), runBy, startedAt, durationMs);
    }

    /**
     * The outcome with every reason cut to what the database holds, marked as cut: a rulebook that
     * writes longer reasons must not make the whole evaluation fail. Sealed as stored.
     */
    static EvaluationOutcome fitted(EvaluationOutcome outcome) {
        boolean fits = outcome.subjects().stream().flatMap(s -> s.lines().stream())
                .allMatch(l -> l.reason().length() <= MAX_REASON);
        if (fits) {
            return outcome;
        }
        String mark = "…(已截断 / truncated)";
        List<SubjectResult> subjects = outcome.subjects().stream().map(s -> new SubjectResult(s.subjectType(),
                s.subjectId(), s.name(), s.deptId(), s.score(), s.parts(), s.bandGrade(), s.gatedGrade(), s.finalGrade(),
                s.rank(), s.vetoed(), s.lines().stream().map(l -> l.reason().length() <= MAX_REASON ? l
                        : new ExplanationLine(l.rule(), l.part(), l.points(),
                                l.reason().substring(0, MAX_REASON - mark.length()) + mark, l.evidence())).toList()))
                .toList();
        return new EvaluationOutcome(outcome.period(), outcome.importId(), outcome.rulebookVersion(), subjects,
                outcome.gradeScales(), outcome.parts());
    }

    private long insertFitted(EvaluationOutcome outcome, String runBy, OffsetDateTime startedAt, long durationMs) {
        String period = outcome.period().toString();
        // Millisecond precision: what every database keeps, so the sealed time reads back the same.
        OffsetDateTime started = startedAt.truncatedTo(ChronoUnit.MILLIS);
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO evaluation_run (period, import_id, rulebook_version, run_by, started_at,
                                            duration_ms, subject_count, seal, seal_scheme, key_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(period, outcome.importId(), outcome.rulebookVersion(), runBy, started,
                        durationMs, outcome.subjects().size(), "", RunSealer.SCHEME, sealer.keyId())
                .update(keys, "id");
        long runId = keys.getKeyAs(Number.class).longValue();
        insertScales(runId, outcome);
        RunSealer.RunHeader header = new RunSealer.RunHeader(runId, period, outcome.importId(),
                outcome.rulebookVersion(), runBy, started.toInstant(), outcome.subjects().size());
        List<String> seals = insertResults(runId, header, outcome.subjects());
        insertParts(runId, outcome.subjects());
        insertLines(runId, outcome.subjects());
        jdbc.sql("UPDATE evaluation_run SET seal = ? WHERE id = ?").params(sealer.runSeal(header, seals), runId).update();
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

    /** Inserts the result rows with their seals; returns the seals in chain order. */
    private List<String> insertResults(long runId, RunSealer.RunHeader header, List<SubjectResult> subjects) {
        List<SubjectResult> chain = subjects.stream().sorted(RunSealer.ORDER).toList();
        List<String> seals = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            SubjectResult s = chain.get(i);
            // The first subject points at the last: deleting any row leaves a pointer to it.
            String previous = RunSealer.subjectKey(chain.get(i == 0 ? chain.size() - 1 : i - 1));
            String digest = sealer.linesDigest(s.lines());
            String seal = sealer.subjectSeal(header, s, digest, previous);
            seals.add(seal);
            rows.add(new Object[] {runId, s.subjectType().name(), s.subjectId(), s.name(), s.deptId(), s.score(),
                    s.bandGrade().name(), s.gatedGrade().name(), s.finalGrade().name(), s.rank(), s.vetoed(),
                    seal, digest, previous});
        }
        batch("""
                INSERT INTO subject_result (run_id, subject_type, subject_id, name, dept_id, score, band_grade,
                                            gated_grade, final_grade, rank_no, vetoed, seal, lines_digest, prev_subject)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        return seals;
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
