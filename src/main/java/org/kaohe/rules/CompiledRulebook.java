package org.kaohe.rules;

import org.kaohe.records.ItemRegistry;
import org.kaohe.records.PeriodRecords;
import org.kaohe.rules.book.Rulebook;
import org.kaohe.rules.engine.PeriodEvaluation;
import org.kaohe.rules.engine.RunLimits;
import org.kaohe.scoring.EvaluationOutcome;
import org.kaohe.scoring.EvaluationProgress;

/**
 * A rulebook ready to evaluate periods: its version (content hash of its files), its files and
 * its tables read. Immutable and safe to share between threads; each evaluation opens and
 * disposes its own sessions.
 */
public final class CompiledRulebook {

    private final RulebookSource source;
    private final String version;
    private final Rulebook book;

    CompiledRulebook(RulebookSource source, Rulebook book) {
        this.source = source;
        this.version = source.version();
        this.book = book;
    }

    /** {@code sha256:} and the 64 hex digits of the files' names and contents (see {@link RulebookSource#version()}). */
    public String version() {
        return version;
    }

    /** The first 12 hex digits of the version, for display. */
    public String shortVersion() {
        return RulebookSource.shortVersion(version);
    }

    public RulebookSource source() {
        return source;
    }

    /** The tables, read and checked. */
    public Rulebook book() {
        return book;
    }

    /** The kinds and levels events.csv may use under this rulebook. */
    public ItemRegistry registry() {
        return book.registry();
    }

    /**
     * Scores, grades and ranks every cadre and department of the period, with explanation lines
     * that add up to each score. Pure: reads only the records, stores nothing.
     */
    public EvaluationOutcome evaluate(PeriodRecords records) {
        return evaluate(records, EvaluationProgress.NONE, RunLimits.DEFAULT);
    }

    /** As {@link #evaluate(PeriodRecords)}, telling {@code progress} after each department's session. */
    public EvaluationOutcome evaluate(PeriodRecords records, EvaluationProgress progress) {
        return evaluate(records, progress, RunLimits.DEFAULT);
    }

    /** As {@link #evaluate(PeriodRecords, EvaluationProgress)}, within {@code limits} (time, firings, cancellation). */
    public EvaluationOutcome evaluate(PeriodRecords records, EvaluationProgress progress, RunLimits limits) {
        return new PeriodEvaluation(book, limits).run(records, version, progress);
    }
}
