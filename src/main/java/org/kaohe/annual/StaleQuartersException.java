package org.kaohe.annual;

import java.util.List;
import java.util.stream.Collectors;

import org.kaohe.errors.EvaluationException;
import org.kaohe.errors.Message;
import org.kaohe.errors.Wording;
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

    /** The year, its stale quarters, the commands that evaluate them again, and each quarter's reasons. */
    private static Message message(int year, List<StaleRuns.Staleness> quarters) {
        // "2026-Q3、2026-Q4", "2026-Q3, 2026-Q4": each further quarter a message around the ones before it
        Object named = quarters.stream().map(q -> (Object) q.run().period().toString())
                .reduce((before, next) -> Message.of("state.annual.staleQuarters.and", before, next)).orElse("");
        Wording reasons = Wording.joined(quarters.stream().flatMap(q -> q.asQuarter().stream()).toList(), "; ");
        String commands = quarters.stream().map(StaleQuartersException::command).collect(Collectors.joining("; "));
        return Message.of("state.annual.staleQuarters", Integer.toString(year), named, commands, reasons);
    }
}
