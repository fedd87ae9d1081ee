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
    private final AnnualPages pages;
    private final AuditLog auditLog;

    AuditedYears(AnnualResults results, AnnualPages pages, AuditLog auditLog) {
        this.results = results;
        this.pages = pages;
        this.auditLog = auditLog;
    }

    /**
     * The year's current annual run checked against its seals, recorded as {@code ANNUAL_RUN_VERIFIED}:
     * read as it is checked, whatever the year's size, so the answer holds no subjects.
     */
    public Optional<AnnualResults.CheckedYear> verify(int year, String who) {
        Optional<AnnualResults.CheckedYear> checked = results.currentAsRead(year);
        checked.ifPresent(c -> auditLog.record(who, "ANNUAL_RUN_VERIFIED", Map.of("run", c.run().id(), "year", year,
                "status", c.status().name(), "problems", c.problems().size())));
        return checked;
    }

    /** The year's current annual run checked for an export, recorded as {@code EXPORT_YEAR} with its shape and seal. */
    public Optional<AnnualResults.CheckedYear> export(int year, String format, String who) {
        Optional<AnnualResults.CheckedYear> checked = results.current(year);
        checked.ifPresent(c -> recordExport(who, year, format, c, c.subjects().size()));
        return checked;
    }

    /**
     * As {@link #export}, for a file written as its rows are read, whatever the year's size: the whole
     * run checked streamed, the rows read a chunk at a time in the listed order
     * ({@link AnnualPages#forExport}). The server's downloads take this way.
     */
    public Optional<AnnualPages.ExportedYear> exportAsRead(int year, String format, String who) {
        Optional<AnnualPages.ExportedYear> exported = pages.forExport(year);
        exported.ifPresent(e -> recordExport(who, year, format, e.check(), e.rows()));
        return exported;
    }

    private void recordExport(String who, int year, String format, AnnualResults.CheckedYear checked, int rows) {
        auditLog.record(who, "EXPORT_YEAR", Map.of("year", year, "run", checked.run().id(), "format", format,
                "rows", rows, "seal", checked.status().name()));
    }
}
