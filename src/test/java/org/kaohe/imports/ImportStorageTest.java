package org.kaohe.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaohe.audit.AuditLog;
import org.kaohe.imports.ImportReport.Status;
import org.kaohe.records.Period;
import org.kaohe.records.PeriodRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

/** Storing imports: records round-trip with their sources, versions, unchanged re-imports, atomicity. */
class ImportStorageTest extends ImportDatabaseTest {

    @Autowired
    AuditLog auditLog;

    @Test
    void storedRecordsLoadBackAsTheyWereReadWithTheirSources() {
        PeriodFiles files = PeriodFiles.valid().inYear(2031);
        Period period = PeriodFiles.q3(2031);

        ImportReport report = importService.importFiles(files.bytes(), period, "hr1");

        assertThat(report.status()).isEqualTo(Status.STORED);
        assertThat(report.version()).isEqualTo(1);
        assertThat(report.errors()).isEmpty();
        ParsedImport parsed = ImportParser.parse(files.bytes(), period);
        PeriodRecords stored = repository.loadCurrent(period).orElseThrow();
        assertThat(stored.importId()).isEqualTo(report.importId());
        assertThat(stored.departments()).isEqualTo(parsed.departments());
        assertThat(stored.cadres()).isEqualTo(parsed.cadres());
        assertThat(stored.targets()).isEqualTo(parsed.targets());
        assertThat(stored.appraisals()).isEqualTo(parsed.appraisals());
        assertThat(stored.events()).isEqualTo(parsed.events());
        assertThat(stored.organizations()).isEqualTo(parsed.organizations());
        assertThat(repository.fileContent(report.importId(), "targets.csv")).contains(files.content("targets.csv"));
        assertThat(repository.periods()).contains(period);
        assertThat(auditLog.latest(1)).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("hr1");
            assertThat(entry.action()).isEqualTo("IMPORT");
            assertThat(AuditLog.params(entry.detail())).containsEntry("period", "2031-Q3").containsEntry("version", "1");
            assertThat(AuditLog.params(entry.detail()).get("files")).contains("targets.csv (2, UTF-8)");
        });
    }

    @Test
    void reimportingMakesANewVersionAndIdenticalFilesChangeNothing() {
        Period period = PeriodFiles.q3(2032);
        PeriodFiles first = PeriodFiles.valid().inYear(2032);
        PeriodFiles second = PeriodFiles.valid().inYear(2032).row("departments.csv", "D3,市妇联,WOMENS_FEDERATION");

        ImportReport v1 = importService.importFiles(first.bytes(), period, "hr1");
        ImportReport v2 = importService.importFiles(second.bytes(), period, "hr2");
        Map<String, Long> before = rowCounts();
        ImportReport again = importService.importFiles(second.bytes(), period, "hr2");

        assertThat(v1.version()).isEqualTo(1);
        assertThat(v2.status()).isEqualTo(Status.STORED);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(again.status()).isEqualTo(Status.UNCHANGED);
        assertThat(again.version()).isEqualTo(2);
        assertThat(again.importId()).isEqualTo(v2.importId());
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(repository.loadCurrent(period).orElseThrow().departments()).hasSize(3);
        assertThat(repository.load(v1.importId()).orElseThrow().departments()).hasSize(2);
        assertThat(repository.list()).filteredOn(v -> v.period().equals(period))
                .extracting(ImportVersionInfo::version, ImportVersionInfo::current, ImportVersionInfo::importedBy)
                .containsExactly(tuple(1, false, "hr1"),
                        tuple(2, true, "hr2"));
        assertThat(repository.list()).filteredOn(v -> v.importId() == v2.importId()).singleElement()
                .satisfies(v -> assertThat(v.files()).extracting(ImportReport.FileReport::fileName).containsExactlyInAnyOrder(
                        "departments.csv", "cadres.csv", "targets.csv", "appraisals.csv", "events.csv", "organizations.csv"));

        ImportReport backToFirst = importService.importFiles(first.bytes(), period, "hr1");
        assertThat(backToFirst.status()).isEqualTo(Status.STORED);
        assertThat(backToFirst.version()).isEqualTo(3);
    }

    @Test
    void aGbkCopyStoresTheSameRecordsAndRemembersItsEncoding() {
        Period period = PeriodFiles.q3(2033);
        PeriodFiles files = PeriodFiles.valid().inYear(2033);

        ImportReport utf8 = importService.importFiles(files.bytes(), period, "hr1");
        ImportReport gbk = importService.importFiles(files.bytes(Charset.forName("GBK")), period, "hr1");

        assertThat(gbk.status()).isEqualTo(Status.STORED);
        PeriodRecords a = repository.load(utf8.importId()).orElseThrow();
        PeriodRecords b = repository.load(gbk.importId()).orElseThrow();
        assertThat(b.departments()).isEqualTo(a.departments());
        assertThat(b.cadres()).isEqualTo(a.cadres());
        assertThat(b.targets()).isEqualTo(a.targets());
        assertThat(b.events()).isEqualTo(a.events());
        assertThat(repository.fileContent(gbk.importId(), "cadres.csv"))
                .isEqualTo(repository.fileContent(utf8.importId(), "cadres.csv"));
        // A file of ASCII only is the same bytes in both encodings, and reads as UTF-8.
        assertThat(gbk.files()).extracting(ImportReport.FileReport::fileName, ImportReport.FileReport::encoding)
                .contains(tuple("cadres.csv", "GB18030"),
                        tuple("organizations.csv", "UTF-8"));
    }

    @Test
    void anErrorInTheLastFileLeavesTheDatabaseExactlyAsItWas() {
        Period period = PeriodFiles.q3(2034);
        importService.importFiles(PeriodFiles.valid().inYear(2034).bytes(), period, "hr1");
        Map<String, Long> before = rowCounts();
        PeriodFiles broken = PeriodFiles.valid().inYear(2034).row("departments.csv", "D3,市妇联,WOMENS_FEDERATION")
                .row("organizations.csv", "O2,D9,VILLAGE,40,10,1");

        ImportReport report = importService.importFiles(broken.bytes(), period, "hr1");

        assertThat(report.status()).isEqualTo(Status.REJECTED);
        assertThat(report.importId()).isNull();
        assertThat(report.errors()).extracting(ImportProblem::toString).containsExactly(
                "organizations.csv:3: dept_id: 在 departments.csv 中找不到 D9 / not found in departments.csv: D9");
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(repository.loadCurrent(period).orElseThrow().departments()).hasSize(2);
    }

    @Test
    void aDatabaseFailureWhileStoringTheLastTableRollsBackEverything() {
        Period period = PeriodFiles.q3(2035);
        PeriodFiles files = PeriodFiles.valid().inYear(2035).with("organizations.csv",
                "org_id,dept_id,area,secretary_age,members,activities\nO1,D2,TOWNSHIP,29,987654,4\n");
        // A real constraint the data breaks, so the very last insert of the import fails in the database.
        jdbc.sql("ALTER TABLE organization_record ADD CONSTRAINT test_no_987654 CHECK (members <> 987654)").update();
        try {
            Map<String, Long> before = rowCounts();

            assertThatThrownBy(() -> importService.importFiles(files.bytes(), period, "hr1"))
                    .isInstanceOf(DataIntegrityViolationException.class);

            assertThat(rowCounts()).isEqualTo(before);
            assertThat(repository.loadCurrent(period)).isEmpty();
        } finally {
            jdbc.sql("ALTER TABLE organization_record DROP CONSTRAINT test_no_987654").update();
        }
    }

    @Test
    void aFolderIsReadByFileNameAndOtherCsvFilesAreReportedAndIgnored(@TempDir Path dir) throws IOException {
        Path folder = PeriodFiles.valid().inYear(2036).writeTo(dir.resolve("2036-Q3"));
        Files.writeString(folder.resolve("notes.csv"), "x");
        Files.writeString(folder.resolve("README.txt"), "x");

        ImportReport report = importService.importFolder(folder, PeriodFiles.q3(2036), "hr1");

        assertThat(report.status()).isEqualTo(Status.STORED);
        assertThat(report.warnings()).extracting(PeriodFiles::keyed).containsExactly("notes.csv:0: import.file.notAnInput["
                + "departments.csv, cadres.csv, targets.csv, appraisals.csv, events.csv, organizations.csv]");
    }

    @Test
    void aZipUploadImportsItsFilesAndARefusedArchiveStoresNothing() throws IOException {
        Period period = PeriodFiles.q3(2037);
        Map<String, byte[]> files = PeriodFiles.valid().inYear(2037).bytes();
        Map<String, Long> before = rowCounts();

        ImportReport refused = importService.importZip("q3.zip", zip("2037-Q3/", files, "../evil.csv"), period, "hr1");

        assertThat(refused.status()).isEqualTo(Status.REJECTED);
        assertThat(refused.errors()).extracting(PeriodFiles::keyed).containsExactly("q3.zip:0: ../evil.csv: import.zip.unsafePath[]");
        assertThat(rowCounts()).isEqualTo(before);

        ImportReport stored = importService.importZip("q3.zip", zip("", files), period, "hr1");

        assertThat(stored.status()).isEqualTo(Status.STORED);
        assertThat(repository.loadCurrent(period).orElseThrow().cadres()).hasSize(2);
    }

    private static byte[] zip(String folder, Map<String, byte[]> files, String... emptyEntries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(folder + file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
            for (String name : emptyEntries) {
                zip.putNextEntry(new ZipEntry(name));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
