package org.kaohe.errors;

import java.util.Locale;
import java.util.Optional;

/**
 * A failure whose message is typed ({@link Message}), so each face words it in its reader's
 * language: the page's locale, the API request's {@code Accept-Language}, the command line's
 * {@code --lang}. {@link Throwable#getMessage()} gives both languages, for a reader not known (a
 * log line). What the message names (a kind of work, a stale reason) is among its arguments,
 * worded in the same language ({@link Wording}).
 */
public interface Worded {

    /** The typed message; empty for a message given as finished text. */
    Optional<Message> message();

    String getMessage();

    /**
     * The message in the reader's language: the typed one worded for {@code locale} (both languages
     * for a null locale, the reader's language not known), else the text as given.
     */
    default String getMessage(Locale locale) {
        return locale == null ? getMessage()
                : message().map(m -> MessageText.of(m, locale)).orElseGet(this::getMessage);
    }
}
