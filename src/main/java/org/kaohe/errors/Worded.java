package org.kaohe.errors;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * A failure whose message is typed ({@link Message}), so each face words it in its reader's
 * language: the page's locale, the API request's {@code Accept-Language}, the command line's
 * {@code --lang}. {@link Throwable#getMessage()} gives both languages, for a reader not known (a
 * log line). A message may name other messages (a kind of work, a stale reason), each worded in
 * the reader's language too: hence a message per language, not one.
 */
public interface Worded {

    /** The message for a reader of {@code locale}; empty for a message given as finished text. */
    Optional<Message> message(Locale locale);

    String getMessage();

    /**
     * The message in the reader's language: the typed one worded for {@code locale} (both languages
     * for a null locale, the reader's language not known), else the text as given.
     */
    default String getMessage(Locale locale) {
        return locale == null ? getMessage()
                : message(locale).map(m -> MessageText.of(m, locale)).orElseGet(this::getMessage);
    }

    /** The typed message, for a test to check its key; empty for a message given as finished text. */
    default Optional<Message> message() {
        return message(Locale.SIMPLIFIED_CHINESE);
    }

    /** In the reader's language, each wording with what it names in it; both languages for a null reader. */
    static String forReader(Function<Locale, Message> message, Locale reader) {
        return reader == null ? bilingual(message) : MessageText.of(message.apply(reader), reader);
    }

    /** {@code 中文 / English}, each wording with what it names in its own language. */
    static String bilingual(Function<Locale, Message> message) {
        return MessageText.of(message.apply(Locale.SIMPLIFIED_CHINESE), Locale.SIMPLIFIED_CHINESE) + " / "
                + MessageText.of(message.apply(Locale.ENGLISH), Locale.ENGLISH);
    }
}
