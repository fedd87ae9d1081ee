package org.kaohe.results;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import org.kaohe.audit.BulkTable;
import org.kaohe.audit.BulkTable.Type;
import org.kaohe.audit.BulkWriter;
import org.kaohe.audit.PlannerStatistics;
import org.kaohe.errors.FaultPoint;
import org.kaohe.records.SubjectType;
import org.kaohe.scoring.EvaluationOutcome;
import org.kaohe.scoring.Grade;
import org.kaohe.scoring.GradeScale;
import org.kaohe.scoring.PartLabel;
import org.kaohe.scoring.SubjectResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes an evaluation outcome as one sealed run ({@link RunSealer}). Runs are only ever inserted,
 * never updated once stored.
 *
 * <p>A run is written in batches of {@value #BATCH} subjects, each batch its own short
 * transaction, so that neither this JVM nor the database holds the whole run at once (one
 * transaction of a city of 100,000 cadres made H2's file grow to 1.6 GB). It appears atomically
 * all the same: the run's row carries no {@code stored_at} until the last batch is in, and every
 * reader ignores such a run. The run's own seal (over every subject's seal, which names the new
 * run's id) is set in that last step too. A storing that dies leaves an invisible run, which a
 * later storing deletes ({@link #deleteAbandoned()}).
 */
@Repository
public class RunRepository {

    private static final int BATCH = 1_000;

    private static final BulkTable<SealedSubjectRow> RESULTS = SealedSubjectRow.table("subject_result")
            .column("parts", Type.TEXT, r -> r.sealed().partsJson());
    private static final BulkTable<SealedSubjectRow> DETAILS = BulkTable.<SealedSubjectRow>named("subject_detail")
            .column("run_id", Type.BIGINT, SealedSubjectRow::runId)
            .column("subject_type", Type.TEXT, r -> r.subject().subjectType().name())
            .column("subject_id", Type.TEXT, r -> r.subject().subjectId())
            .column("lines", Type.TEXT, r -> r.sealed().linesJson());

    /** A run whose storing wrote nothing for this long was abandoned (its JVM died). */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transaction;
    private final RunSealer sealer;
    private final RunChainWriter chainWriter;
    private final PlannerStatistics statistics;
    private final BulkWriter bulk;

    public RunRepository(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transaction, RunSealer sealer,
                         RunChainWriter chainWriter, PlannerStatistics statistics, BulkWriter bulk) {
        this.jdbc = jdbc;
        this.template = template;
        this.transaction = transaction;
        this.sealer = sealer;
        this.chainWriter = chainWriter;
        this.statistics = statistics;
        this.bulk = bulk;
    }

    /** As {@link #insert(EvaluationOutcome, String, OffsetDateTime, long, LongConsumer)} with nothing else to do. */
    public long insert(EvaluationOutcome outcome, String runBy, OffsetDateTime startedAt, long durationMs) {
        return insert(outcome, runBy, startedAt, durationMs, runId -> { });
    }

    /** The outcome as it is stored: every subject {@linkplain RunChainWriter#fitted fitted}. What a replay compares. */
    public static EvaluationOutcome fitted(EvaluationOutcome outcome) {
        List<SubjectResult> subjects = outcome.subjects().stream().map(RunChainWriter::fitted).toList();
        return new EvaluationOutcome(outcome.period(), outcome.importId(), outcome.rulebookVersion(), subjects,
                outcome.gradeScales(), outcome.parts());
    }

    /**
     * Stores the outcome and makes it visible; {@code completion} runs in the same transaction as
     * the step that makes the run visible (the audit line), given the run's id. Subjects are sealed
     * by the {@link RunChainWriter} and written in batches as they come. Returns the new run's id.
     */
    public long insert(EvaluationOutcome outcome, String runBy, OffsetDateTime startedAt, long durationMs,
                       LongConsumer completion) {
        // Millisecond precision: what every database keeps, so the sealed time reads back the same.
        OffsetDateTime started = startedAt.truncatedTo(ChronoUnit.MILLIS);
        deleteAbandoned();
        long runId = transaction.execute(status -> begin(outcome, runBy, started, durationMs));
        RunSealer.RunHeader header = new RunSealer.RunHeader(runId, outcome.period().toString(), outcome.importId(),
                outcome.rulebookVersion(), runBy, started.toInstant(), outcome.subjects().size());
        List<SealedSubjectRow> rows = new ArrayList<>(BATCH);
        String runSeal = chainWriter.write(header, outcome.subjects(), row -> {
            rows.add(new SealedSubjectRow(runId, row));
            if (rows.size() == BATCH) {
                write(runId, rows);
                rows.clear();
                FaultPoint.RUN_FIRST_BATCH.reached();
            }
        });
        write(runId, rows);
        String labelsSeal = sealer.labelsSeal(runId, scales(outcome), outcome.parts());
        transaction.executeWithoutResult(status -> {
            jdbc.sql("UPDATE evaluation_run SET seal = ?, labels_seal = ?, stored_at = ?, written_at = ? WHERE id = ?"
                            + " AND stored_at IS NULL")
                    .params(runSeal, labelsSeal, OffsetDateTime.now(), OffsetDateTime.now(), runId).update();
            completion.accept(runId);
        });
        // The run is read at once (its export, its pages): planned by statistics that know its id.
        statistics.analyze("subject_result", "subject_detail");
        return runId;
    }

    /** The run's row, still invisible and unsealed, with the grade scales and part names it is read with. */
    private long begin(EvaluationOutcome outcome, String runBy, OffsetDateTime started, long durationMs) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO evaluation_run (period, import_id, rulebook_version, run_by, started_at,
                                            duration_ms, subject_count, seal, seal_scheme, key_id, written_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(outcome.period().toString(), outcome.importId(), outcome.rulebookVersion(), runBy, started,
                        durationMs, outcome.subjects().size(), "", RunSealer.SCHEME, sealer.keyId(),
                        OffsetDateTime.now())
                .update(keys, "id");
        long runId = keys.getKeyAs(Number.class).longValue();
        insertScales(runId, outcome);
        return runId;
    }

    private static java.util.Map<SubjectType, GradeScale> scales(EvaluationOutcome outcome) {
        java.util.Map<SubjectType, GradeScale> scales = new java.util.EnumMap<>(SubjectType.class);
        for (SubjectType type : SubjectType.values()) {
            scales.put(type, outcome.scale(type));
        }
        return scales;
    }

    /** The grade scales and part names the run is read with, so a later rulebook change never alters it. */
    private void insertScales(long runId, EvaluationOutcome outcome) {
        List<Object[]> grades = new ArrayList<>();
        for (SubjectType type : SubjectType.values()) {
            for (Grade grade : outcome.scale(type).grades()) {
                grades.add(new Object[] {runId, type.name(), grade.order(), grade.name(), grade.label()});
            }
        }
        template.batchUpdate("INSERT INTO run_grade (run_id, subject_type, position, code, label) VALUES (?, ?, ?, ?, ?)",
                grades);
        List<Object[]> parts = new ArrayList<>();
        int position = 0;
        for (PartLabel part : outcome.parts()) {
            parts.add(new Object[] {runId, part.subjectType().name(), position++, part.code(), part.name()});
        }
        template.batchUpdate("INSERT INTO run_part (run_id, subject_type, position, code, name) VALUES (?, ?, ?, ?, ?)",
                parts);
    }

    /** One batch of subjects, results and details, in one transaction (COPY on PostgreSQL: {@link BulkWriter}). */
    private void write(long runId, List<SealedSubjectRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            bulk.write(RESULTS, rows);
            bulk.write(DETAILS, rows);
            jdbc.sql("UPDATE evaluation_run SET written_at = ? WHERE id = ?").params(OffsetDateTime.now(), runId).update();
        });
        // On a fresh PostgreSQL database: the details' foreign-key checks planned by real rows from the next batch on.
        statistics.analyzeIfNeverAnalyzed("subject_result", "subject_detail");
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
                jdbc.sql("DELETE FROM run_grade WHERE run_id = ?").param(runId).update();
                jdbc.sql("DELETE FROM run_part WHERE run_id = ?").param(runId).update();
                jdbc.sql("DELETE FROM evaluation_run WHERE id = ? AND stored_at IS NULL").param(runId).update();
            });
        }
        return abandoned.size();
    }
}
