package org.kaohe.errors;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a message may name that has a wording of its own: another {@link Message} (a kind of work,
 * a seal status, an import's summary), a {@link Label} (a column, a table, a choice: its Chinese and
 * what an English reader sees), or a text worded elsewhere (a stale reason, a list of rulebook problems). As an argument of a message it is worded in the language the message is
 * worded in ({@link MessageText#of}), so a message naming another is one message in no language,
 * however deep the naming goes.
 */
public interface Wording {

    /** The wording in {@code locale}'s language (never null: Chinese for any language but English). */
    String in(Locale locale);

    /** The items each worded in the one language, between them {@code separator} (the same in both: "; ", a new line). */
    static Wording joined(List<? extends Wording> items, String separator) {
        List<Wording> copy = List.copyOf(items);
        return locale -> copy.stream().map(w -> w.in(locale)).collect(Collectors.joining(separator));
    }
}
