package org.kaohe.errors;

import java.util.Locale;
import java.util.function.Function;

/**
 * Heavy work stopped before its end because its owner cancelled it or it passed its time limit;
 * whatever it would have stored was not stored. Faces answer 409 with the message (which says
 * which), worded in the reader's language ({@link Worded}).
 */
public class WorkStoppedException extends WordedException {

    /** {@code message} per reader's language: it names the work, worded in that language too. */
    public WorkStoppedException(Function<Locale, Message> message, Throwable cause) {
        super(message, cause);
    }
}
