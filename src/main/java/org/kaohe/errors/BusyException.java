package org.kaohe.errors;

/**
 * The server already runs as much heavy work as it may (imports, checks, replays, exports of a
 * whole run): the request was not started. Faces answer 503 with {@code Retry-After}, the message
 * worded in the reader's language ({@link Worded}); nothing was changed, and the same request can
 * simply be sent again later.
 */
public class BusyException extends WordedException {

    private final long retryAfterSeconds;

    /** {@code message} names the kind of work (the work kind's label), a message within it. */
    public BusyException(Message message, long retryAfterSeconds) {
        super(message, null);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
