package org.kaohe.errors;

/**
 * How an answer quotes what a user sent: bad input is echoed (so the user sees what was refused)
 * but cut to {@link #MAX_CHARS} characters, so that a megabyte of bad parameter never comes back
 * as a megabyte of answer; and no error message an answer carries is longer than
 * {@link #MAX_MESSAGE_CHARS}.
 */
public final class Echo {

    /** Characters of one piece of the user's input quoted in a message. */
    public static final int MAX_CHARS = 200;

    /** Characters of one error message in an answer (its problems are listed apart, each within this too). */
    public static final int MAX_MESSAGE_CHARS = 2_000;

    private Echo() {}

    /** The input as a message quotes it: whole when short, else its first 200 characters and its length. */
    public static String of(Object input) {
        String text = String.valueOf(input);
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        return text.substring(0, MAX_CHARS) + "…(共 " + text.length() + " 个字符 / " + text.length() + " characters)";
    }

    /** A message as an answer carries it: at most {@link #MAX_MESSAGE_CHARS} characters. */
    public static String message(String message) {
        if (message == null || message.length() <= MAX_MESSAGE_CHARS) {
            return message;
        }
        return message.substring(0, MAX_MESSAGE_CHARS) + "…";
    }
}
