package org.kaohe.results;

import java.util.Map;

import org.kaohe.audit.AuditLog;
import org.springframework.stereotype.Service;

/**
 * The auditor's and the exporter's acts on a quarter's run, each recorded in the audit log here,
 * once, whichever face (page, API, command line) asks: verifying a whole run against its seals,
 * and taking its results out (a download, a file).
 */
@Service
public class AuditedRuns {

    private final RunChecks checks;
    private final AuditLog auditLog;

    AuditedRuns(RunChecks checks, AuditLog auditLog) {
        this.checks = checks;
        this.auditLog = auditLog;
    }

    /** Every row and line of the run against its seals, recorded as {@code RUN_VERIFIED} with what it found. */
    public RunChecks.Verification verify(RunInfo run, String who) {
        RunChecks.Verification verification = checks.verify(run);
        auditLog.record(who, "RUN_VERIFIED", Map.of("run", run.id(), "status", verification.status().name(),
                "problems", verification.problems().size()));
        return verification;
    }

    /**
     * The whole run checked for an export (its rows visited as stored, none kept: {@link RunChecks#verdict}),
     * and the export recorded as {@code EXPORT}: who took which run's results out, in what shape, and
     * what its seal check said.
     */
    public RunVerdict export(RunInfo run, String format, String who) {
        return recorded(checks.verdict(run), format, who);
    }

    /**
     * As {@link #export}, for a face that shows every row it checked (the command line's table, CSV
     * and JSON): the run's results held in display order with the same verdict.
     */
    public RunChecks.CheckedRun exportRows(RunInfo run, String format, String who) {
        RunChecks.CheckedRun checked = checks.results(run);
        recorded(checked.verdict(), format, who);
        return checked;
    }

    private RunVerdict recorded(RunVerdict verdict, String format, String who) {
        RunInfo run = verdict.run();
        auditLog.record(who, "EXPORT", Map.of("period", run.period().toString(), "run", run.id(), "format", format,
                "rows", verdict.rowsChecked(), "seal", verdict.status().name()));
        return verdict;
    }
}
