package org.kaohe.errors;

import java.util.Locale;
import java.util.Objects;

/**
 * A name a message gives something as each language shows it: a column's Chinese title and, to an
 * English reader, its header or code; a table's Chinese title and its file name; an enumeration's
 * Chinese label and its code. As an argument it is one value worded in the language of the message
 * around it ({@link Wording}), so a pattern names the thing once, at the same index in both bundles,
 * instead of taking the Chinese at one index and the English at another. Made where the names are
 * defined (the column's, the table's, the enumeration's own), never from a second list of titles.
 */
public record Label(String chinese, String english) implements Wording {

    public Label {
        Objects.requireNonNull(chinese, "chinese");
        Objects.requireNonNull(english, "english");
    }

    /** The English text for an English reader, else the Chinese. */
    @Override
    public String in(Locale locale) {
        return MessageText.english(locale) ? english : chinese;
    }

    /** {@code 中文 / English}, as a message's arguments are listed where its key is shown (a test, a log). */
    @Override
    public String toString() {
        return chinese + " / " + english;
    }
}
