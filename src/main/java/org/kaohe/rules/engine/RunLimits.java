package org.kaohe.rules.engine;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * What one evaluation may spend: a time limit for the whole run, a limit on rule firings in one
 * session, and a way to be cancelled. An evaluation that passes a limit stops with a message
 * instead of holding a worker (and everyone's jobs behind it).
 */
public record RunLimits(Duration maxTime, long maxFiringsPerSession, BooleanSupplier cancelled) {

    /** Generous defaults: a 100,000-cadre quarter takes well under a minute and ~20 firings per record. */
    public static final RunLimits DEFAULT = new RunLimits(Duration.ofMinutes(10), 5_000_000, () -> false);

    public RunLimits withCancellation(BooleanSupplier cancelled) {
        return new RunLimits(maxTime, maxFiringsPerSession, cancelled);
    }
}
