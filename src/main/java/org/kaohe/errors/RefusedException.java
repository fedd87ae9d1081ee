package org.kaohe.errors;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a user sent was refused whole, for problems each found at a place in it (a rulebook's
 * file, row and column; an import's file, line and column): nothing was stored or published. The
 * summary says what was refused and how many problems were found (the list may hold fewer). Each
 * face maps it once: the pages show the problems beside what was sent (or on the error page), the
 * API answers 422 with them located, the command line prints each on its line and exits 2.
 */
public class RefusedException extends RuntimeException {

    private final transient Message summary;
    private final transient List<? extends Located> problems;

    public RefusedException(Message summary, List<? extends Located> problems) {
        super(problems.stream().map(p -> p.located(null)).collect(Collectors.joining("\n")));
        this.summary = summary;
        this.problems = List.copyOf(problems);
    }

    /** What was refused and that nothing changed, with the count of every problem found. */
    public Message summary() {
        return summary;
    }

    /** The problems found, each at its place; possibly fewer than the summary counts. */
    public List<? extends Located> problems() {
        return problems;
    }

    /** The summary and each problem on its own line, worded for {@code locale} (both languages for null). */
    public List<String> lines(Locale locale) {
        List<String> lines = new java.util.ArrayList<>();
        problems.forEach(p -> lines.add(p.located(locale)));
        lines.add(MessageText.forReader(summary, locale));
        return lines;
    }
}
