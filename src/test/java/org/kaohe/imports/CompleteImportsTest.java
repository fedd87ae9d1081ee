package org.kaohe.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaohe.imports.ImportReport.Status;

/**
 * A quarter's import needs all six files, whatever brings them: a file (or sheet) left out is
 * refused by name with the way to say "no records" (its header line only), and nothing is stored;
 * the header alone does store a quarter with no records of that kind.
 */
class CompleteImportsTest extends ImportDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void aZipWithoutAFileIsRefusedNamingItAndStoresNothing() throws IOException {
        PeriodFiles files = PeriodFiles.valid().inYear(2071).without("appraisals.csv");
        Map<String, Long> before = rowCounts();

        ImportReport report = importService.importZip("2071-Q3.zip", zip(files), PeriodFiles.q3(2071), "hr");

        assertThat(report.status()).isEqualTo(Status.REJECTED);
        assertThat(report.errors()).extracting(PeriodFiles::keyed).containsExactly("appraisals.csv:0: "
                + "import.file.missingHint[appraisals.csv, period,cadre_id,votes_good,votes_fair,votes_average,votes_poor,"
                + "leader_score]");
        assertThat(report.warnings()).isEmpty();
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(repository.periods()).doesNotContain(PeriodFiles.q3(2071));
    }

    @Test
    void aFolderWithoutAFileIsRefusedNamingItAndStoresNothing() {
        Path folder = PeriodFiles.valid().inYear(2072).without("organizations.csv").writeTo(dir.resolve("2072-Q3"));
        Map<String, Long> before = rowCounts();

        ImportReport report = importService.importFolder(folder, PeriodFiles.q3(2072), "hr");

        assertThat(report.status()).isEqualTo(Status.REJECTED);
        assertThat(report.errors()).extracting(PeriodFiles::keyed).containsExactly("organizations.csv:0: "
                + "import.file.missingHint[organizations.csv, org_id,dept_id,area,secretary_age,members,activities]");
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(repository.periods()).doesNotContain(PeriodFiles.q3(2072));
    }

    @Test
    void aWorkbookWithoutASheetIsRefusedNamingItAndStoresNothing() {
        Map<String, String> texts = PeriodFiles.valid().inYear(2073).without("events.csv").texts();
        byte[] workbook = PeriodWorkbook.of(texts, name -> name.replace(".csv", ""));
        Map<String, Long> before = rowCounts();

        ImportReport report = importService.importWorkbook("2073-Q3.xlsx", workbook, PeriodFiles.q3(2073), "hr");

        assertThat(report.status()).isEqualTo(Status.REJECTED);
        assertThat(report.errors()).extracting(PeriodFiles::keyed).containsExactly("2073-Q3.xlsx:0: "
                + "import.workbook.sheetMissingHint[events(事项), event_id,period,subject_type,subject_id,kind,level,count,date,note]");
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(repository.periods()).doesNotContain(PeriodFiles.q3(2073));
    }

    @Test
    void filesWithTheirHeaderOnlyStoreAQuarterWithNoRecordsOfThoseKinds() {
        PeriodFiles files = PeriodFiles.valid().inYear(2074)
                .rows("events.csv", "event_id,period,subject_type,subject_id,kind,level,count,date,note")
                .rows("appraisals.csv", "period,cadre_id,votes_good,votes_fair,votes_average,votes_poor,leader_score");

        ImportReport report = importService.importFiles(files.bytes(), PeriodFiles.q3(2074), "hr");

        assertThat(report.status()).isEqualTo(Status.STORED);
        assertThat(report.problems()).isEmpty();
        assertThat(repository.loadCurrent(PeriodFiles.q3(2074)).orElseThrow().events()).isEmpty();
        assertThat(repository.loadCurrent(PeriodFiles.q3(2074)).orElseThrow().appraisals()).isEmpty();
    }

    private static byte[] zip(PeriodFiles files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.texts().entrySet()) {
                zip.putNextEntry(new ZipEntry("2071-Q3/" + file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
