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
 * Imports one period's six files (RULEBOOK §2): validates everything, then stores it as the
 * period's next import version in one transaction — all of it or, on any error, nothing. Files
 * byte-identical to the period's current version are recognised and nothing is written.
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

    /** Imports the six files of a folder; other CSV files in it are reported and ignored. */
    public ImportReport importFolder(Path folder, Period period, String user) {
        if (!Files.isDirectory(folder)) {
            return rejected(period, List.of(new ImportProblem(folder.toString(), 0, null, Severity.ERROR,
                    "文件夹不存在 / folder not found")));
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<ImportProblem> notes = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!Files.isRegularFile(entry)) {
                    continue;
                }
                if (InputFile.byName(name).isPresent()) {
                    files.put(name, Files.readAllBytes(entry));
                } else if (name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                    notes.add(new ImportProblem(name, 0, null, Severity.WARNING, "不是六个输入文件之一，已忽略 / not one "
                            + "of the six input files, ignored (expected: " + InputFile.knownNames() + ")"));
                }
            }
        } catch (IOException e) {
            return rejected(period, List.of(new ImportProblem(folder.toString(), 0, null, Severity.ERROR,
                    "无法读取文件夹 / cannot read the folder: " + e)));
        }
        return importValidated(ImportParser.parse(files, period), notes, user);
    }

    /** Imports uploaded files (file name → bytes); names other than the six are errors. */
    public ImportReport importFiles(Map<String, byte[]> files, Period period, String user) {
        return importValidated(ImportParser.parse(files, period), List.of(), user);
    }

    /** Imports an uploaded zip holding the six files (in its root or in one folder). */
    public ImportReport importZip(String zipName, byte[] zip, Period period, String user) {
        ZipUpload.Unpacked unpacked = ZipUpload.unpack(zipName, zip);
        if (!unpacked.ok()) {
            return rejected(period, unpacked.problems());
        }
        return importValidated(ImportParser.parse(unpacked.files(), period), unpacked.problems(), user);
    }

    /**
     * Imports one Excel workbook holding the six tables as sheets (named in English or Chinese); its
     * problems are located as {@code workbook.xlsx!sheet:row}.
     */
    public ImportReport importWorkbook(String workbookName, byte[] workbook, Period period, String user) {
        return importValidated(ImportParser.parseWorkbook(workbookName, workbook, period), List.of(), user);
    }

    private ImportReport importValidated(ParsedImport parsed, List<ImportProblem> notes, String user) {
        List<ImportProblem> problems = new ArrayList<>(notes);
        problems.addAll(parsed.problems());
        if (parsed.hasErrors()) {
            return new ImportReport(parsed.period(), Status.REJECTED, null, null, parsed.files(), problems);
        }
        try {
            return transaction.execute(status -> storeUnlessUnchanged(parsed, problems, user));
        } catch (DuplicateKeyException e) {
            // Two imports of one period at once: the other one took this version number.
            problems.add(new ImportProblem("-", 0, null, Severity.ERROR, "同一考核期正在另一处导入，请稍后重试 / another "
                    + "import of this period ran at the same time, try again"));
            return new ImportReport(parsed.period(), Status.REJECTED, null, null, parsed.files(), problems);
        }
    }

    private ImportReport storeUnlessUnchanged(ParsedImport parsed, List<ImportProblem> problems, String user) {
        Optional<ImportStore.CurrentVersion> current = store.current(parsed.period());
        if (current.isPresent() && current.get().contentHash().equals(parsed.contentHash())) {
            return new ImportReport(parsed.period(), Status.UNCHANGED, current.get().importId(), current.get().version(),
                    parsed.files(), problems);
        }
        ImportStore.CurrentVersion stored = store.store(parsed, user);
        auditLog.record(user, "IMPORT", "period=" + parsed.period() + " version=" + stored.version()
                + " importId=" + stored.importId() + " files=" + parsed.files().stream()
                .map(f -> f.fileName() + "(" + f.rows() + ", " + f.encoding() + ")").collect(Collectors.joining(" "))
                + " hash=" + parsed.contentHash());
        return new ImportReport(parsed.period(), Status.STORED, stored.importId(), stored.version(), parsed.files(),
                problems);
    }

    private static ImportReport rejected(Period period, List<ImportProblem> problems) {
        return new ImportReport(period, Status.REJECTED, null, null, List.of(), problems);
    }
}
