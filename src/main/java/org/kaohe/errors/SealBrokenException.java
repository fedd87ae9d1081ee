package org.kaohe.errors;

import java.util.List;
import java.util.Locale;

/**
 * Stored input does not match its seal: an import version's records or a rulebook version's files
 * were changed, added or deleted behind Kaohe's back (or sealed under another key). The work that
 * needed them is refused, naming each row found; the command line exits 3, as for an altered run.
 * Typed: a summary and the problems, each a {@link Message} the face words in its reader's language
 * ({@link #getMessage(Locale)}); {@link #getMessage()} gives both languages.
 */
public class SealBrokenException extends RuntimeException {

    /** How many problems the message lists; the rest are counted. */
    public static final int LISTED = 20;

    private final transient Message summary;
    private final transient List<Message> problems;

    public SealBrokenException(Message summary, List<Message> problems) {
        super(text(summary, problems, null));
        this.summary = summary;
        this.problems = List.copyOf(problems);
    }

    /** What was refused, and why. */
    public Message summary() {
        return summary;
    }

    /** Every problem found, each naming its row or file. */
    public List<Message> problems() {
        return problems;
    }

    /** The summary, then the first {@link #LISTED} problems on their lines, worded for {@code locale} (both languages for null). */
    public String getMessage(Locale locale) {
        return text(summary, problems, locale);
    }

    /** The summary and the problems as another message names them ({@link #getMessage(Locale)} in its language). */
    public Wording wording() {
        return this::getMessage;
    }

    private static String text(Message summary, List<Message> problems, Locale locale) {
        StringBuilder text = new StringBuilder(MessageText.forReader(summary, locale));
        problems.stream().limit(LISTED).forEach(p -> text.append("\n  ").append(MessageText.forReader(p, locale)));
        if (problems.size() > LISTED) {
            text.append("\n  ").append(MessageText.forReader(
                    Message.of("seal.broken.more", Integer.toString(problems.size() - LISTED)), locale));
        }
        return text.toString();
    }
}
