package org.kaohe.errors;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What Kaohe tells a person, in no language: a key of the messages bundle
 * ({@code messages.properties}, Chinese, and {@code messages_en.properties}, the pages' bundle) and its
 * arguments, text shown as given (names, codes, and numbers already written, so no format regroups
 * 2026 as 2,026). Each face words it in its reader's language with
 * {@link MessageText}: the page's locale, the API request's {@code Accept-Language}, the command
 * line's {@code LANG}. Tests assert the key, not the wording.
 */
public record Message(String key, List<String> args) {

    public Message {
        Objects.requireNonNull(key, "key");
        // A missing value (a form field not sent) is shown empty rather than failing the message.
        args = args.stream().map(a -> a == null ? "" : a).toList();
    }

    public static Message of(String key, String... args) {
        return new Message(key, Arrays.asList(args));
    }

    /** A message whose arguments are values shown as {@link String#valueOf} writes them (numbers ungrouped). */
    public static Message ofValues(String key, Object... args) {
        return new Message(key, Arrays.stream(args).map(String::valueOf).toList());
    }
}
