package org.kaohe.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.kaohe.evaluation.EvaluationService;
import org.kaohe.imports.ImportReport.Status;
import org.kaohe.records.Period;
import org.kaohe.records.SourceRef;
import org.kaohe.records.Target;
import org.kaohe.results.RunQueries;
import org.kaohe.scoring.SubjectResult;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One Excel workbook with the six sheets imports exactly as the six CSV files of the same data,
 * through to the evaluated results; a broken workbook is located by workbook, sheet and row.
 */
class WorkbookImportTest extends ImportDatabaseTest {

    private static final Path Q3 = Path.of("data", "2026-Q3");
    /** Chinese names for half the sheets, English for the rest, as a real HR workbook may mix them. */
    private static final Map<String, String> MIXED_NAMES = Map.of("departments.csv", "部门", "cadres.csv", "cadres",
            "targets.csv", "任务", "appraisals.csv", "Appraisals", "events.csv", "事项", "organizations.csv", "organizations");

    @Autowired EvaluationService evaluation;
    @Autowired RunQueries runs;

    @Test
    void theDemoQuarterAsAWorkbookGivesTheSameRecordsAsItsCsvFiles() throws IOException {
        Period period = Period.parse("2026-Q3");
        ParsedImport csv = ImportParser.parse(csvFiles(Q3), period);
        ParsedImport xlsx = ImportParser.parseWorkbook("2026-Q3.xlsx", PeriodWorkbook.of(Q3, MIXED_NAMES::get), period);

        assertThat(xlsx.problems()).isEmpty();
        assertThat(strip(xlsx)).hasSize(6 + 85 + 288 + 83 + 39 + 24).isEqualTo(strip(csv));
        assertThat(xlsx.targets().get(0).source()).isEqualTo(new SourceRef("2026-Q3.xlsx!任务", 2));
        assertThat(xlsx.files()).extracting(ImportReport.FileReport::fileName).contains("2026-Q3.xlsx!部门", "2026-Q3.xlsx!cadres");
        assertThat(xlsx.files()).allSatisfy(f -> assertThat(f.encoding()).isEqualTo("XLSX"));
    }

    @Test
    void aWorkbookAndItsCsvFilesEvaluateToTheSameResults() throws IOException {
        Period csvPeriod = Period.parse("2061-Q3");
        Period xlsxPeriod = Period.parse("2062-Q3");
        Map<String, String> csvText = csvText(Q3);
        csvText.replaceAll((name, text) -> text.replace("2026-", "2061-"));
        ImportReport fromCsv = importService.importFiles(bytes(csvText), csvPeriod, "hr");
        csvText.replaceAll((name, text) -> text.replace("2061-", "2062-"));
        ImportReport fromXlsx = importService.importWorkbook("青川市 2062-Q3.xlsx",
                PeriodWorkbook.of(csvText, MIXED_NAMES::get), xlsxPeriod, "hr");

        assertThat(fromCsv.status()).as(fromCsv.problems().toString()).isEqualTo(Status.STORED);
        assertThat(fromXlsx.status()).as(fromXlsx.problems().toString()).isEqualTo(Status.STORED);
        long csvRun = evaluation.evaluate(csvPeriod, "hr").runId();
        long xlsxRun = evaluation.evaluate(xlsxPeriod, "hr").runId();

        List<String> csvResults = runs.results(csvRun).stream().map(WorkbookImportTest::outcome).toList();
        List<String> xlsxResults = runs.results(xlsxRun).stream().map(WorkbookImportTest::outcome).toList();
        assertThat(xlsxResults).hasSize(6 + 85).isEqualTo(csvResults);
        SubjectResult c0002 = runs.subject(xlsxRun, "C0002").orElseThrow();
        assertThat(c0002.lines()).flatExtracting(l -> l.evidence()).extracting(SourceRef::file)
                .allMatch(file -> file.startsWith("青川市 2062-Q3.xlsx!"));
        assertThat(repository.fileContent(fromXlsx.importId(), "青川市 2062-Q3.xlsx!任务").orElseThrow().lines().toList())
                .hasSize(csvText.get("targets.csv").lines().toList().size());
    }

    @Test
    void aBrokenCellIsLocatedByWorkbookSheetRowAndColumnAndNothingIsStored() throws IOException {
        Map<String, String> files = csvText(Q3);
        List<String> targets = new java.util.ArrayList<>(files.get("targets.csv").lines().toList());
        String[] row12 = targets.get(11).split(",", -1);
        row12[7] = "很多"; // actual
        targets.set(11, String.join(",", row12));
        files.put("targets.csv", String.join("\n", targets) + "\n");
        Map<String, Long> before = rowCounts();

        ImportReport english = importService.importWorkbook("workbook.xlsx",
                PeriodWorkbook.of(files, name -> name.replace(".csv", "")), Period.parse("2026-Q3"), "hr");
        ImportReport chinese = importService.importWorkbook("工作簿.xlsx",
                PeriodWorkbook.of(files, MIXED_NAMES::get), Period.parse("2026-Q3"), "hr");

        assertThat(english.status()).isEqualTo(Status.REJECTED);
        assertThat(english.errors()).extracting(ImportProblem::toString)
                .singleElement().asString().startsWith("workbook.xlsx!targets:12: actual: ").contains("很多");
        assertThat(chinese.errors()).extracting(ImportProblem::toString)
                .singleElement().asString().startsWith("工作簿.xlsx!任务:12: actual: ");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void chineseHeadersAndAReferenceToAMissingCadreAreLocatedInTheirSheets() {
        Map<String, String> files = new HashMap<>(validCsv());
        files.put("cadres.csv", "干部编号,姓名,部门编号,职务,出生日期\nC1,张伟,D1,科长,1980-05-01\nC2,李娜,D2,副书记,1990-03-15\n");
        files.put("appraisals.csv", files.get("appraisals.csv").replace("C1", "C9"));

        ParsedImport parsed = ImportParser.parseWorkbook("wb.xlsx", PeriodWorkbook.of(files, MIXED_NAMES::get),
                PeriodFiles.PERIOD);

        assertThat(parsed.problems()).extracting(ImportProblem::toString)
                .singleElement().asString().startsWith("wb.xlsx!Appraisals:").contains("not found in wb.xlsx!cadres: C9");
    }

    /** The demo quarter's files with its dates and periods moved to another year. */
    private static Map<String, String> inYear(int year) throws IOException {
        Map<String, String> text = csvText(Q3);
        text.replaceAll((name, content) -> content.replace("2026-", year + "-"));
        return text;
    }

    @Test
    void sheetsKaoheDoesNotReadAreNeverUnpackedHoweverLarge() throws IOException {
        byte[] workbook = HostileFiles.workbookWithExtraSheets(inYear(2064), 1, 400L * 1024 * 1024, true);
        assertThat(workbook.length).isLessThan(40 * 1024 * 1024);

        ImportReport report = importService.importWorkbook("2064-Q3.xlsx", workbook, Period.parse("2064-Q3"), "hr");

        assertThat(report.status()).as(report.problems().toString()).isEqualTo(ImportReport.Status.STORED);
        assertThat(report.warnings()).extracting(ImportProblem::message)
                .anySatisfy(m -> assertThat(m).contains("extra1").contains("ignored"));
    }

    @Test
    void aSheetLargerThanASheetMayBeIsRefusedAtItsLimitAndNothingIsStored() throws IOException {
        Map<String, String> files = inYear(2065);
        byte[] six = PeriodWorkbook.of(files, file -> file.replace(".csv", ""));
        // the targets sheet: its header, then 300 MB of XML right of the columns read, random enough not
        // to look like a zip bomb
        int targets = new java.util.ArrayList<>(files.keySet()).indexOf("targets.csv") + 1;
        List<String> header = List.of(files.get("targets.csv").lines().findFirst().orElseThrow().split(","));
        byte[] workbook = HostileFiles.withSheetsReplaced(six, Map.of("xl/worksheets/sheet" + targets + ".xml",
                300L * 1024 * 1024), false, header);

        ImportReport report = importService.importWorkbook("2065-Q3.xlsx", workbook, Period.parse("2065-Q3"), "hr");

        assertThat(report.status()).isEqualTo(ImportReport.Status.REJECTED);
        assertThat(report.errors()).extracting(ImportProblem::file).contains("2065-Q3.xlsx!targets");
        assertThat(report.errors()).extracting(ImportProblem::message)
                .anySatisfy(m -> assertThat(m).contains("256 MB"));
    }

    @Test
    void missingRosterSheetsUnknownSheetsAndFilesThatAreNoWorkbookAreSaid() throws IOException {
        Map<String, String> onlyCadres = Map.of("cadres.csv", validCsv().get("cadres.csv"), "说明.csv", "这是说明\n");
        ParsedImport missing = ImportParser.parseWorkbook("wb.xlsx", PeriodWorkbook.of(onlyCadres,
                name -> name.replace(".csv", "")), PeriodFiles.PERIOD);
        assertThat(missing.problems()).extracting(PeriodFiles::keyed)
                .contains("wb.xlsx:0: import.workbook.sheetMissing[departments(部门)]")
                .anyMatch(p -> p.startsWith("wb.xlsx:0: import.workbook.unknownSheet[说明, "));

        ParsedImport notXlsx = ImportParser.parseWorkbook("old.xls", "not a workbook".getBytes(StandardCharsets.UTF_8),
                PeriodFiles.PERIOD);
        assertThat(notXlsx.problems()).extracting(PeriodFiles::keyed).first().isEqualTo("old.xls:0: import.workbook.oldExcel[]");
    }

    @Test
    void anEmptyRowAndATitleRowAboveTheHeaderKeepExcelRowNumbers() throws IOException {
        byte[] workbook;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Map.Entry<String, String> file : validCsv().entrySet()) {
                Sheet sheet = wb.createSheet(file.getKey().replace(".csv", ""));
                List<String> lines = file.getValue().lines().toList();
                int r = file.getKey().equals("targets.csv") ? 2 : 0; // targets: header on row 3
                for (String line : lines) {
                    Row row = sheet.createRow(r++);
                    String[] cells = line.split(",", -1);
                    for (int c = 0; c < cells.length; c++) {
                        row.createCell(c).setCellValue(cells[c]);
                    }
                    if (file.getKey().equals("targets.csv")) {
                        r++; // a blank row after each
                    }
                }
            }
            wb.write(out);
            workbook = out.toByteArray();
        }

        ParsedImport parsed = ImportParser.parseWorkbook("wb.xlsx", workbook, PeriodFiles.PERIOD);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.targets()).extracting(Target::source)
                .containsExactly(new SourceRef("wb.xlsx!targets", 5), new SourceRef("wb.xlsx!targets", 7));
        List<String> stored = parsed.contents().get("wb.xlsx!targets").lines().toList();
        assertThat(stored.get(2)).startsWith("target_id,");
        assertThat(stored.get(4)).startsWith(parsed.targets().get(0).targetId() + ",");
    }

    private static Map<String, String> validCsv() {
        return PeriodFiles.valid().texts();
    }

    private static String outcome(SubjectResult s) {
        return String.join("|", s.subjectType().name(), s.subjectId(), s.name(), s.deptId(), s.score().toPlainString(),
                s.bandGrade().name(), s.gatedGrade().name(), s.finalGrade().name(), Integer.toString(s.rank()),
                Boolean.toString(s.vetoed()), s.parts().toString());
    }

    /** Every record as text with its source reduced to the line: the files' names differ on purpose. */
    private static List<String> strip(ParsedImport p) {
        return Stream.of(p.departments(), p.cadres(), p.targets(), p.appraisals(), p.events(), p.organizations())
                .flatMap(List::stream)
                .map(record -> record.toString().replaceAll("source=[^\\]]*:(\\d+)]$", "source=$1]"))
                .toList();
    }

    private static Map<String, byte[]> csvFiles(Path folder) throws IOException {
        return bytes(csvText(folder));
    }

    private static Map<String, byte[]> bytes(Map<String, String> texts) {
        Map<String, byte[]> files = new HashMap<>();
        texts.forEach((name, text) -> files.put(name, text.getBytes(StandardCharsets.UTF_8)));
        return files;
    }

    private static Map<String, String> csvText(Path folder) throws IOException {
        Map<String, String> files = new java.util.LinkedHashMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path file : list.sorted().toList()) {
                files.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
