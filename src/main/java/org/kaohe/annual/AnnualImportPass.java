package org.kaohe.annual;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.kaohe.annual.AnnualService.ImportResult;
import org.kaohe.annual.AnnualService.ImportStatus;
import org.kaohe.audit.AuditLog;
import org.kaohe.imports.AnnualAppraisalFile;
import org.kaohe.imports.ImportProblem;
import org.kaohe.imports.RemovalConfirmation;
import org.kaohe.imports.VersionDiff;
import org.kaohe.imports.VersionDiffs;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One annual import in one transaction: read, compared with the current version, stored or held or
 * refused, and what came of it in the audit log ({@link AnnualService} runs it as heavy work).
 */
@Component
class AnnualImportPass {

    private final AnnualRepository repository;
    private final AuditLog auditLog;
    private final TransactionTemplate transaction;
    private final VersionDiffs diffs;

    AnnualImportPass(AnnualRepository repository, AuditLog auditLog, TransactionTemplate transaction, VersionDiffs diffs) {
        this.repository = repository;
        this.auditLog = auditLog;
        this.transaction = transaction;
        this.diffs = diffs;
    }

    ImportResult run(byte[] bytes, int year, String user, RemovalConfirmation confirmation) {
        ImportResult result = transaction.execute(status -> {
            AnnualAppraisalFile.Result read = AnnualAppraisalFile.read(bytes, year, repository.cadresOfYear(year));
            if (!read.ok()) {
                return new ImportResult(year, ImportStatus.REJECTED, null, null, 0, read.problems(), null);
            }
            Optional<AnnualRepository.CurrentImport> current = repository.currentImport(year);
            if (current.isPresent() && current.get().contentHash().equals(read.file().sha256())) {
                return new ImportResult(year, ImportStatus.UNCHANGED, current.get().id(), current.get().version(),
                        read.rows().size(), read.problems(), null);
            }
            AnnualRepository.CurrentImport stored = repository.storeImport(year, current, user, read);
            VersionDiff diff = diffs.compare(List.of(AnnualRepository.APPRAISALS),
                    current.map(c -> new VersionDiffs.Base(c.id(), c.version())), stored.id());
            boolean confirmed = diff.needsConfirmation()
                    && confirmation.covers(current.map(AnnualRepository.CurrentImport::version).orElse(null));
            if (diff.needsConfirmation() && !confirmed) {
                status.setRollbackOnly();
                return new ImportResult(year, ImportStatus.NEEDS_CONFIRMATION, null, null, read.rows().size(),
                        read.problems(), diff);
            }
            logStored(user, year, stored, read.rows().size(), diff, confirmed);
            return new ImportResult(year, ImportStatus.STORED, stored.id(), stored.version(), read.rows().size(),
                    read.problems(), diff);
        });
        switch (result.status()) {
            case REJECTED -> refused(user, result);
            case UNCHANGED -> auditLog.record(user, "IMPORT_YEAR_UNCHANGED", Map.of("year", year,
                    "version", result.version()));
            case NEEDS_CONFIRMATION -> auditLog.record(user, "IMPORT_YEAR_HELD", Map.of("year", year,
                    "base", result.diff().baseVersion(), "removals", result.diff().largeRemovalSummary(),
                    "threshold", result.diff().threshold()));
            case STORED -> { }
        }
        return result;
    }

    private void logStored(String user, int year, AnnualRepository.CurrentImport stored, int rows, VersionDiff diff,
                           boolean confirmed) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("year", year);
        detail.put("version", stored.version());
        detail.put("rows", rows);
        detail.put("hash", stored.contentHash());
        detail.put("changes", diff.summary());
        auditLog.record(user, "IMPORT_YEAR", detail);
        if (confirmed) {
            repository.confirmRemovals(stored.id());
            auditLog.record(user, "IMPORT_YEAR_REMOVALS_CONFIRMED", Map.of("year", year, "version", stored.version(),
                    "base", diff.baseVersion(), "removals", diff.largeRemovalSummary(), "threshold", diff.threshold()));
        }
    }

    ImportResult refused(String user, ImportResult result) {
        List<ImportProblem> errors = result.errors();
        auditLog.record(user, "IMPORT_YEAR_REFUSED", Map.of("year", result.year(), "errors", errors.size(),
                "first", errors.isEmpty() ? "" : errors.get(0).toString()));
        return result;
    }
}
