package org.kaohe.errors;

/**
 * Heavy work stopped before its end because its owner cancelled it or it passed its time limit;
 * whatever it would have stored was not stored. Faces answer 409 with the message (which says which).
 */
public class WorkStoppedException extends RuntimeException {

    public WorkStoppedException(String message, Throwable cause) {
        super(message, cause);
    }
}
