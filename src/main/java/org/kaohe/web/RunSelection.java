package org.kaohe.web;

import java.util.List;
import java.util.Optional;

import org.kaohe.records.Period;
import org.kaohe.results.RunInfo;
import org.kaohe.results.RunQueries;
import org.springframework.stereotype.Component;

/**
 * Which run a page shows: the run asked for, else the current run of the asked period, else that
 * of the newest period evaluated.
 */
@Component
class RunSelection {

    private final RunQueries runs;

    RunSelection(RunQueries runs) {
        this.runs = runs;
    }

    /** Periods with at least one run, newest first. */
    List<Period> periods() {
        return runs.runs().stream().map(RunInfo::period).distinct().sorted((a, b) -> b.compareTo(a)).toList();
    }

    /** The asked run, or else the current run of the period (see {@link #current}). */
    Optional<RunInfo> pick(String period, Long runId) {
        return runId != null ? runs.run(runId) : current(period);
    }

    /** The runs of a period, newest (current) first. */
    List<RunInfo> runsOf(Period period) {
        return runs.runs().stream().filter(r -> r.period().equals(period)).toList();
    }

    Optional<RunInfo> current(String period) {
        if (period != null && !period.isBlank()) {
            return runs.currentRun(Period.parse(period));
        }
        return periods().stream().findFirst().flatMap(runs::currentRun);
    }
}
