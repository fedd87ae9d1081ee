package org.kaohe.errors;

import java.util.Locale;
import java.util.function.Function;

/**
 * The request is well-formed but collides with work in progress (a second import of a period
 * while one runs): nothing was changed. Faces answer 409 with the message, worded in the reader's
 * language ({@link Worded}).
 */
public class ConflictException extends WordedException {

    public ConflictException(Message message) {
        this(locale -> message, null);
    }

    /** A message naming other messages (the work that runs), each worded in the reader's language. */
    public ConflictException(Function<Locale, Message> message, Throwable cause) {
        super(message, cause);
    }
}
