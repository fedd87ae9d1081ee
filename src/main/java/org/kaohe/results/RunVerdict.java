package org.kaohe.results;

import java.util.List;
import java.util.Map;

import org.kaohe.errors.Message;

/**
 * What checking a run's rows found, without the rows: the run's status, each altered row by its key
 * ({@code CADRE/C0001}), every problem in order (the names, the rows, the chain, the count, the run's
 * seal), and how many rows the check read. What an export marks its file with
 * ({@link RunChecks#verdict}, the rows visited as stored and none kept) and what a table of the
 * rows is shown with ({@link RunChecks.CheckedRun}).
 */
public record RunVerdict(RunInfo run, SealStatus status, Map<String, Message> alteredRows, List<Message> problems,
                         int rowsChecked) {

    public boolean failed() {
        return status.failed();
    }

    /** True when the row of this key ({@code CADRE/C0001}) failed its own check. */
    public boolean rowAltered(String key) {
        return alteredRows.containsKey(key);
    }
}
