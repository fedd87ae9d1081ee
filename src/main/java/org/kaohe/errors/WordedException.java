package org.kaohe.errors;

import java.util.Optional;

/**
 * A refusal of work whose message is typed ({@link Worded}): the one shape of
 * {@link EvaluationException}, {@link ConflictException}, {@link BusyException} and
 * {@link WorkStoppedException}, which differ only in what each face answers them with.
 */
public abstract class WordedException extends RuntimeException implements Worded {

    private final transient Message typed;

    protected WordedException(Message message, Throwable cause) {
        super(MessageText.bilingual(message), cause);
        this.typed = message;
    }

    @Override
    public Optional<Message> message() {
        return Optional.of(typed);
    }
}
