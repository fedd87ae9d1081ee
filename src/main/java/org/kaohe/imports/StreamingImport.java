package org.kaohe.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.kaohe.audit.AuditLog;
import org.kaohe.errors.ConflictException;
import org.kaohe.errors.Message;
import org.kaohe.imports.ImportProblem.Severity;
import org.kaohe.imports.ImportReport.Status;
import org.kaohe.records.ItemRegistry;
import org.kaohe.records.Period;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one pass that reads, checks and stores an upload ({@link ImportService} reads it its way), in
 * one transaction, and logs what came of it: stored, unchanged, held for HR's confirmation, or refused.
 */
@Component
class StreamingImport {

    private final ImportStore store;
    private final AuditLog auditLog;
    private final TransactionTemplate transaction;
    private final ItemRegistrySource registry;
    private final VersionDiffs diffs;

    StreamingImport(ImportStore store, AuditLog auditLog, TransactionTemplate transaction, ItemRegistrySource registry,
                    VersionDiffs diffs) {
        this.store = store;
        this.auditLog = auditLog;
        this.transaction = transaction;
        this.registry = registry;
        this.diffs = diffs;
    }

    /** One way of reading an upload: its records to the writer, what it found as the outcome. */
    interface UploadReader {
        ImportParser.Outcome read(ItemRegistry kinds, RecordSink writer);
    }

    /**
     * Reads, validates and stores in one pass and one transaction: each valid record goes to the
     * database in batches as soon as it is read, and the transaction is rolled back when any error
     * turns up, when the files prove identical to the current version's, or when the new version
     * removes a large share of a file's rows without HR's confirmation, so nothing is kept. A
     * refused, held or unchanged import is logged after the rollback, so its audit entry stays.
     */
    ImportReport run(UploadReader upload, Period period, List<ImportProblem> notes, String user,
                                         RemovalConfirmation confirmation) {
        ItemRegistry kinds = registry.publishedRegistry();
        ImportReport report;
        try {
            report = transaction.execute(status -> {
                Optional<ImportStore.CurrentVersion> current = store.current(period);
                VersionWriter writer = store.begin(period, current, user);
                ImportParser.Outcome read = ReadAhead.read(upload, kinds, writer);
                List<ImportProblem> problems = new ArrayList<>(notes);
                problems.addAll(read.problems());
                if (read.hasErrors()) {
                    status.setRollbackOnly();
                    return new ImportReport(period, Status.REJECTED, null, null, read.files(), problems,
                            read.omittedErrors(), read.omittedWarnings());
                }
                if (current.isPresent() && current.get().contentHash().equals(read.contentHash())) {
                    status.setRollbackOnly();
                    return new ImportReport(period, Status.UNCHANGED, current.get().importId(),
                            current.get().version(), read.files(), problems, 0, read.omittedWarnings());
                }
                ImportReport stored = store(period, current, writer, read, problems, user, confirmation);
                if (stored.status() == Status.NEEDS_CONFIRMATION) {
                    status.setRollbackOnly();
                }
                return stored;
            });
        } catch (DuplicateKeyException | PessimisticLockingFailureException e) {
            // Two imports of one period at once (on two instances): the other one took this version number,
            // or holds it while this one waited for its lock. Nothing of this one was stored.
            Message message = Message.of("state.import.conflict", period.toString());
            refused(user, new ImportReport(period, Status.REJECTED, null, null, List.of(),
                    List.of(new ImportProblem("-", 0, null, Severity.ERROR, message))));
            throw new ConflictException(message, e);
        }
        switch (report.status()) {
            case REJECTED -> refused(user, report);
            case UNCHANGED -> auditLog.record(user, "IMPORT_UNCHANGED", Map.of("period", period.toString(),
                    "version", report.version()));
            case NEEDS_CONFIRMATION -> auditLog.record(user, "IMPORT_HELD", Map.of("period", period.toString(),
                    "base", report.diff().baseVersion(), "removals", report.diff().largeRemovalSummary(),
                    "threshold", report.diff().threshold()));
            case STORED -> { }
        }
        return report;
    }

    /**
     * The valid, changed version written so far: compared with the current one, then finished and
     * logged, or held for HR's confirmation when it removes a large share of a file's rows.
     */
    private ImportReport store(Period period, Optional<ImportStore.CurrentVersion> current, VersionWriter writer,
                               ImportParser.Outcome read, List<ImportProblem> problems, String user,
                               RemovalConfirmation confirmation) {
        ImportStore.CurrentVersion stored = writer.finish(read.contentHash());
        VersionDiff diff = diffs.compare(KeyedTable.QUARTERLY,
                current.map(c -> new VersionDiffs.Base(c.importId(), c.version())), stored.importId(), writer::rows);
        boolean confirmed = diff.needsConfirmation()
                && confirmation.covers(current.map(ImportStore.CurrentVersion::version).orElse(null));
        if (diff.needsConfirmation() && !confirmed) {
            return new ImportReport(period, Status.NEEDS_CONFIRMATION, null, null, read.files(), problems, 0,
                    read.omittedWarnings(), diff);
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("period", period.toString());
        detail.put("version", stored.version());
        detail.put("files", read.files().stream().map(f -> f.fileName() + " (" + f.rows() + ", " + f.encoding() + ")")
                .collect(Collectors.joining(", ")));
        detail.put("hash", read.contentHash());
        detail.put("changes", diff.summary());
        auditLog.record(user, "IMPORT", detail);
        if (confirmed) {
            store.confirmRemovals(stored.importId());
            auditLog.record(user, "IMPORT_REMOVALS_CONFIRMED", Map.of("period", period.toString(),
                    "version", stored.version(), "base", diff.baseVersion(), "removals", diff.largeRemovalSummary(),
                    "threshold", diff.threshold()));
        }
        return new ImportReport(period, Status.STORED, stored.importId(), stored.version(), read.files(),
                problems, 0, read.omittedWarnings(), diff);
    }

    /** A refused import changes nothing stored, but who tried what, and why, is logged. */
    ImportReport refused(String user, ImportReport report) {
        List<ImportProblem> errors = report.errors();
        auditLog.record(user, "IMPORT_REFUSED", Map.of("period", report.period().toString(),
                "errors", report.errorCount(),
                "first", errors.isEmpty() ? "" : errors.get(0).toString()));
        return report;
    }
}
