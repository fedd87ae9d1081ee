package org.kaohe.records;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and validates one period's files: decoding, CSV shape, every field, then the checks
 * between files. Touches no database, so every rule can be tested on its own.
 */
final class ImportParser {

    private ImportParser() {}

    /** @param files file name → bytes; names are matched to the six input files ignoring case */
    static ParsedImport parse(Map<String, byte[]> files, Period period) {
        Problems problems = new Problems();
        Map<InputFile, byte[]> known = knownFiles(files, problems);
        Map<InputFile, CsvTable> tables = new EnumMap<>(InputFile.class);
        List<ImportReport.FileReport> reports = new ArrayList<>();
        Map<String, String> contents = new LinkedHashMap<>();
        for (InputFile file : InputFile.values()) {
            byte[] bytes = known.get(file);
            DecodedFile decoded = bytes == null ? null : TextDecoder.decode(file.fileName(), bytes, problems);
            CsvTable table = read(file, bytes, decoded, problems);
            tables.put(file, table);
            if (decoded != null) {
                reports.add(new ImportReport.FileReport(file.fileName(), decoded.encoding(), table.rows().size(),
                        Sha256.of(bytes)));
                contents.put(file.fileName(), decoded.text());
            }
        }
        return validated(period, tables, reports, contents, problems);
    }

    /** Reads the six tables from the sheets of one Excel workbook ({@link WorkbookReader}). */
    static ParsedImport parseWorkbook(String workbookName, byte[] bytes, Period period) {
        Problems problems = new Problems();
        WorkbookReader.Sheets sheets = WorkbookReader.read(workbookName, bytes, problems);
        return validated(period, sheets.tables(), sheets.reports(), sheets.contents(), problems);
    }

    /** Every field and the checks between files, the same whichever source the tables came from. */
    private static ParsedImport validated(Period period, Map<InputFile, CsvTable> tables,
                                          List<ImportReport.FileReport> reports, Map<String, String> contents,
                                          Problems problems) {
        List<Department> departments = DepartmentRows.read(tables.get(InputFile.DEPARTMENTS), problems);
        List<Cadre> cadres = CadreRows.read(tables.get(InputFile.CADRES), period, problems);
        List<Target> targets = TargetRows.read(tables.get(InputFile.TARGETS), period, problems);
        List<Appraisal> appraisals = AppraisalRows.read(tables.get(InputFile.APPRAISALS), period, problems);
        List<Event> events = EventRows.read(tables.get(InputFile.EVENTS), period, problems);
        List<Organization> organizations = OrganizationRows.read(tables.get(InputFile.ORGANIZATIONS), problems);
        CrossFileChecks.check(tables, problems);
        return new ParsedImport(period, departments, cadres, targets, appraisals, events, organizations, reports,
                contents, contentHash(reports), sorted(problems.list(), tables));
    }

    private static CsvTable read(InputFile file, byte[] bytes, DecodedFile decoded, Problems problems) {
        if (bytes == null) {
            if (file.roster()) {
                problems.error(file.fileName(), 0, null, "缺少必需的文件 / required file missing");
                return CsvTable.absent(file, false);
            }
            problems.warning(file.fileName(), 0, null, "文件不存在，按无记录处理 / file not present: read as having no records");
            return CsvTable.absent(file, true);
        }
        return decoded == null ? CsvTable.absent(file, false) : CsvTableReader.read(file, decoded, problems);
    }

    private static Map<InputFile, byte[]> knownFiles(Map<String, byte[]> files, Problems problems) {
        Map<InputFile, byte[]> known = new EnumMap<>(InputFile.class);
        Map<InputFile, String> givenAs = new HashMap<>();
        for (Map.Entry<String, byte[]> entry : files.entrySet()) {
            Optional<InputFile> file = InputFile.byName(entry.getKey());
            if (file.isEmpty()) {
                problems.error(entry.getKey(), 0, null, "未知的文件名，应为 / unknown file name, expected: "
                        + InputFile.knownNames());
            } else if (givenAs.containsKey(file.get())) {
                problems.error(entry.getKey(), 0, null, "文件重复(已有 " + givenAs.get(file.get()) + ") / file given twice "
                        + "(already as " + givenAs.get(file.get()) + ")");
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
     * Problems in file order (as RULEBOOK lists the files; problems of the whole upload first), then by
     * line; stable within a line.
     */
    private static List<ImportProblem> sorted(List<ImportProblem> problems, Map<InputFile, CsvTable> tables) {
        Map<String, Integer> order = new HashMap<>();
        tables.forEach((file, table) -> order.put(table.fileName(), file.ordinal()));
        return problems.stream()
                .sorted(Comparator.comparingInt((ImportProblem p) -> order.getOrDefault(p.file(),
                                InputFile.byName(p.file()).map(Enum::ordinal).orElse(-1)))
                        .thenComparingInt(ImportProblem::line))
                .toList();
    }
}
