package org.kaohe.rules.engine;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.springframework.modulith.NamedInterface;

/**
 * What one evaluation may spend: a time limit for the whole run, a limit on rule firings in one
 * session, a way to be cancelled, and the threads it runs on. An evaluation that passes a limit
 * stops with a message instead of holding a worker (and everyone's jobs behind it); the limits
 * are looked at in every phase: between sessions, every 256 firings, while facts are collected
 * and while lines are sorted.
 */
@NamedInterface("engine") // one of the few engine types other modules use; the rest is internal
public record RunLimits(Duration maxTime, long maxFiringsPerSession, BooleanSupplier cancelled, Lane lane) {

    /**
     * The engine's threads a run's sessions share. Stored evaluations have theirs, and checks
     * (validate, publish, simulate, replay, scenario cases) theirs: a leader's check, however large,
     * never holds the threads HR's evaluation waits for.
     */
    @NamedInterface("engine")
    public enum Lane { EVALUATION, CHECK }

    /** Generous defaults for a check: a 100,000-cadre quarter takes well under a minute and ~20 firings per record. */
    public static final RunLimits DEFAULT = new RunLimits(Duration.ofMinutes(10), 5_000_000, () -> false, Lane.CHECK);

    /** Limits on the check lane. */
    public RunLimits(Duration maxTime, long maxFiringsPerSession, BooleanSupplier cancelled) {
        this(maxTime, maxFiringsPerSession, cancelled, Lane.CHECK);
    }

    public RunLimits withCancellation(BooleanSupplier cancelled) {
        return new RunLimits(maxTime, maxFiringsPerSession, cancelled, lane);
    }

    /** These limits for a check: on the check lane, cancelled when {@code cancelled} says, within {@code maxTime} at most. */
    public RunLimits forCheck(BooleanSupplier cancelled, Duration maxTime) {
        return new RunLimits(maxTime.compareTo(this.maxTime) < 0 ? maxTime : this.maxTime, maxFiringsPerSession,
                cancelled, Lane.CHECK);
    }
}
