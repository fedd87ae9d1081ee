package org.kaohe.records;

import java.io.IOException;
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
import org.kaohe.records.ImportProblem.Severity;
import org.kaohe.records.ImportReport.Status;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports one period's six files (RULEBOOK §2) as the period's next import version, in one
 * transaction — all of it or, on any error, nothing. Rows are validated and written as they are
 * read (see {@link ImportParser#parse(Map, Period, RecordSink)}), so the quarter is never in memory
 * whole. Files byte-identical to the period's current version are recognised and nothing is kept.
 * The command line, the web upload and the REST API all come through here.
 */
@Service
public class ImportService {

    private final ImportStore store;
    private final AuditLog auditLog;
    private final TransactionTemplate transaction;

    ImportService(ImportStore store, AuditLog auditLog, TransactionTemplate transaction) {
        this.store = store;
        this.auditLog = auditLog;
        this.transaction = transaction;
    }

    /**
     * Imports the six files of a folder; other CSV files in it are reported and ignored. Each file
     * is read when the import comes to it: one file's bytes and text at a time are in memory.
     */
    public ImportReport importFolder(Path folder, Period period, String user) {
        if (!Files.isDirectory(folder)) {
            return rejected(period, List.of(new ImportProblem(folder.toString(), 0, null, Severity.ERROR,
                    "文件夹不存在 / folder not found")));
        }
        Map<String, Supplier<byte[]>> files = new LinkedHashMap<>();
        List<ImportProblem> notes = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!Files.isRegularFile(entry)) {
                    continue;
                }
                if (InputFile.byName(name).isPresent()) {
                    files.put(name, () -> readAllBytes(entry));
                } else if (name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                    notes.add(new ImportProblem(name, 0, null, Severity.WARNING, "不是六个输入文件之一，已忽略 / not one "
                            + "of the six input files, ignored (expected: " + InputFile.knownNames() + ")"));
                }
            }
        } catch (IOException e) {
            return cannotRead(period, folder, e);
        }
        try {
            return importStreaming(files, period, notes, user);
        } catch (UncheckedIOException e) {
            return cannotRead(period, folder, e.getCause());
        }
    }

    /** Imports uploaded files (file name → bytes); names other than the six are errors. */
    public ImportReport importFiles(Map<String, byte[]> files, Period period, String user) {
        return importStreaming(suppliers(files), period, List.of(), user);
    }

    /** Imports an uploaded zip holding the six files (in its root or in one folder). */
    public ImportReport importZip(String zipName, byte[] zip, Period period, String user) {
        ZipUpload.Unpacked unpacked = ZipUpload.unpack(zipName, zip);
        if (!unpacked.ok()) {
            return rejected(period, unpacked.problems());
        }
        return importStreaming(suppliers(unpacked.files()), period, unpacked.problems(), user);
    }

    /**
     * Reads, validates and stores in one pass and one transaction: each valid record goes to the
     * database in batches as soon as it is read, and the transaction is rolled back when any error
     * turns up (or the files prove identical to the current version's), so nothing is kept.
     */
    private ImportReport importStreaming(Map<String, Supplier<byte[]>> files, Period period,
                                         List<ImportProblem> notes, String user) {
        try {
            return transaction.execute(status -> {
                Optional<ImportStore.CurrentVersion> current = store.current(period);
                ImportStore.Writer writer = store.begin(period, current, user);
                ImportParser.Outcome read = ImportParser.parse(files, period, writer);
                List<ImportProblem> problems = new ArrayList<>(notes);
                problems.addAll(read.problems());
                if (read.hasErrors()) {
                    status.setRollbackOnly();
                    return new ImportReport(period, Status.REJECTED, null, null, read.files(), problems);
                }
                if (current.isPresent() && current.get().contentHash().equals(read.contentHash())) {
                    status.setRollbackOnly();
                    return new ImportReport(period, Status.UNCHANGED, current.get().importId(),
                            current.get().version(), read.files(), problems);
                }
                ImportStore.CurrentVersion stored = writer.finish(read.contentHash());
                auditLog.record(user, "IMPORT", "period=" + period + " version=" + stored.version()
                        + " importId=" + stored.importId() + " files=" + read.files().stream()
                        .map(f -> f.fileName() + "(" + f.rows() + ", " + f.encoding() + ")")
                        .collect(Collectors.joining(" ")) + " hash=" + read.contentHash());
                return new ImportReport(period, Status.STORED, stored.importId(), stored.version(), read.files(),
                        problems);
            });
        } catch (DuplicateKeyException e) {
            // Two imports of one period at once: the other one took this version number.
            List<ImportProblem> problems = new ArrayList<>(notes);
            problems.add(new ImportProblem("-", 0, null, Severity.ERROR, "同一考核期正在另一处导入，请稍后重试 / another "
                    + "import of this period ran at the same time, try again"));
            return new ImportReport(period, Status.REJECTED, null, null, List.of(), problems);
        }
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

    private static ImportReport cannotRead(Period period, Path folder, IOException e) {
        return rejected(period, List.of(new ImportProblem(folder.toString(), 0, null, Severity.ERROR,
                "无法读取文件夹 / cannot read the folder: " + e)));
    }

    private static ImportReport rejected(Period period, List<ImportProblem> problems) {
        return new ImportReport(period, Status.REJECTED, null, null, List.of(), problems);
    }
}
