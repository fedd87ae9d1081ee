package org.kaohe.errors;

import java.util.Optional;

/**
 * What a user sent is wrong (a malformed period, an unknown grade, a password the policy refuses):
 * the message says what and where, typed ({@link Message}: each face words it in its reader's
 * language) or, where not yet converted, as finished text, Chinese first with English beside. Each
 * face maps it to its answer for bad input (400 on the pages and the API, exit 2 on the command line). Any other
 * {@link IllegalArgumentException} is a defect of Kaohe's, answered as an internal error, so a bug
 * is never shown to a user as their mistake.
 */
public class InvalidInputException extends IllegalArgumentException implements Worded {

    /** The typed message, when the thrower gave one; null for a message given as finished text. */
    private final transient Message typed;

    public InvalidInputException(String message) {
        super(message);
        this.typed = null;
    }

    /** A message each face words in its reader's language; {@link #getMessage()} gives both languages. */
    public InvalidInputException(Message message) {
        super(MessageText.bilingual(message));
        this.typed = message;
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
        this.typed = null;
    }

    @Override
    public Optional<Message> message() {
        return Optional.ofNullable(typed);
    }
}
