package org.kaohe.rules.engine;

import java.util.Optional;

import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.kaohe.errors.Worded;
import org.springframework.modulith.NamedInterface;

/**
 * An evaluation stopped at a limit or by cancellation; the message says which: typed ({@link Message},
 * worded per reader), its {@link #getMessage()} in Chinese and English for a reader whose language is
 * not known.
 */
@NamedInterface("engine") // one of the few engine types other modules use; the rest is internal
public class RunStoppedException extends RuntimeException implements Worded {

    private final transient Message typed;

    public RunStoppedException(Message message) {
        super(MessageText.bilingual(message));
        this.typed = message;
    }

    @Override
    public Optional<Message> message() {
        return Optional.of(typed);
    }
}
