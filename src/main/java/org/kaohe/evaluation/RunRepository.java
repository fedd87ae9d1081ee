package org.kaohe.evaluation;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import org.kaohe.scoring.EvaluationOutcome;
import org.kaohe.scoring.ResultSeal;
import org.kaohe.scoring.StoredExplanation;
import org.kaohe.scoring.SubjectResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes an evaluation outcome as one run. Runs are only ever inserted, never updated once stored.
 *
 * <p>A run is written in batches of {@value #BATCH} subjects, each batch its own short
 * transaction, so that neither this JVM nor the database holds the whole run at once (one
 * transaction of a city of 100,000 cadres made H2's file grow to 1.6 GB). It appears atomically
 * all the same: the run's row carries no {@code stored_at} until the last batch is in, and every
 * reader ignores such a run. A storing that dies leaves an invisible run, which a later storing
 * deletes ({@link #deleteAbandoned()}).
 */
@Repository
class RunRepository {

    private static final int BATCH = 1_000;
    /** A run whose storing wrote nothing for this long was abandoned (its JVM died). */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transaction;

    RunRepository(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.template = template;
        this.transaction = transaction;
    }

    /**
     * Stores the outcome and makes it visible; {@code completion} runs in the same transaction as
     * the step that makes the run visible (the audit line), given the run's id. Returns the new run's id.
     */
    long insert(EvaluationOutcome outcome, String runBy, OffsetDateTime startedAt, long durationMs,
                LongConsumer completion) {
        String period = outcome.period().toString();
        String seal = ResultSeal.of(period, outcome.importId(), outcome.rulebookVersion(), outcome.subjects());
        deleteAbandoned();
        long runId = begin(outcome, runBy, startedAt, durationMs, seal);
        List<SubjectResult> batch = new ArrayList<>(BATCH);
        for (SubjectResult subject : outcome.subjects()) {
            batch.add(subject);
            if (batch.size() == BATCH) {
                write(runId, batch);
                batch.clear();
            }
        }
        write(runId, batch);
        transaction.executeWithoutResult(status -> {
            jdbc.sql("UPDATE evaluation_run SET stored_at = ?, written_at = ? WHERE id = ? AND stored_at IS NULL")
                    .params(OffsetDateTime.now(), OffsetDateTime.now(), runId).update();
            completion.accept(runId);
        });
        return runId;
    }

    /** As {@link #insert(EvaluationOutcome, String, OffsetDateTime, long, LongConsumer)} with nothing else to do. */
    long insert(EvaluationOutcome outcome, String runBy, OffsetDateTime startedAt, long durationMs) {
        return insert(outcome, runBy, startedAt, durationMs, runId -> { });
    }

    private long begin(EvaluationOutcome outcome, String runBy, OffsetDateTime startedAt, long durationMs, String seal) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO evaluation_run (period, import_id, rulebook_version, run_by, started_at,
                                            duration_ms, subject_count, seal, written_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(outcome.period().toString(), outcome.importId(), outcome.rulebookVersion(), runBy, startedAt,
                        durationMs, outcome.subjects().size(), seal, OffsetDateTime.now())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** One batch of subjects, results and details, in one transaction. */
    private void write(long runId, List<SubjectResult> subjects) {
        if (subjects.isEmpty()) {
            return;
        }
        List<Object[]> results = new ArrayList<>(subjects.size());
        List<Object[]> details = new ArrayList<>(subjects.size());
        for (SubjectResult s : subjects) {
            results.add(new Object[] {runId, s.subjectType().name(), s.subjectId(), s.name(), s.deptId(), s.score(),
                    s.bandGrade().name(), s.gatedGrade().name(), s.finalGrade().name(), s.rank(), s.vetoed()});
            details.add(new Object[] {runId, s.subjectType().name(), s.subjectId(),
                    StoredExplanation.partsJson(s.parts()), StoredExplanation.linesJson(s.lines())});
        }
        transaction.executeWithoutResult(status -> {
            template.batchUpdate("""
                    INSERT INTO subject_result (run_id, subject_type, subject_id, name, dept_id, score, band_grade,
                                                gated_grade, final_grade, rank_no, vetoed)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", results);
            template.batchUpdate("""
                    INSERT INTO subject_detail (run_id, subject_type, subject_id, parts, lines)
                    VALUES (?, ?, ?, ?, ?)""", details);
            jdbc.sql("UPDATE evaluation_run SET written_at = ? WHERE id = ?").params(OffsetDateTime.now(), runId).update();
        });
    }

    /**
     * Deletes runs whose storing stopped before they were complete (the JVM storing them was
     * killed): nobody ever saw them. A run another instance is still writing is left alone.
     */
    int deleteAbandoned() {
        List<Long> abandoned = jdbc.sql("SELECT id FROM evaluation_run WHERE stored_at IS NULL AND written_at < ?")
                .param(OffsetDateTime.now().minus(ABANDONED_AFTER))
                .query(Long.class).list();
        for (long runId : abandoned) {
            transaction.executeWithoutResult(status -> {
                jdbc.sql("DELETE FROM subject_detail WHERE run_id = ?").param(runId).update();
                jdbc.sql("DELETE FROM subject_result WHERE run_id = ?").param(runId).update();
                jdbc.sql("DELETE FROM evaluation_run WHERE id = ? AND stored_at IS NULL").param(runId).update();
            });
        }
        return abandoned.size();
    }
}
