package org.kaohe.errors;

/**
 * The request is well-formed but collides with work in progress (a second import of a period
 * while one runs): nothing was changed. Faces answer 409 with the message, worded in the reader's
 * language ({@link Worded}).
 */
public class ConflictException extends WordedException {

    public ConflictException(Message message) {
        this(message, null);
    }

    public ConflictException(Message message, Throwable cause) {
        super(message, cause);
    }
}
