package org.kaohe.work;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Work handed to another thread, waited for as if it had run on the caller's: its result, or what
 * it threw, thrown here as it was thrown there (an unchecked failure as is, an error as is, a
 * checked one wrapped), so that a refusal's message reaches its reader unchanged.
 */
public final class Futures {

    private Futures() {
    }

    /** The future's result; {@code work} names it in the failure of an interrupted wait. */
    public static <T> T await(Future<T> future, String work) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw asThrown(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(work + " interrupted", e);
        }
    }

    /** What another thread's work threw, to throw on this one as it was (an error is thrown at once). */
    public static RuntimeException asThrown(Throwable cause) {
        if (cause instanceof RuntimeException unchecked) {
            return unchecked;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }
}
