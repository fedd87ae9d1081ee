package org.kaohe.scoring;

import java.util.List;
import java.util.Objects;

/**
 * Why a line gives its points, in no language: a key of the reasons bundle and its arguments.
 * An argument is a {@link String} (a number in plain form such as {@code 2}, {@code 0.5} or
 * {@code +3}; a title, note or rulebook name as recorded) or a {@link Reason} of its own, worded
 * in the same language (a clause such as the condition of an annual gate). {@link ReasonText}
 * words it in Chinese or English when it is shown, so a stored run reads in the reader's language.
 *
 * <p>Runs stored before reasons were typed hold Chinese text frozen at evaluation: such a reason
 * has the key {@link #FROZEN} and the text as its one argument, and reads the same in every language.
 */
public record Reason(String key, List<Object> args) {

    /** The key of a reason stored as finished text. */
    public static final String FROZEN = "text";

    public Reason {
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
        for (Object arg : args) {
            if (!(arg instanceof String) && !(arg instanceof Reason)) {
                throw new IllegalArgumentException("a reason's argument is text or a reason: " + arg.getClass());
            }
        }
    }

    public static Reason of(String key, Object... args) {
        return new Reason(key, List.of(args));
    }

    /** A reason kept as the text it was stored with. */
    public static Reason frozen(String text) {
        return new Reason(FROZEN, List.of(text));
    }

    public boolean isFrozen() {
        return FROZEN.equals(key);
    }

    /** The text of a frozen reason. */
    public String frozenText() {
        return (String) args.get(0);
    }

    /** The characters of its text arguments, clauses included: what storing it costs. */
    public int length() {
        return args.stream().mapToInt(a -> a instanceof Reason r ? r.length() : ((String) a).length()).sum();
    }

    /** Every text argument longer than {@code limit} cut to it, ending in {@code mark}. */
    public Reason cut(int limit, String mark) {
        return new Reason(key, args.stream().map(a -> a instanceof Reason r ? r.cut(limit, mark) : cut((String) a, limit, mark))
                .toList());
    }

    private static Object cut(String text, int limit, String mark) {
        return text.length() <= limit ? text : text.substring(0, Math.max(0, limit - mark.length())) + mark;
    }
}
