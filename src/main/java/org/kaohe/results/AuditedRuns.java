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
     * The whole run checked once for an export (it reads every row anyway), and the export recorded
     * as {@code EXPORT}: who took which run's results out, in what shape, and what its seal check said.
     */
    public RunChecks.CheckedRun export(RunInfo run, String format, String who) {
        RunChecks.CheckedRun checked = checks.results(run);
        auditLog.record(who, "EXPORT", Map.of("period", run.period().toString(), "run", run.id(), "format", format,
                "rows", checked.subjects().size(), "seal", checked.status().name()));
        return checked;
    }
}
