package org.kaohe.errors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Named moments inside long work (an import's first batch, a run's first batch, a rulebook check's
 * trial) at which a fault or race test holds the process, every time, on a fast or a loaded
 * machine: started with {@code -Dkaohe.fault.pause-at=NAME -Dkaohe.fault.barrier=FILE}, the process
 * writes FILE when it reaches NAME and then waits there until it is killed, or until the test
 * removes FILE; then it goes on, and never holds again for that FILE. Without both
 * properties (always, outside such a test) a point does nothing. Only whoever starts the JVM can set
 * them, so a user of the running service cannot.
 */
public enum FaultPoint {

    /** An import has written its first batch of records, uncommitted, in its one transaction. */
    IMPORT_FIRST_BATCH("import-first-batch"),
    /** An evaluation has committed its run's first batch of subjects; the run is not visible yet. */
    RUN_FIRST_BATCH("run-first-batch"),
    /** A rulebook check (or publication) is about to try the draft on the first imported period. */
    CHECK_TRIAL("check-trial");

    public static final String PAUSE_AT = "kaohe.fault.pause-at";
    public static final String BARRIER = "kaohe.fault.barrier";

    private final String key;

    FaultPoint(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** Barrier files their test removed: a point never holds again for them. */
    private static final java.util.Set<String> RELEASED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Holds here when this JVM was started to pause at this point: until killed, or until the
     * barrier file is removed. Else returns at once.
     */
    public void reached() {
        String barrier = System.getProperty(BARRIER);
        if (barrier == null || !key.equals(System.getProperty(PAUSE_AT)) || RELEASED.contains(barrier)) {
            return;
        }
        try {
            Path file = Path.of(barrier);
            Files.writeString(file, key);
            while (Files.exists(file)) {
                Thread.sleep(20);
            }
            RELEASED.add(barrier);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while paused at " + key, e);
        }
    }
}
