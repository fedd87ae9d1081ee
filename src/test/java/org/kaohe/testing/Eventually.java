package org.kaohe.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waiting on a condition, never for a fixed time: polls until the condition holds and fails with
 * a description of what was awaited (and what was last seen) when it does not within the patience.
 * The patience is a safety net for a hung test, not a speed requirement.
 */
public final class Eventually {

    /** Long enough for a loaded shared machine; a test that waits this long has hung. */
    public static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final long POLL_MILLIS = 20;

    private Eventually() {}

    /** Waits until {@code condition} holds. */
    public static void until(String what, BooleanSupplier condition) {
        until(what, PATIENCE, condition);
    }

    public static void until(String what, Duration patience, BooleanSupplier condition) {
        value(what, patience, () -> condition.getAsBoolean() ? Boolean.TRUE : null, () -> "");
    }

    /**
     * Waits until {@code probe} gives a value (not null) and returns it; {@code lastSeen} describes
     * the state in the failure message.
     */
    public static <T> T value(String what, Duration patience, Supplier<T> probe, Supplier<String> lastSeen) {
        long deadline = System.nanoTime() + patience.toNanos();
        long pause = 1;
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + patience.toSeconds() + " s for " + what + ", in vain. " + lastSeen.get());
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
            pause = Math.min(POLL_MILLIS, pause * 2);
        }
    }
}
