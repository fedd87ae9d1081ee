package org.kaohe.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.kaohe.errors.Message;
import org.kaohe.records.EventKinds;
import org.kaohe.records.ItemRegistry;
import org.kaohe.records.Period;

/**
 * Reads and validates one period's files: decoding, CSV shape, every field and the checks between
 * files, handing each valid record to a {@link RecordSink}. Touches no database itself, so every
 * rule can be tested on its own.
 */
final class ImportParser {

    private ImportParser() {}

    /**
     * What a file missing from the upload means. An import refuses it (it may be a file forgotten);
     * a rulebook's scenario case, which is no import, states only the files it is about, and the
     * others read as holding no records. The roster (departments, cadres) is needed by both.
     */
    enum MissingFiles { REFUSED, READ_AS_EMPTY }

    /** Reads the files as an import does, with the default rulebook's registry of kinds (tests and tools without a database). */
    static ParsedImport parse(Map<String, byte[]> files, Period period) {
        return parse(files, period, EventKinds.registry(), MissingFiles.REFUSED);
    }

    /**
     * Reads the files into memory whole (tests and tools).
     *
     * @param files    file name → bytes; names are matched to the six input files ignoring case
     * @param registry the kinds and levels events.csv may use (the published rulebook's)
     */
    static ParsedImport parse(Map<String, byte[]> files, Period period, ItemRegistry registry, MissingFiles missing) {
        Map<String, Supplier<byte[]>> sources = new LinkedHashMap<>();
        files.forEach((name, bytes) -> sources.put(name, () -> bytes));
        CollectedRecords collected = new CollectedRecords();
        return collected.parsed(period, parse(sources, period, registry, missing, collected));
    }

    /**
     * What reading the files found: each file, the content hash, the problems listed in file and
     * line order, and how many more were only counted ({@link ImportLimits#MAX_PROBLEMS_LISTED}).
     */
    record Outcome(List<ImportReport.FileReport> files, String contentHash, List<ImportProblem> problems,
                   int omittedErrors, int omittedWarnings) {
        boolean hasErrors() {
            return omittedErrors > 0 || problems.stream().anyMatch(ImportProblem::isError);
        }
    }

    /**
     * Reads the files one after another (rosters first, as references point into them) and each
     * file row by row, handing every valid record to {@code sink} at once: only one file's bytes and
     * text are in memory at a time, never its rows. {@code files} gives each file's bytes when asked;
     * {@code registry} holds the kinds and levels events.csv may use (the published rulebook's).
     */
    static Outcome parse(Map<String, Supplier<byte[]>> files, Period period, ItemRegistry registry,
                         MissingFiles missing, RecordSink sink) {
        Problems problems = new Problems();
        Map<InputFile, Supplier<byte[]>> known = knownFiles(files, problems);
        CrossFileChecks references = new CrossFileChecks(problems);
        List<ImportReport.FileReport> reports = new ArrayList<>();
        for (InputFile file : InputFile.quarterly()) {
            Supplier<byte[]> source = known.get(file);
            byte[] bytes = source == null ? null : source.get();
            String sha256 = bytes == null ? null : Sha256.of(bytes);
            DecodedFile decoded = bytes == null ? null : TextDecoder.decode(file.fileName(), bytes, problems);
            bytes = null; // the decoded text is all that is needed from here on
            ImportRowReader rows = new ImportRowReader(file, period, registry, sink, references, problems);
            CsvTable table = read(file, source != null, decoded, missing, problems, rows);
            references.fileDone(table);
            if (decoded != null) {
                ImportReport.FileReport report = new ImportReport.FileReport(file.fileName(), decoded.encoding(),
                        table.rowCount(), sha256);
                reports.add(report);
                sink.file(report, decoded.text());
            }
        }
        return new Outcome(reports, contentHash(reports), sorted(problems.list(), Map.of()), problems.omittedErrors(),
                problems.omittedWarnings());
    }

    /** Reads one Excel workbook into memory whole (tests and tools). */
    static ParsedImport parseWorkbook(String workbookName, byte[] workbook, Period period) {
        CollectedRecords collected = new CollectedRecords();
        Outcome outcome = parseWorkbook(workbookName, workbook, period, EventKinds.registry(), collected);
        return collected.parsed(period, outcome);
    }

    /**
     * Reads the six tables from the sheets of one Excel workbook ({@link WorkbookReader}), streaming
     * each sheet's rows to {@code sink} through the same field and cross-file checks as CSV files, in
     * the same order (rosters first): no sheet's rows are held.
     */
    static Outcome parseWorkbook(String workbookName, byte[] workbook, Period period, ItemRegistry registry,
                                 RecordSink sink) {
        Problems problems = new Problems();
        return parseWorkbook(WorkbookReader.open(workbookName, workbook, problems), problems, period, registry, sink);
    }

    /** As {@link #parseWorkbook(String, byte[], Period, ItemRegistry, RecordSink)}, the workbook in a file. */
    static Outcome parseWorkbook(String workbookName, java.nio.file.Path workbook, Period period, ItemRegistry registry,
                                 RecordSink sink) {
        Problems problems = new Problems();
        return parseWorkbook(WorkbookReader.open(workbookName, workbook, problems), problems, period, registry, sink);
    }

    private static Outcome parseWorkbook(WorkbookReader opened, Problems problems, Period period, ItemRegistry registry,
                                         RecordSink sink) {
        CrossFileChecks references = new CrossFileChecks(problems);
        Map<String, InputFile> sources = new HashMap<>();
        List<ImportReport.FileReport> reports;
        try (WorkbookReader sheets = opened) {
            for (InputFile file : InputFile.quarterly()) {
                ImportRowReader rows = new ImportRowReader(file, period, registry, sink, references, problems);
                CsvTable table = sheets.read(file, rows);
                sources.put(table.fileName(), file);
                references.fileDone(table);
            }
            reports = sheets.reports();
            for (ImportReport.FileReport report : reports) {
                sink.file(report, sheets.contents().get(report.fileName()));
            }
        }
        return new Outcome(reports, contentHash(reports), sorted(problems.list(), sources),
                problems.omittedErrors(), problems.omittedWarnings());
    }

    private static CsvTable read(InputFile file, boolean present, DecodedFile decoded, MissingFiles missing,
                                 Problems problems, CsvTableReader.RowHandler rows) {
        if (!present) {
            if (file.roster() || missing == MissingFiles.REFUSED) {
                problems.error(file.fileName(), 0, null, missingMessage(file));
                return CsvTable.absent(file, false);
            }
            return CsvTable.absent(file, true);
        }
        return decoded == null ? CsvTable.absent(file, false) : CsvTableReader.read(file, decoded, problems, rows);
    }

    /** A missing file, named, with the way to say "no records" (the file with its header line only). */
    static Message missingMessage(InputFile file) {
        return file.withNoRecordsHint(Message.of("import.file.missing", file.fileName()),
                Message.of("import.file.missingHint", file.fileName(), file.headerLine()));
    }

    private static <B> Map<InputFile, B> knownFiles(Map<String, B> files, Problems problems) {
        Map<InputFile, B> known = new EnumMap<>(InputFile.class);
        Map<InputFile, String> givenAs = new HashMap<>();
        for (Map.Entry<String, B> entry : files.entrySet()) {
            Optional<InputFile> file = InputFile.byName(entry.getKey());
            if (file.isEmpty()) {
                problems.error(entry.getKey(), 0, null, Message.of("import.file.unknownName", InputFile.knownNames()));
            } else if (givenAs.containsKey(file.get())) {
                problems.error(entry.getKey(), 0, null, 
                        Message.of("import.file.twice", givenAs.get(file.get())));
            } else {
                known.put(file.get(), entry.getValue());
                givenAs.put(file.get(), entry.getKey());
            }
        }
        return known;
    }

    static String contentHash(List<ImportReport.FileReport> files) {
        StringBuilder pairs = new StringBuilder();
        files.stream().sorted(Comparator.comparing(ImportReport.FileReport::fileName))
                .forEach(f -> pairs.append(f.fileName()).append('\t').append(f.sha256()).append('\n'));
        return Sha256.of(pairs.toString());
    }

    /**
     * Problems in file order (as docs/scheme.md lists the files; problems of the whole upload, such as
     * a workbook's, first), then by line; stable within a line. {@code sources} names each file's
     * source when it is not the file's own name (a workbook's sheet).
     */
    private static List<ImportProblem> sorted(List<ImportProblem> problems, Map<String, InputFile> sources) {
        return problems.stream()
                .sorted(Comparator.comparingInt((ImportProblem p) -> Optional.ofNullable(sources.get(p.file()))
                                .or(() -> InputFile.byName(p.file())).map(Enum::ordinal).orElse(-1))
                        .thenComparingInt(ImportProblem::line))
                .toList();
    }
}
