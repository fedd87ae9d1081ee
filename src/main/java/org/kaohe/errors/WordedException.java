package org.kaohe.errors;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * A refusal of work whose message is typed per reader's language ({@link Worded}): the one shape of
 * {@link EvaluationException}, {@link ConflictException}, {@link BusyException} and
 * {@link WorkStoppedException}, which differ only in what each face answers them with.
 */
public abstract class WordedException extends RuntimeException implements Worded {

    private final transient Function<Locale, Message> typed;

    /** {@code message} per reader's language: what it names (a kind of work, a reason) worded in that language too. */
    protected WordedException(Function<Locale, Message> message, Throwable cause) {
        super(Worded.bilingual(message), cause);
        this.typed = message;
    }

    @Override
    public Optional<Message> message(Locale locale) {
        return Optional.of(typed.apply(locale));
    }
}
