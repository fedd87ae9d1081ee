package org.kaohe.annual;

import java.util.Map;
import java.util.Optional;

import org.kaohe.audit.AuditLog;
import org.springframework.stereotype.Service;

/**
 * The auditor's and the exporter's acts on a year's annual run, each recorded in the audit log
 * here, once, whichever face asks: verifying it against its seals, and taking its results out.
 * Empty when the year has no annual run (nothing is recorded then).
 */
@Service
public class AuditedYears {

    private final AnnualResults results;
    private final AuditLog auditLog;

    AuditedYears(AnnualResults results, AuditLog auditLog) {
        this.results = results;
        this.auditLog = auditLog;
    }

    /** The year's current annual run checked against its seals, recorded as {@code ANNUAL_RUN_VERIFIED}. */
    public Optional<AnnualResults.CheckedYear> verify(int year, String who) {
        Optional<AnnualResults.CheckedYear> checked = results.current(year);
        checked.ifPresent(c -> auditLog.record(who, "ANNUAL_RUN_VERIFIED", Map.of("run", c.run().id(), "year", year,
                "status", c.status().name(), "problems", c.problems().size())));
        return checked;
    }

    /** The year's current annual run checked for an export, recorded as {@code EXPORT_YEAR} with its shape and seal. */
    public Optional<AnnualResults.CheckedYear> export(int year, String format, String who) {
        Optional<AnnualResults.CheckedYear> checked = results.current(year);
        checked.ifPresent(c -> auditLog.record(who, "EXPORT_YEAR", Map.of("year", year, "run", c.run().id(),
                "format", format, "rows", c.subjects().size(), "seal", c.status().name())));
        return checked;
    }
}
