package org.kaohe.evaluation;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.kaohe.audit.AuditLog;
import org.kaohe.errors.EvaluationException;
import org.kaohe.errors.Message;
import org.kaohe.errors.Wording;
import org.kaohe.imports.ImportRepository;
import org.kaohe.records.Period;
import org.kaohe.records.PeriodRecords;
import org.kaohe.records.SubjectType;
import org.kaohe.results.RunRepository;
import org.kaohe.rules.CompiledRulebook;
import org.kaohe.rules.LoadedPeriod;
import org.kaohe.rules.RulebookInvalidException;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.engine.RunLimits;
import org.kaohe.rules.engine.RunStoppedException;
import org.kaohe.scoring.EvaluationOutcome;
import org.kaohe.scoring.EvaluationProgress;
import org.kaohe.scoring.Grade;
import org.kaohe.scoring.SubjectResult;
import org.springframework.stereotype.Service;

/**
 * Evaluates a period: its current import through the published rulebook, stored as one new,
 * sealed run. The rules run outside any database transaction; the run is stored in batches and
 * appears only when complete (see {@link RunRepository}).
 */
@Service
public class EvaluationService {

    /** What the caller is told about a new run. */
    public record RunSummary(long runId, Period period, String rulebookVersion, long importId, int cadres,
                             int departments, Map<Grade, Integer> cadreGrades, Duration duration) {}

    private final ImportRepository imports;
    private final RulebookService rulebooks;
    private final RunRepository runs;
    private final AuditLog auditLog;
    private final RunLimits limits;

    EvaluationService(ImportRepository imports, RulebookService rulebooks, RunRepository runs, AuditLog auditLog,
                      RunLimits limits) {
        this.imports = imports;
        this.rulebooks = rulebooks;
        this.runs = runs;
        this.auditLog = auditLog;
        this.limits = limits;
    }

    /**
     * Throws {@link EvaluationException} when the period has no import, or no rulebook is published
     * and the default one cannot be.
     */
    public RunSummary evaluate(Period period, String who) {
        return evaluate(period, who, EvaluationProgress.NONE);
    }

    /** As {@link #evaluate(Period, String)}, telling {@code progress} how far it has come. */
    public RunSummary evaluate(Period period, String who, EvaluationProgress progress) {
        return evaluate(period, who, progress, () -> false);
    }

    /**
     * As {@link #evaluate(Period, String, EvaluationProgress)}, stopping with an
     * {@link EvaluationException} when {@code cancelled} turns true or the run passes its limits
     * ({@code kaohe.evaluation.max-seconds}, {@code kaohe.evaluation.max-firings-per-session}).
     */
    public RunSummary evaluate(Period period, String who, EvaluationProgress progress, BooleanSupplier cancelled) {
        try {
            return evaluateLogged(period, who, progress, cancelled);
        } catch (RuntimeException e) {
            // A refused or failed evaluation is part of the record too: who tried, what, and why.
            // Kaohe's own reasons are recorded as they are; anything else by its kind only (never its SQL).
            boolean ours = e instanceof EvaluationException || e instanceof org.kaohe.errors.InvalidInputException;
            auditLog.record(who, "EVALUATE_FAILED", Map.of("period", period.toString(),
                    "reason", ours && e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()));
            throw e;
        }
    }

    private RunSummary evaluateLogged(Period period, String who, EvaluationProgress progress, BooleanSupplier cancelled) {
        progress.report(0.02, Message.of("progress.loading"));
        LoadedPeriod loaded = new LoadedPeriod(currentRecords(period));
        progress.report(0.10, Message.of("progress.rulebook"));
        CompiledRulebook rulebook = publishedRulebook(who, loaded);
        OffsetDateTime startedAt = OffsetDateTime.now();
        LoadedPeriod.Tried tried = loaded.triedUnder(rulebook.version())
                .orElseGet(() -> engine(rulebook, loaded.records(), progress, cancelled));
        EvaluationOutcome outcome = tried.outcome();
        progress.report(0.85, Message.of("progress.storing"));
        // The run is written in batches and made visible, with its audit line, in one last transaction.
        long runId = runs.insert(outcome, who, startedAt, tried.took().toMillis(), id -> {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("period", period.toString());
            detail.put("run", id);
            detail.put("importVersion", imports.version(outcome.importId()).map(String::valueOf).orElse("?"));
            detail.put("rulebook", rulebook.version());
            detail.put("subjects", outcome.subjects().size());
            auditLog.record(who, "EVALUATE", detail);
        });
        return summary(runId, outcome, tried.took());
    }

    /**
     * The engine's pass over the records. Not run when publishing the default rulebook just now
     * tried that very book on these records ({@link LoadedPeriod}): its outcome is the same.
     */
    private LoadedPeriod.Tried engine(CompiledRulebook rulebook, PeriodRecords records, EvaluationProgress progress,
                                      BooleanSupplier cancelled) {
        long start = System.nanoTime();
        try {
            EvaluationOutcome outcome = rulebook.evaluate(records, progress.within(0.15, 0.80),
                    limits.withCancellation(cancelled));
            return new LoadedPeriod.Tried(outcome, Duration.ofNanos(System.nanoTime() - start));
        } catch (RunStoppedException e) {
            throw new EvaluationException(e.message().orElseThrow());
        }
    }

    PeriodRecords currentRecords(Period period) {
        return imports.loadCurrent(period).orElseThrow(() -> new EvaluationException(
                Message.of("state.nothingImported", period.toString())));
    }

    /** The id of the period's current import, if any (what a new run of the period would use). */
    java.util.Optional<Long> currentImportId(Period period) {
        return imports.currentImportId(period);
    }

    /**
     * The published rulebook, publishing the default one first on a fresh database: its trial is
     * run on {@code records}, just read, rather than on the same import read again, and leaves its
     * outcome there.
     */
    private CompiledRulebook publishedRulebook(String who, LoadedPeriod records) {
        try {
            return rulebooks.currentOrDefault(who, java.util.Optional.of(records));
        } catch (RulebookInvalidException e) {
            throw new EvaluationException(Message.of("state.defaultRulebookInvalid.problems",
                    Wording.joined(e.problems().stream().map(p -> (Wording) p::located).toList(), "\n")));
        }
    }

    private static RunSummary summary(long runId, EvaluationOutcome outcome, Duration duration) {
        Map<Grade, Integer> grades = new LinkedHashMap<>(); // in the scale's order, best first
        outcome.scale(SubjectType.CADRE).grades().forEach(g -> grades.put(g, 0));
        int cadres = 0;
        for (SubjectResult s : outcome.subjects()) {
            if (s.subjectType() == SubjectType.CADRE) {
                cadres++;
                grades.merge(s.finalGrade(), 1, Integer::sum);
            }
        }
        return new RunSummary(runId, outcome.period(), outcome.rulebookVersion(), outcome.importId(), cadres,
                outcome.subjects().size() - cadres, grades, duration);
    }
}
