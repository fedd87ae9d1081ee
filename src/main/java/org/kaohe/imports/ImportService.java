package org.kaohe.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.kaohe.audit.AuditLog;
import org.kaohe.imports.ImportProblem.Severity;
import org.kaohe.imports.ImportReport.Status;
import org.kaohe.records.ItemRegistry;
import org.kaohe.records.Period;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports one period's six files (docs/scheme.md) as the period's next import version, in one
 * transaction — all of it or, on any error, nothing; a file missing is an error. Rows are validated
 * against the published rulebook's registry of kinds and levels and written as they are read (see
 * {@link ImportParser#parse(Map, Period, ItemRegistry, ImportParser.MissingFiles, RecordSink)}), so the quarter is
 * never in memory whole; files larger together than {@link ImportLimits#MAX_UNPACKED_BYTES} are refused
 * before they are read. Files byte-identical to the period's current version are recognised and
 * nothing is kept. A version is compared with the current one file by file ({@link VersionDiff});
 * one that removes a large share of a file's rows is stored only with HR's {@link RemovalConfirmation}.
 * The command line, the web upload and the REST API all come through here.
 */
@Service
public class ImportService {

    private final ImportStore store;
    private final AuditLog auditLog;
    private final TransactionTemplate transaction;
    private final ItemRegistrySource registry;
    private final VersionDiffs diffs;

    ImportService(ImportStore store, AuditLog auditLog, TransactionTemplate transaction, ItemRegistrySource registry,
                  VersionDiffs diffs) {
        this.store = store;
        this.auditLog = auditLog;
        this.transaction = transaction;
        this.registry = registry;
        this.diffs = diffs;
    }

    /** As {@link #importFolder(Path, Period, String, RemovalConfirmation)} without a confirmation. */
    public ImportReport importFolder(Path folder, Period period, String user) {
        return importFolder(folder, period, user, RemovalConfirmation.NONE);
    }

    /**
     * Imports the six files of a folder; other CSV files in it are reported and ignored. Each file
     * is read when the import comes to it: one file's bytes and text at a time are in memory.
     */
    public ImportReport importFolder(Path folder, Period period, String user, RemovalConfirmation confirmation) {
        if (!Files.isDirectory(folder)) {
            return rejected(user, period, List.of(new ImportProblem(folder.toString(), 0, null, Severity.ERROR,
                    "文件夹不存在 / folder not found")));
        }
        try {
            FolderFiles.Listing listing = FolderFiles.of(folder);
            if (listing.refusal() != null) {
                return rejected(user, period, List.of(listing.refusal()));
            }
            return importStreaming(listing.files(), period, listing.notes(), user, confirmation);
        } catch (IOException e) {
            return cannotRead(user, period, folder, e);
        } catch (UncheckedIOException e) {
            return cannotRead(user, period, folder, e.getCause());
        }
    }

    /** As {@link #importFiles(Map, Period, String, RemovalConfirmation)} without a confirmation. */
    public ImportReport importFiles(Map<String, byte[]> files, Period period, String user) {
        return importFiles(files, period, user, RemovalConfirmation.NONE);
    }

    /** Imports uploaded files (file name → bytes); names other than the six are errors. */
    public ImportReport importFiles(Map<String, byte[]> files, Period period, String user,
                                    RemovalConfirmation confirmation) {
        long total = files.values().stream().mapToLong(b -> b.length).sum();
        if (total > ImportLimits.MAX_UNPACKED_BYTES) {
            return rejected(user, period, List.of(ImportLimits.tooLarge("-", total)));
        }
        return importStreaming(suppliers(files), period, List.of(), user, confirmation);
    }

    /** As {@link #importZip(String, byte[], Period, String, RemovalConfirmation)} without a confirmation. */
    public ImportReport importZip(String zipName, byte[] zip, Period period, String user) {
        return importZip(zipName, zip, period, user, RemovalConfirmation.NONE);
    }

    /** Imports an uploaded zip holding the six files (in its root or in one folder). */
    public ImportReport importZip(String zipName, byte[] zip, Period period, String user,
                                  RemovalConfirmation confirmation) {
        ZipUpload.Unpacked unpacked = ZipUpload.unpack(zipName, zip);
        if (!unpacked.ok()) {
            return rejected(user, period, unpacked.problems());
        }
        return importStreaming(suppliers(unpacked.files()), period, unpacked.problems(), user, confirmation);
    }

    private ImportReport importStreaming(Map<String, Supplier<byte[]>> files, Period period,
                                         List<ImportProblem> notes, String user, RemovalConfirmation confirmation) {
        return importStreaming((kinds, writer) -> ImportParser.parse(files, period, kinds,
                ImportParser.MissingFiles.REFUSED, writer), period, notes, user, confirmation);
    }

    /** As {@link #importWorkbook(String, byte[], Period, String, RemovalConfirmation)} without a confirmation. */
    public ImportReport importWorkbook(String workbookName, byte[] workbook, Period period, String user) {
        return importWorkbook(workbookName, workbook, period, user, RemovalConfirmation.NONE);
    }

    /**
     * Imports one Excel workbook holding the six tables as sheets (named in English or Chinese); its
     * problems are located as {@code workbook.xlsx!sheet:row}. Same checks, same single transaction.
     */
    public ImportReport importWorkbook(String workbookName, byte[] workbook, Period period, String user,
                                       RemovalConfirmation confirmation) {
        if (workbook.length > ImportLimits.MAX_UNPACKED_BYTES) {
            return rejected(user, period, List.of(ImportLimits.tooLarge(workbookName, workbook.length)));
        }
        return importStreaming((kinds, writer) -> ImportParser.parseWorkbook(workbookName, workbook, period, kinds,
                writer), period, List.of(), user, confirmation);
    }

    /** One way of reading an upload: its records to the writer, what it found as the outcome. */
    private interface UploadReader {
        ImportParser.Outcome read(ItemRegistry kinds, RecordSink writer);
    }

    /**
     * Reads, validates and stores in one pass and one transaction: each valid record goes to the
     * database in batches as soon as it is read, and the transaction is rolled back when any error
     * turns up, when the files prove identical to the current version's, or when the new version
     * removes a large share of a file's rows without HR's confirmation, so nothing is kept. A
     * refused, held or unchanged import is logged after the rollback, so its audit entry stays.
     */
    private ImportReport importStreaming(UploadReader upload, Period period, List<ImportProblem> notes, String user,
                                         RemovalConfirmation confirmation) {
        ItemRegistry kinds = registry.publishedRegistry();
        ImportReport report;
        try {
            report = transaction.execute(status -> {
                Optional<ImportStore.CurrentVersion> current = store.current(period);
                ImportStore.Writer writer = store.begin(period, current, user);
                ImportParser.Outcome read = upload.read(kinds, writer);
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
        } catch (DuplicateKeyException e) {
            // Two imports of one period at once: the other one took this version number.
            List<ImportProblem> problems = new ArrayList<>(notes);
            problems.add(new ImportProblem("-", 0, null, Severity.ERROR, "同一考核期正在另一处导入，请稍后重试 / another "
                    + "import of this period ran at the same time, try again"));
            return refused(user, new ImportReport(period, Status.REJECTED, null, null, List.of(), problems));
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
    private ImportReport store(Period period, Optional<ImportStore.CurrentVersion> current, ImportStore.Writer writer,
                               ImportParser.Outcome read, List<ImportProblem> problems, String user,
                               RemovalConfirmation confirmation) {
        ImportStore.CurrentVersion stored = writer.finish(read.contentHash());
        VersionDiff diff = diffs.compare(KeyedTable.QUARTERLY,
                current.map(c -> new VersionDiffs.Base(c.importId(), c.version())), stored.importId());
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
    private ImportReport refused(String user, ImportReport report) {
        List<ImportProblem> errors = report.errors();
        auditLog.record(user, "IMPORT_REFUSED", Map.of("period", report.period().toString(),
                "errors", report.errorCount(),
                "first", errors.isEmpty() ? "" : errors.get(0).toString()));
        return report;
    }
    private static Map<String, Supplier<byte[]>> suppliers(Map<String, byte[]> files) {
        Map<String, Supplier<byte[]>> suppliers = new LinkedHashMap<>();
        files.forEach((name, bytes) -> suppliers.put(name, () -> bytes));
        return suppliers;
    }

    private ImportReport cannotRead(String user, Period period, Path folder, IOException e) {
        return rejected(user, period, List.of(new ImportProblem(folder.toString(), 0, null, Severity.ERROR,
                "无法读取文件夹 / cannot read the folder: " + e)));
    }

    private ImportReport rejected(String user, Period period, List<ImportProblem> problems) {
        return refused(user, new ImportReport(period, Status.REJECTED, null, null, List.of(), problems));
    }
}
