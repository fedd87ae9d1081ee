package org.kaohe.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

/** A zip upload gives its files by base name; tricks and strangers are refused by name. */
class ZipUploadTest {

    private static byte[] zip(String... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                out.putNextEntry(new ZipEntry(namesAndContents[i]));
                out.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void filesInAFolderOfTheArchiveAreTakenByBaseName() throws IOException {
        ZipUpload.Unpacked unpacked = ZipUpload.unpack("q3.zip", zip(
                "2026-Q3/", "",
                "2026-Q3/Departments.csv", "a",
                "2026-Q3/cadres.csv", "b",
                "__MACOSX/2026-Q3/._cadres.csv", "junk",
                "2026-Q3/.DS_Store", "junk"));

        assertThat(unpacked.ok()).isTrue();
        assertThat(unpacked.files()).containsOnlyKeys("departments.csv", "cadres.csv");
        assertThat(new String(unpacked.files().get("cadres.csv"), StandardCharsets.UTF_8)).isEqualTo("b");
    }

    @Test
    void pathTricksUnknownNamesAndRepeatsAreRefused() throws IOException {
        ZipUpload.Unpacked unpacked = ZipUpload.unpack("q3.zip", zip(
                "../departments.csv", "a",
                "/etc/cadres.csv", "b",
                "readme.txt", "c",
                "a/events.csv", "d",
                "b/events.csv", "e"));

        assertThat(unpacked.ok()).isFalse();
        assertThat(unpacked.problems()).extracting(PeriodFiles::keyed).containsExactly(
                "q3.zip:0: ../departments.csv: import.zip.unsafePath[]",
                "q3.zip:0: /etc/cadres.csv: import.zip.unsafePath[]",
                "q3.zip:0: readme.txt: import.file.unknownName[departments.csv, cadres.csv, "
                        + "targets.csv, appraisals.csv, events.csv, organizations.csv]",
                "q3.zip:0: b/events.csv: import.zip.twice[]");
    }

    @Test
    void somethingThatIsNotAZipIsRefused() {
        ZipUpload.Unpacked unpacked = ZipUpload.unpack("q3.zip", "dept_id,name,type\n".getBytes(StandardCharsets.UTF_8));

        assertThat(unpacked.problems()).extracting(PeriodFiles::keyed).containsExactly("q3.zip:0: import.zip.notAZip[]");
    }

    @Test
    void aValidQuarterZippedParsesLikeTheFiles() throws IOException {
        PeriodFiles files = PeriodFiles.valid();
        ZipUpload.Unpacked unpacked = ZipUpload.unpack("q3.zip", zip(
                "departments.csv", files.content("departments.csv"), "cadres.csv", files.content("cadres.csv"),
                "targets.csv", files.content("targets.csv"), "appraisals.csv", files.content("appraisals.csv"),
                "events.csv", files.content("events.csv"), "organizations.csv", files.content("organizations.csv")));

        ParsedImport parsed = ImportParser.parse(unpacked.files(), PeriodFiles.PERIOD);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.contentHash()).isEqualTo(files.parse().contentHash());
    }
}
