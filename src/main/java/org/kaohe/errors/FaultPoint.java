package org.kaohe.errors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Named moments inside long writes (an import's first batch, a run's first batch) at which a fault
 * test can stop the process, every time, on a fast or a loaded machine: started with
 * {@code -Dkaohe.fault.pause-at=NAME -Dkaohe.fault.barrier=FILE}, the process writes FILE when it
 * reaches NAME and then waits there until it is killed. Without both properties (always, outside
 * such a test) a point does nothing. Only whoever starts the JVM can set them, so a user of the
 * running service cannot.
 */
public enum FaultPoint {

    /** An import has written its first batch of records, uncommitted, in its one transaction. */
    IMPORT_FIRST_BATCH("import-first-batch"),
    /** An evaluation has committed its run's first batch of subjects; the run is not visible yet. */
    RUN_FIRST_BATCH("run-first-batch");

    public static final String PAUSE_AT = "kaohe.fault.pause-at";
    public static final String BARRIER = "kaohe.fault.barrier";

    private final String key;

    FaultPoint(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** Pauses here for good when this JVM was started to pause at this point; else returns at once. */
    public void reached() {
        String barrier = System.getProperty(BARRIER);
        if (barrier == null || !key.equals(System.getProperty(PAUSE_AT))) {
            return;
        }
        try {
            Files.writeString(Path.of(barrier), key);
            while (true) {
                Thread.sleep(60_000);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while paused at " + key, e);
        }
    }
}
