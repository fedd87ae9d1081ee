package org.kaohe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaohe.audit.H2Password;

/**
 * {@code results --out FILE} in every format, quarter and year, through the command line's own
 * Spring application ({@link CommandLineLauncher#run}, as {@code java -jar} runs it), not the web
 * application's context: the people's workbook needs the message bundles there too. Each export is
 * recorded in the audit log, as the page's downloads are.
 */
class ResultsExportCommandTest {

    private static final List<String> MACHINE_COLUMNS =
            List.of("subject_type", "subject_id", "name", "dept_id", "score", "grade", "rank", "vetoed");

    @TempDir
    static Path dir;

    private static String database;

    @BeforeAll
    static void aYearImportedAndEvaluated() {
        database = "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("kaohe").toAbsolutePath();
        for (String quarter : List.of("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4")) {
            assertThat(kaohe("import", "data/" + quarter).exit()).isZero();
            assertThat(kaohe("evaluate", "--period", quarter).exit()).isZero();
        }
        assertThat(kaohe("import", "data/2026", "--year", "2026").exit()).isZero();
        assertThat(kaohe("evaluate", "--year", "2026").exit()).isZero();
    }

    @Test
    void theQuartersWorkbookIsThePeoplesWorkbookInChinese() throws IOException {
        Path out = dir.resolve("2026-Q3.xlsx");

        Run run = kaohe("results", "--period", "2026-Q3", "--format", "xlsx", "--out", out.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("考核结果 2026-Q3");
        }
    }

    @Test
    void theYearsWorkbookIsTheAnnualPagesWorkbook() throws IOException {
        Path out = dir.resolve("2026.xlsx");

        Run run = kaohe("results", "--year", "2026", "--format", "xlsx", "--out", out.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("2026 年度考核");
        }
    }

    @Test
    void csvAndJsonCarryTheSameRowsInTheMachineColumnsForAQuarterAndAYear() throws IOException {
        for (String[] which : List.of(new String[] {"--period", "2026-Q3"}, new String[] {"--year", "2026"})) {
            Path csvFile = dir.resolve(which[1] + ".csv");
            Path jsonFile = dir.resolve(which[1] + ".json");
            Run csv = kaohe("results", which[0], which[1], "--format", "csv", "--out", csvFile.toString());
            Run json = kaohe("results", which[0], which[1], "--format", "json", "--out", jsonFile.toString());

            assertThat(csv.exit()).as(csv.err()).isZero();
            assertThat(json.exit()).as(json.err()).isZero();
            // the file starts with a byte-order mark, for Excel
            String text = Files.readString(csvFile, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "");
            List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new java.io.StringReader(text)).getRecords();
            assertThat(rows.get(0).getParser().getHeaderNames()).as(which[1]).startsWith(MACHINE_COLUMNS.toArray(String[]::new));
            JsonNode objects = new ObjectMapper().readTree(jsonFile.toFile());
            assertThat(objects).as(which[1]).hasSize(rows.size()).isNotEmpty();
            for (int i = 0; i < rows.size(); i++) {
                assertThat(objects.get(i).get("subject_id").asText()).isEqualTo(rows.get(i).get("subject_id"));
                assertThat(objects.get(i).get("score").decimalValue()).isEqualByComparingTo(rows.get(i).get("score"));
            }
        }
    }

    @Test
    void eachExportIsAudited() {
        Path out = dir.resolve("audited.csv");
        int before = exportEntries();

        assertThat(kaohe("results", "--period", "2026-Q2", "--format", "csv", "--out", out.toString()).exit()).isZero();
        assertThat(kaohe("results", "--year", "2026", "--format", "csv", "--out", out.toString()).exit()).isZero();

        assertThat(exportEntries()).isEqualTo(before + 2);
    }

    /** The EXPORT and EXPORT_YEAR entries in the database the commands wrote (closed between commands). */
    private static int exportEntries() {
        String url = database.substring(database.indexOf('=') + 1);
        try (Connection db = DriverManager.getConnection(url, "sa", H2Password.passwordFor(url));
             ResultSet count = db.createStatement().executeQuery(
                     "SELECT COUNT(*) FROM audit_log WHERE action IN ('EXPORT', 'EXPORT_YEAR')")) {
            count.next();
            return count.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Run kaohe(String... args) {
        String[] all = new String[args.length + 1];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = database;
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = CommandLineLauncher.run(all);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private record Run(int exit, String out, String err) {}
}
