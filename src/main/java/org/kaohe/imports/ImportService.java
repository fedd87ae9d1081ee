package org.kaohe.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.kaohe.audit.AuditLog;
import org.kaohe.errors.ConflictException;
import org.kaohe.imports.ImportProblem.Severity;
import org.kaohe.imports.ImportReport.Status;
import org.kaohe.records.ItemRegistry;
import org.kaohe.records.Period;
import org.kaohe.work.HeavyWork;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports one period's six files (docs/scheme.md) as the period's next import version, in one
 * transaction — all of it or, on any error, nothing. Rows are validated against the published
 * rulebook's registry of kinds and levels and written as they are read (see
 * {@link ImportParser#parse(Map, Period, ItemRegistry, RecordSink)}), so the quarter is never in
 * memory whole; files larger together than {@link ImportLimits#MAX_UNPACKED_BYTES} are refused
 * before they are read. Files byte-identical to the period's current version are recognised and
 * nothing is kept. The command line, the web upload and the REST API all come through here.
 */
@Service
public class ImportService {

    private final ImportStore store;
    private final AuditLog auditLog;
    private final TransactionTemplate transaction;
    private final ItemRegistrySource registry;
    private final HeavyWork heavy;

    ImportService(ImportStore store, AuditLog auditLog, TransactionTemplate transaction, ItemRegistrySource registry,
                  HeavyWork heavy) {
        this.store = store;
        this.auditLog = auditLog;
        this.transaction = transaction;
        this.registry = registry;
        this.heavy = heavy;
    }

    /**
     * The import as heavy work ({@link HeavyWork}): it waits for a permit, and a second import of the
     * same period while one runs on this instance is refused at once ({@link ConflictException}).
     */
    private ImportReport gated(Period period, String user, java.util.function.Supplier<ImportReport> work) {
        return heavy.run(HeavyWork.Kind.IMPORT, user, "导入 " + period + " / import of " + period, "import " + period,
                job -> work.get());
    }

    /**
     * Imports the six files of a folder; other CSV files in it are reported and ignored. Each file
     * is read when the import comes to it: one file's bytes and text at a time are in memory.
     */
    public ImportReport importFolder(Path folder, Period period, String user) {
        return gated(period, user, () -> importFolderNow(folder, period, user));
    }

    private ImportReport importFolderNow(Path folder, Period period, String user) {
        if (!Files.isDirectory(folder)) {
            return rejected(user, period, List.of(new ImportProblem(folder.toString(), 0, null, Severity.ERROR,
                    "文件夹不存在 / folder not found")));
        }
        Map<String, Supplier<byte[]>> files = new LinkedHashMap<>();
        List<ImportProblem> notes = new ArrayList<>();
        long total = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!Files.isRegularFile(entry)) {
                    continue;
                }
                if (InputFile.byName(name).isPresent()) {
                    total += Files.size(entry);
                    if (total > ImportLimits.MAX_UNPACKED_BYTES) {
                        return rejected(user, period, List.of(tooLarge(folder.toString(), total)));
                    }
                    files.put(name, () -> readAllBytes(entry));
                } else if (name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                    notes.add(new ImportProblem(name, 0, null, Severity.WARNING, "不是六个输入文件之一，已忽略 / not one "
                            + "of the six input files, ignored (expected: " + InputFile.knownNames() + ")"));
                }
            }
        } catch (IOException e) {
            return cannotRead(user, period, folder, e);
        }
        try {
            return importStreaming(files, period, notes, user);
        } catch (UncheckedIOException e) {
            return cannotRead(user, period, folder, e.getCause());
        }
    }

    /** Imports uploaded files (file name → bytes); names other than the six are errors. */
    public ImportReport importFiles(Map<String, byte[]> files, Period period, String user) {
        return gated(period, user, () -> importFilesNow(files, period, user));
    }

    private ImportReport importFilesNow(Map<String, byte[]> files, Period period, String user) {
        long total = files.values().stream().mapToLong(b -> b.length).sum();
        if (total > ImportLimits.MAX_UNPACKED_BYTES) {
            return rejected(user, period, List.of(tooLarge("-", total)));
        }
        return importStreaming(suppliers(files), period, List.of(), user);
    }

    /**
     * Imports uploaded files kept on disk (file name → file), as {@link #importFiles}: names other than
     * the six are errors; each file is read when the import comes to it.
     */
    public ImportReport importPaths(Map<String, Path> files, Period period, String user) {
        return gated(period, user, () -> {
            Map<String, Supplier<byte[]>> sources = new LinkedHashMap<>();
            long total = 0;
            try {
                for (Map.Entry<String, Path> file : files.entrySet()) {
                    total += Files.size(file.getValue());
                    sources.put(file.getKey(), () -> readAllBytes(file.getValue()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (total > ImportLimits.MAX_UNPACKED_BYTES) {
                return rejected(user, period, List.of(tooLarge("-", total)));
            }
            return importStreaming(sources, period, List.of(), user);
        });
    }

    /**
     * Imports an uploaded zip kept on disk: unpacked entry by entry into a temporary folder within the
     * limits, then read a file at a time, as a folder is.
     */
    public ImportReport importZip(String zipName, Path zip, Period period, String user) {
        return gated(period, user, () -> {
            Path folder = null;
            try (InputStream in = Files.newInputStream(zip)) {
                folder = Files.createTempDirectory("kaohe-zip");
                ZipUpload.UnpackedTo unpacked = ZipUpload.unpackTo(zipName, in, folder);
                if (!unpacked.ok()) {
                    return rejected(user, period, unpacked.problems());
                }
                Map<String, Supplier<byte[]>> sources = new LinkedHashMap<>();
                unpacked.files().forEach((name, file) -> sources.put(name, () -> readAllBytes(file)));
                return importStreaming(sources, period, unpacked.problems(), user);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                TemporaryFiles.delete(folder);
            }
        });
    }

    /** Imports an uploaded zip holding the six files (in its root or in one folder). */
    public ImportReport importZip(String zipName, byte[] zip, Period period, String user) {
        return gated(period, user, () -> {
            ZipUpload.Unpacked unpacked = ZipUpload.unpack(zipName, zip);
            if (!unpacked.ok()) {
                return rejected(user, period, unpacked.problems());
            }
            return importStreaming(suppliers(unpacked.files()), period, unpacked.problems(), user);
        });
    }

    private static ImportProblem tooLarge(String where, long bytes) {
        return new ImportProblem(where, 0, null, Severity.ERROR, "文件合计 " + ImportLimits.megabytes(bytes) + ",超过上限 "
                + ImportLimits.megabytes(ImportLimits.MAX_UNPACKED_BYTES) + " / the files hold " + ImportLimits.megabytes(bytes)
                + ", more than the limit of " + ImportLimits.megabytes(ImportLimits.MAX_UNPACKED_BYTES));
    }

    /**
     * Reads, validates and stores in one pass and one transaction: each valid record goes to the
     * database in batches as soon as it is read, and the transaction is rolled back when any error
     * turns up (or the files prove identical to the current version's), so nothing is kept. A
     * refused or unchanged import is logged after the rollback, so its audit entry stays.
     */
    private ImportReport importStreaming(Map<String, Supplier<byte[]>> files, Period period,
                                         List<ImportProblem> notes, String user) {
        return importStreaming((kinds, writer) -> ImportParser.parse(files, period, kinds, writer), period, notes, user);
    }

    /**
     * Imports one Excel workbook holding the six tables as sheets (named in English or Chinese); its
     * problems are located as {@code workbook.xlsx!sheet:row}. Same checks, same single transaction.
     */
    public ImportReport importWorkbook(String workbookName, byte[] workbook, Period period, String user) {
        Path file = null;
        try {
            file = Files.createTempFile("kaohe-upload", ".xlsx");
            Files.write(file, workbook);
            return importWorkbook(workbookName, file, period, user);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            TemporaryFiles.delete(file);
        }
    }

    /** As {@link #importWorkbook(String, byte[], Period, String)}, the workbook in a file: never read into memory whole. */
    public ImportReport importWorkbook(String workbookName, Path workbook, Period period, String user) {
        return gated(period, user, () -> {
            long size;
            try {
                size = Files.size(workbook);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (size > ImportLimits.MAX_UNPACKED_BYTES) {
                return rejected(user, period, List.of(tooLarge(workbookName, size)));
            }
            return importStreaming((kinds, writer) -> ImportParser.parseWorkbook(workbookName, workbook, period, kinds,
                    writer), period, List.of(), user);
        });
    }

    /** One way of reading an upload: its records to the writer, what it found as the outcome. */
    private interface UploadReader {
        ImportParser.Outcome read(ItemRegistry kinds, RecordSink writer);
    }

    private ImportReport importStreaming(UploadReader upload, Period period, List<ImportProblem> notes, String user) {
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
                ImportStore.CurrentVersion stored = writer.finish(read.contentHash());
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("period", period.toString());
                detail.put("version", stored.version());
                detail.put("files", read.files().stream().map(f -> f.fileName() + " (" + f.rows() + ", " + f.encoding() + ")")
                        .collect(Collectors.joining(", ")));
                detail.put("hash", read.contentHash());
                auditLog.record(user, "IMPORT", detail);
                return new ImportReport(period, Status.STORED, stored.importId(), stored.version(), read.files(),
                        problems, 0, read.omittedWarnings());
            });
        } catch (DuplicateKeyException | PessimisticLockingFailureException e) {
            // Two imports of one period at once (on two instances): the other one took this version number,
            // or holds it while this one waited for its lock. Nothing of this one was stored.
            String message = "考核期 " + period + " 正在另一处导入,本次未导入任何内容,请等它结束后重试 / another import of "
                    + period + " ran at the same time: nothing of this one was stored, try again when it has finished";
            refused(user, new ImportReport(period, Status.REJECTED, null, null, List.of(),
                    List.of(new ImportProblem("-", 0, null, Severity.ERROR, message))));
            throw new ConflictException(message, e);
        }
        if (report.status() == Status.REJECTED) {
            return refused(user, report);
        }
        if (report.status() == Status.UNCHANGED) {
            auditLog.record(user, "IMPORT_UNCHANGED", Map.of("period", period.toString(), "version", report.version()));
        }
        return report;
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

    private static byte[] readAllBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ImportReport cannotRead(String user, Period period, Path folder, IOException e) {
        return rejected(user, period, List.of(new ImportProblem(folder.toString(), 0, null, Severity.ERROR,
                "无法读取文件夹 / cannot read the folder: " + e)));
    }

    private ImportReport rejected(String user, Period period, List<ImportProblem> problems) {
        return refused(user, new ImportReport(period, Status.REJECTED, null, null, List.of(), problems));
    }
}
