package org.kaohe.rules;

import java.time.Duration;
import java.util.Optional;

import org.kaohe.records.PeriodRecords;
import org.kaohe.scoring.EvaluationOutcome;

/**
 * A period's current import the caller has just read (and checked against its seals), lent to a
 * check's trial so that the trial does not read it again; the trial leaves here what the draft
 * made of it.
 *
 * <p>Why: on a fresh database the first evaluation publishes the default rulebook, whose trial
 * evaluates the very records the evaluation then evaluates under the very same book. The engine
 * is a function of the book and the records, so that trial's outcome is the evaluation's: the
 * evaluation stores it instead of running every department's sessions a second time (at 100,000
 * cadres a whole engine pass, some 15 CPU seconds).
 */
public final class LoadedPeriod {

    /** The outcome of one trial over the records, and how long its engine took. */
    public record Tried(EvaluationOutcome outcome, Duration took) {}

    private final PeriodRecords records;
    private volatile Tried tried;

    public LoadedPeriod(PeriodRecords records) {
        this.records = records;
    }

    public PeriodRecords records() {
        return records;
    }

    /** A trial evaluated these records under a draft (the outcome names the draft's version). */
    void tried(EvaluationOutcome outcome, Duration took) {
        this.tried = new Tried(outcome, took);
    }

    /** The outcome a trial made of these records under rulebook {@code version}, if one did. */
    public Optional<Tried> triedUnder(String version) {
        return Optional.ofNullable(tried).filter(t -> t.outcome().rulebookVersion().equals(version)
                && t.outcome().importId() == records.importId());
    }
}
