package org.kaohe.errors;

/**
 * The server already runs as much heavy work as it may (imports, checks, replays, exports of a
 * whole run): the request was not started. Faces answer 503 with {@code Retry-After} (a page says
 * so in Chinese); nothing was changed, and the same request can simply be sent again later.
 */
public class BusyException extends RuntimeException {

    private final long retryAfterSeconds;

    public BusyException(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
