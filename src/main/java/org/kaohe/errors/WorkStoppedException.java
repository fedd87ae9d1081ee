package org.kaohe.errors;

/**
 * Heavy work stopped before its end because its owner cancelled it or it passed its time limit;
 * whatever it would have stored was not stored. Faces answer 409 with the message (which says
 * which), worded in the reader's language ({@link Worded}).
 */
public class WorkStoppedException extends WordedException {

    /** {@code message} names the kind of work, a message within it. */
    public WorkStoppedException(Message message, Throwable cause) {
        super(message, cause);
    }
}
