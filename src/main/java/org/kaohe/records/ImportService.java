package org.kaohe.records;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.kaohe.audit.AuditLog;
import org.kaohe.records.ImportProblem.Severity;
import org.kaohe.records.ImportReport.Status;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports one period's six files (docs/scheme.md): validates everything, then stores it as the
 * period's next import version in one transaction — all of it or, on any error, nothing. Files
 * byte-identical to the period's current version are recognised and nothing is written.
 * The command line, the web upload and the REST API all come through here.
 */
@Service
public class ImportService {

    private final ImportStore store;
    private final AuditLog auditLog;
    private final TransactionTemplate transaction;
    private final ItemRegistrySource registry;

    ImportService(ImportStore store, AuditLog auditLog, TransactionTemplate transaction, ItemRegistrySource registry) {
        this.store = store;
        this.auditLog = auditLog;
        this.transaction = transaction;
        this.registry = registry;
    }

    /** Imports the six files of a folder; other CSV files in it are reported and ignored. */
    public ImportReport importFolder(Path folder, Period period, String user) {
        if (!Files.isDirectory(folder)) {
            return rejected(user, period, List.of(new ImportProblem(folder.toString(), 0, null, Severity.ERROR,
                    "文件夹不存在 / folder not found")));
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
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
                    files.put(name, Files.readAllBytes(entry));
                } else if (name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                    notes.add(new ImportProblem(name, 0, null, Severity.WARNING, "不是六个输入文件之一，已忽略 / not one "
                            + "of the six input files, ignored (expected: " + InputFile.knownNames() + ")"));
                }
            }
        } catch (IOException e) {
            return rejected(user, period, List.of(new ImportProblem(folder.toString(), 0, null, Severity.ERROR,
                    "无法读取文件夹 / cannot read the folder: " + e)));
        }
        return importValidated(ImportParser.parse(files, period, registry.publishedRegistry()), notes, user);
    }

    /** Imports uploaded files (file name → bytes); names other than the six are errors. */
    public ImportReport importFiles(Map<String, byte[]> files, Period period, String user) {
        long total = files.values().stream().mapToLong(b -> b.length).sum();
        if (total > ImportLimits.MAX_UNPACKED_BYTES) {
            return rejected(user, period, List.of(tooLarge("-", total)));
        }
        return importValidated(ImportParser.parse(files, period, registry.publishedRegistry()), List.of(), user);
    }

    private static ImportProblem tooLarge(String where, long bytes) {
        return new ImportProblem(where, 0, null, Severity.ERROR, "文件合计 " + ImportLimits.megabytes(bytes) + ",超过上限 "
                + ImportLimits.megabytes(ImportLimits.MAX_UNPACKED_BYTES) + " / the files hold " + ImportLimits.megabytes(bytes)
                + ", more than the limit of " + ImportLimits.megabytes(ImportLimits.MAX_UNPACKED_BYTES));
    }

    /** Imports an uploaded zip holding the six files (in its root or in one folder). */
    public ImportReport importZip(String zipName, byte[] zip, Period period, String user) {
        ZipUpload.Unpacked unpacked = ZipUpload.unpack(zipName, zip);
        if (!unpacked.ok()) {
            return rejected(user, period, unpacked.problems());
        }
        return importValidated(ImportParser.parse(unpacked.files(), period, registry.publishedRegistry()), unpacked.problems(), user);
    }

    private ImportReport importValidated(ParsedImport parsed, List<ImportProblem> notes, String user) {
        List<ImportProblem> problems = new ArrayList<>(notes);
        problems.addAll(parsed.problems());
        if (parsed.hasErrors()) {
            return refused(user, new ImportReport(parsed.period(), Status.REJECTED, null, null, parsed.files(), problems,
                    parsed.omittedErrors(), parsed.omittedWarnings()));
        }
        try {
            return transaction.execute(status -> storeUnlessUnchanged(parsed, problems, user));
        } catch (DuplicateKeyException e) {
            // Two imports of one period at once: the other one took this version number.
            problems.add(new ImportProblem("-", 0, null, Severity.ERROR, "同一考核期正在另一处导入，请稍后重试 / another "
                    + "import of this period ran at the same time, try again"));
            return refused(user, new ImportReport(parsed.period(), Status.REJECTED, null, null, parsed.files(), problems));
        }
    }

    /** A refused import changes nothing stored, but who tried what, and why, is logged. */
    private ImportReport refused(String user, ImportReport report) {
        List<ImportProblem> errors = report.errors();
        auditLog.record(user, "IMPORT_REFUSED", Map.of("period", report.period().toString(),
                "errors", report.errorCount(),
                "first", errors.isEmpty() ? "" : errors.get(0).toString()));
        return report;
    }

    private ImportReport storeUnlessUnchanged(ParsedImport parsed, List<ImportProblem> problems, String user) {
        Optional<ImportStore.CurrentVersion> current = store.current(parsed.period());
        if (current.isPresent() && current.get().contentHash().equals(parsed.contentHash())) {
            auditLog.record(user, "IMPORT_UNCHANGED", Map.of("period", parsed.period().toString(),
                    "version", current.get().version()));
            return new ImportReport(parsed.period(), Status.UNCHANGED, current.get().importId(), current.get().version(),
                    parsed.files(), problems);
        }
        ImportStore.CurrentVersion stored = store.store(parsed, user);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("period", parsed.period().toString());
        detail.put("version", stored.version());
        detail.put("files", parsed.files().stream().map(f -> f.fileName() + " (" + f.rows() + ", " + f.encoding() + ")")
                .collect(Collectors.joining(", ")));
        detail.put("hash", parsed.contentHash());
        auditLog.record(user, "IMPORT", detail);
        return new ImportReport(parsed.period(), Status.STORED, stored.importId(), stored.version(), parsed.files(),
                problems);
    }

    private ImportReport rejected(String user, Period period, List<ImportProblem> problems) {
        return refused(user, new ImportReport(period, Status.REJECTED, null, null, List.of(), problems));
    }
}
