package org.kaohe.errors;

import java.util.Locale;
import java.util.function.Function;

/**
 * An evaluation that cannot start: nothing imported for the period, or no rulebook published. Its
 * message is typed ({@link Worded}): each face words it in its reader's language.
 */
public class EvaluationException extends WordedException {

    public EvaluationException(Message message) {
        this(locale -> message);
    }

    /** A message naming other messages, each worded in the reader's language. */
    public EvaluationException(Function<Locale, Message> message) {
        super(message, null);
    }
}
