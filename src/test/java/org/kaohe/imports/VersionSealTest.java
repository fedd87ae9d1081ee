package org.kaohe.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kaohe.imports.ImportReport.Status;
import org.kaohe.records.Period;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An import version's seal is made from its files as the writer stored them ({@link VersionWriter}),
 * no longer read back from the database: it must be, byte for byte, the seal over the files read
 * back (what every check of the version recomputes), for a folder, for uploaded files and for a
 * second version of a period.
 */
class VersionSealTest extends ImportDatabaseTest {

    @Autowired RecordSeals seals;

    @Test
    void theSealMadeFromTheFilesWrittenIsTheSealOverTheFilesReadBack() {
        PeriodFiles files = PeriodFiles.valid().inYear(2033);
        ImportReport folder = importService.importFolder(Path.of("data", "2026-Q3"), Period.parse("2026-Q3"), "hr");
        ImportReport uploaded = importService.importFiles(files.bytes(), PeriodFiles.q3(2033), "hr");
        ImportReport second = importService.importFiles(files.row("cadres.csv", "C3,王芳,D1,科员,1985-01-01").bytes(),
                PeriodFiles.q3(2033), "hr");

        for (ImportReport report : List.of(folder, uploaded, second)) {
            assertThat(report.status()).isEqualTo(Status.STORED);
            SealedVersion.Header readBack = SealedVersion.header(jdbc, report.importId()).orElseThrow();
            assertThat(readBack.files().split(",")).as("six files, by name").hasSize(6).isSorted();
            assertThat(readBack.seal()).isNotNull().isEqualTo(readBack.seal(seals, readBack.counts()));
            assertThat(repository.check(report.importId())).hasValueSatisfying(check ->
                    assertThat(check.status()).isEqualTo(ImportCheck.Status.INTACT));
        }
        assertThat(second.version()).isEqualTo(2);
    }
}
