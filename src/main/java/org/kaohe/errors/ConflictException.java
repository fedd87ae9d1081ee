package org.kaohe.errors;

/**
 * The request is well-formed but collides with work in progress (a second import of a period
 * while one runs): nothing was changed. Faces answer 409 with the message.
 */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }

    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
