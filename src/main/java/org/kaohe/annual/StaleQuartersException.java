package org.kaohe.annual;

import java.util.List;
import java.util.stream.Collectors;

import org.kaohe.errors.EvaluationException;
import org.kaohe.results.StaleReason;
import org.kaohe.results.StaleRuns;

/**
 * A year refused because the current runs of some of its quarters are out of date themselves: each
 * such quarter is named with its reasons, and the way out is to evaluate it again first (on the
 * command line, {@code --allow-stale-quarters} overrides the refusal).
 */
public class StaleQuartersException extends EvaluationException {

    private final int year;
    private final transient List<StaleRuns.Staleness> quarters;

    StaleQuartersException(int year, List<StaleRuns.Staleness> quarters) {
        super(message(year, quarters));
        this.year = year;
        this.quarters = List.copyOf(quarters);
    }

    public int year() {
        return year;
    }

    /** The quarters whose current run is out of date, in order, each with its run and reasons. */
    public List<StaleRuns.Staleness> quarters() {
        return quarters;
    }

    /** The command that evaluates a quarter again. */
    public static String command(StaleRuns.Staleness quarter) {
        return "evaluate --period " + quarter.run().period();
    }

    private static String message(int year, List<StaleRuns.Staleness> quarters) {
        String named = quarters.stream().map(q -> q.run().period().toString()).collect(Collectors.joining("、"));
        String reasons = quarters.stream().flatMap(q -> q.asQuarter().stream()).map(StaleReason::bilingual)
                .collect(Collectors.joining(";"));
        String commands = quarters.stream().map(StaleQuartersException::command).collect(Collectors.joining("; "));
        return "年度 " + year + " 的季度考核已过时(" + named + "),请先重新考核这些季度 / the current runs of " + named
                + " are out of date: evaluate them again first (" + commands + "). " + reasons;
    }
}
