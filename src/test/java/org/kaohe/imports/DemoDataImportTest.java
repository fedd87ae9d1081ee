package org.kaohe.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kaohe.imports.ImportReport.Status;
import org.kaohe.records.Period;
import org.kaohe.records.PeriodRecords;

/** The demo quarters in data/ import cleanly, every line a record, and a GBK copy reads the same. */
class DemoDataImportTest extends ImportDatabaseTest {

    private static final Path DATA = Path.of("data");

    @ParameterizedTest
    @ValueSource(strings = {"2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"})
    void aDemoQuarterImportsWithoutAnyProblem(String quarter) throws IOException {
        Path folder = DATA.resolve(quarter);

        ImportReport report = importService.importFolder(folder, Period.parse(quarter), "demo");

        assertThat(report.problems()).isEmpty();
        assertThat(report.status()).isIn(Status.STORED, Status.UNCHANGED);
        assertThat(report.files()).hasSize(6);
        for (ImportReport.FileReport file : report.files()) {
            long dataLines = Files.readAllLines(folder.resolve(file.fileName()), StandardCharsets.UTF_8).stream()
                    .skip(1).filter(line -> !line.isBlank()).count();
            assertThat(file.rows()).as(file.fileName()).isEqualTo(dataLines);
        }
        PeriodRecords records = repository.loadCurrent(Period.parse(quarter)).orElseThrow();
        assertThat(records.departments()).hasSize(6);
        assertThat(records.cadres()).hasSizeBetween(60, 100);
    }

    @Test
    void theDemoQuarterSavedAsGbkReadsIdentically() throws IOException {
        Map<String, byte[]> utf8 = new LinkedHashMap<>();
        Map<String, byte[]> gbk = new LinkedHashMap<>();
        try (var files = Files.list(DATA.resolve("2026-Q3"))) {
            for (Path file : files.toList()) {
                byte[] bytes = Files.readAllBytes(file);
                utf8.put(file.getFileName().toString(), bytes);
                gbk.put(file.getFileName().toString(),
                        new String(bytes, StandardCharsets.UTF_8).getBytes(Charset.forName("GBK")));
            }
        }
        Period period = Period.parse("2026-Q3");

        ParsedImport a = ImportParser.parse(utf8, period);
        ParsedImport b = ImportParser.parse(gbk, period);

        assertThat(b.problems()).isEmpty();
        assertThat(b.files()).extracting(ImportReport.FileReport::encoding).contains("GB18030");
        assertThat(b.departments()).isEqualTo(a.departments());
        assertThat(b.cadres()).isEqualTo(a.cadres());
        assertThat(b.targets()).isEqualTo(a.targets());
        assertThat(b.appraisals()).isEqualTo(a.appraisals());
        assertThat(b.events()).isEqualTo(a.events());
        assertThat(b.organizations()).isEqualTo(a.organizations());
    }
}
