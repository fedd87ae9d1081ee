package org.kaohe.errors;

import java.util.List;

/**
 * Stored input does not match its seal: an import version's records or a rulebook version's files
 * were changed, added or deleted behind Kaohe's back (or sealed under another key). The work that
 * needed them is refused, naming each row found; the command line exits 3, as for an altered run.
 */
public class SealBrokenException extends RuntimeException {

    /** How many problems the message lists; the rest are counted. */
    public static final int LISTED = 20;

    private final transient List<String> problems;

    public SealBrokenException(String what, List<String> problems) {
        super(what + problems.stream().limit(LISTED).map(p -> "\n  " + p).reduce("", String::concat)
                + (problems.size() > LISTED ? "\n  … 另有 " + (problems.size() - LISTED) + " 处 / " + (problems.size() - LISTED)
                + " more" : ""));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, each naming its row or file. */
    public List<String> problems() {
        return problems;
    }
}
