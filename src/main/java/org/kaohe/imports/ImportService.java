package org.kaohe.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.kaohe.errors.ConflictException;
import org.kaohe.errors.Message;
import org.kaohe.imports.ImportProblem.Severity;
import org.kaohe.imports.ImportReport.Status;
import org.kaohe.records.ItemRegistry;
import org.kaohe.records.Period;
import org.kaohe.work.HeavyWork;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * Imports one period's six files (docs/scheme.md) as the period's next import version, in one
 * transaction — all of it or, on any error, nothing; a file missing is an error. Rows are validated
 * against the published rulebook's registry of kinds and levels and written as they are read (see
 * {@link ImportParser#parse(Map, Period, ItemRegistry, ImportParser.MissingFiles, RecordSink)}), so the quarter is
 * never in memory whole; files larger together than {@link ImportLimits#maxUnpackedBytes()} are refused
 * before they are read, and uploads are read from files on disk (a workbook opened as a file, a zip
 * unpacked entry by entry), never held whole. Each import is heavy work ({@link HeavyWork}): it waits
 * for a permit, and a second import of a period while one runs is a conflict. Files byte-identical
 * to the period's current version are recognised and nothing is kept. A version is compared with the
 * current one file by file ({@link VersionDiff}); one that removes a large share of a file's rows is
 * stored only with HR's {@link RemovalConfirmation}. The command line, the web upload and the REST
 * API all come through here.
 */
@Service
@NamedInterface("imports") // the import module's API; every type here not marked so is internal
public class ImportService {

    private final StreamingImport streaming;
    private final HeavyWork heavy;

    ImportService(StreamingImport streaming, HeavyWork heavy) {
        this.streaming = streaming;
        this.heavy = heavy;
    }

    /**
     * The import as heavy work ({@link HeavyWork}): it waits for a permit, and a second import of the
     * same period while one runs on this instance is refused at once ({@link ConflictException}).
     */
    private ImportReport gated(Period period, String user, Supplier<ImportReport> work) {
        return heavy.run(HeavyWork.Kind.IMPORT, user, Message.of("work.title.import", period.toString()), "import " + period,
                job -> work.get());
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
        return gated(period, user, () -> {
            if (!Files.isDirectory(folder)) {
                return rejected(user, period, List.of(new ImportProblem(folder.toString(), 0, null, Severity.ERROR,
                        Message.of("import.folder.notFound"))));
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
        });
    }

    /** As {@link #importFiles(Map, Period, String, RemovalConfirmation)} without a confirmation. */
    public ImportReport importFiles(Map<String, byte[]> files, Period period, String user) {
        return importFiles(files, period, user, RemovalConfirmation.NONE);
    }

    /** Imports uploaded files (file name → bytes); names other than the six are errors. */
    public ImportReport importFiles(Map<String, byte[]> files, Period period, String user,
                                    RemovalConfirmation confirmation) {
        return gated(period, user, () -> {
            long total = files.values().stream().mapToLong(b -> b.length).sum();
            if (total > ImportLimits.maxUnpackedBytes()) {
                return rejected(user, period, List.of(ImportLimits.tooLarge("-", total)));
            }
            Map<String, Supplier<byte[]>> sources = new LinkedHashMap<>();
            files.forEach((name, bytes) -> sources.put(name, () -> bytes));
            return importStreaming(sources, period, List.of(), user, confirmation);
        });
    }

    /**
     * Imports uploaded files kept on disk (file name → file), as {@link #importFiles}: names other than
     * the six are errors; each file is read when the import comes to it.
     */
    public ImportReport importPaths(Map<String, Path> files, Period period, String user,
                                    RemovalConfirmation confirmation) {
        return gated(period, user, () -> {
            Map<String, Supplier<byte[]>> sources = new LinkedHashMap<>();
            long total = 0;
            try {
                for (Map.Entry<String, Path> file : files.entrySet()) {
                    total += Files.size(file.getValue());
                    sources.put(file.getKey(), FolderFiles.reader(file.getValue()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (total > ImportLimits.maxUnpackedBytes()) {
                return rejected(user, period, List.of(ImportLimits.tooLarge("-", total)));
            }
            return importStreaming(sources, period, List.of(), user, confirmation);
        });
    }

    /** As {@link #importZip(String, Path, Period, String, RemovalConfirmation)}, the zip in memory (tests, small zips). */
    public ImportReport importZip(String zipName, byte[] zip, Period period, String user) {
        return TemporaryFiles.withFile("kaohe-upload", ".zip", zip,
                file -> importZip(zipName, file, period, user, RemovalConfirmation.NONE));
    }

    /**
     * Imports an uploaded zip kept on disk, holding the six files (in its root or in one folder):
     * unpacked entry by entry into a temporary folder within the limits, then read a file at a time,
     * as a folder is.
     */
    public ImportReport importZip(String zipName, Path zip, Period period, String user,
                                  RemovalConfirmation confirmation) {
        return gated(period, user, () -> {
            Path folder = null;
            try (InputStream in = Files.newInputStream(zip)) {
                folder = Files.createTempDirectory("kaohe-zip");
                ZipUpload.UnpackedTo unpacked = ZipUpload.unpackTo(zipName, in, folder);
                if (!unpacked.ok()) {
                    return rejected(user, period, unpacked.problems());
                }
                Map<String, Supplier<byte[]>> sources = new LinkedHashMap<>();
                unpacked.files().forEach((name, file) -> sources.put(name, FolderFiles.reader(file)));
                return importStreaming(sources, period, unpacked.problems(), user, confirmation);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                TemporaryFiles.delete(folder);
            }
        });
    }

    /** As {@link #importWorkbook(String, Path, Period, String, RemovalConfirmation)}, the workbook in memory (tests). */
    public ImportReport importWorkbook(String workbookName, byte[] workbook, Period period, String user) {
        return TemporaryFiles.withFile("kaohe-upload", ".xlsx", workbook,
                file -> importWorkbook(workbookName, file, period, user, RemovalConfirmation.NONE));
    }

    /**
     * Imports one Excel workbook holding the six tables as sheets (named in English or Chinese), opened
     * from its file and never read into memory whole; its problems are located as
     * {@code workbook.xlsx!sheet:row}. Same checks, same single transaction.
     */
    public ImportReport importWorkbook(String workbookName, Path workbook, Period period, String user,
                                       RemovalConfirmation confirmation) {
        return gated(period, user, () -> {
            long size;
            try {
                size = Files.size(workbook);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (size > ImportLimits.maxUnpackedBytes()) {
                return rejected(user, period, List.of(ImportLimits.tooLarge(workbookName, size)));
            }
            return streaming.run((kinds, writer) -> ImportParser.parseWorkbook(workbookName, workbook, period, kinds,
                    writer), period, List.of(), user, confirmation);
        });
    }

    private ImportReport importStreaming(Map<String, Supplier<byte[]>> files, Period period,
                                         List<ImportProblem> notes, String user, RemovalConfirmation confirmation) {
        return streaming.run((kinds, writer) -> ImportParser.parse(files, period, kinds,
                ImportParser.MissingFiles.REFUSED, writer), period, notes, user, confirmation);
    }

    private ImportReport cannotRead(String user, Period period, Path folder, IOException e) {
        return rejected(user, period, List.of(new ImportProblem(folder.toString(), 0, null, Severity.ERROR,
                Message.of("import.folder.unreadable", e.toString()))));
    }

    private ImportReport rejected(String user, Period period, List<ImportProblem> problems) {
        return streaming.refused(user, new ImportReport(period, Status.REJECTED, null, null, List.of(), problems));
    }
}
