package org.kaohe.signals;

import org.kaohe.records.Period;

/**
 * A record behind a flag: an imported row ({@code file}, {@code line}) of the import version the
 * quarter's run read, or (file null) a subject's stored result in that run.
 */
public record Evidence(Period period, long runId, String subjectId, String file, int line) {

    static Evidence row(QuarterData quarter, String subjectId, org.kaohe.records.SourceRef source) {
        return new Evidence(quarter.period(), quarter.runId(), subjectId, source.file(), source.line());
    }

    static Evidence result(QuarterData quarter, String subjectId) {
        return new Evidence(quarter.period(), quarter.runId(), subjectId, null, 0);
    }

    /** {@code 2026-Q3 appraisals.csv:12}, or {@code 2026-Q3 run 7 C0003} for a result. */
    @Override
    public String toString() {
        return file == null ? period + " run " + runId + " " + subjectId : period + " " + file + ":" + line;
    }
}
