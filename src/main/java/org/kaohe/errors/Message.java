package org.kaohe.errors;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What Kaohe tells a person, in no language: a key of the messages bundle
 * ({@code messages.properties}, Chinese, and {@code messages_en.properties}, the pages' bundle) and its
 * arguments, text shown as given (names, codes, and numbers already written, so no format regroups
 * 2026 as 2,026). Each face words it in its reader's language with
 * {@link MessageText}: the page's locale, the API request's {@code Accept-Language}, the command
 * line's {@code LANG}. Tests assert the key, not the wording.
 *
 * <p>An argument is text, or what has a wording of its own ({@link Wording}): another message (a
 * kind of work inside "busy", an import's summary inside "input problem"), or a {@link Label} (a
 * column, a table, a choice as each language names it), worded in the same language as this one,
 * however deeply nested. So each pattern takes each argument once, in both bundles at the same index.
 */
public record Message(String key, List<Object> args) implements Wording {

    public Message {
        Objects.requireNonNull(key, "key");
        // A missing value (a form field not sent) is shown empty rather than failing the message.
        args = args.stream().map(Message::argument).toList();
    }

    /** A message whose arguments are texts or {@link Wording}s (other messages). */
    public static Message of(String key, Object... args) {
        return new Message(key, Arrays.asList(args));
    }

    /**
     * A message whose arguments are values shown as {@link String#valueOf} writes them (numbers
     * ungrouped); a {@link Wording} among them stays one.
     */
    public static Message ofValues(String key, Object... args) {
        return new Message(key, Arrays.stream(args).map(a -> a instanceof Wording ? a : String.valueOf(a)).toList());
    }

    /** The arguments, each {@link Wording} among them worded in {@code locale}'s language, the texts as they are. */
    public List<Object> argsWordedIn(Locale locale) {
        return args.stream().map(a -> a instanceof Wording inner ? (Object) inner.in(locale) : a).toList();
    }

    /** This message worded in {@code locale}'s language ({@link MessageText#of}). */
    @Override
    public String in(Locale locale) {
        return MessageText.of(this, locale);
    }

    private static Object argument(Object arg) {
        if (arg == null) {
            return "";
        }
        if (arg instanceof String || arg instanceof Wording) {
            return arg;
        }
        // A number through MessageFormat would be grouped (2,026): values go through ofValues.
        throw new IllegalArgumentException("a message's argument is a text or a wording, not " + arg.getClass().getName()
                + ": Message.ofValues writes values");
    }
}
