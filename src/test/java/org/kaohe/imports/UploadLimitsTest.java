package org.kaohe.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile uploads are refused in bounded memory: each runs in a child JVM with a small heap, where
 * an unbounded read would die of OutOfMemoryError. (The child is also given a deadline, only so a
 * hang fails the test instead of the build.) A zip bomb is refused before it is unpacked whole; a
 * flood of duplicate rows answers with the first problems and a count of the rest, not millions.
 */
class UploadLimitsTest {

    @TempDir
    Path dir;

    @Test
    void aZipBombIsRefusedWithoutUnpackingIt() throws Exception {
        Path bomb = dir.resolve("2026-Q3.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.putNextEntry(new ZipEntry("2026-Q3/targets.csv"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 1024; i++) { // 1 GB of zeros packs into about a megabyte
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(Files.size(bomb)).isLessThan(2L * 1024 * 1024);

        String probe = probe(bomb, "64m");

        assertThat(probe).startsWith("refused=true").contains("zip bomb");
    }

    @Test
    void aFloodOfDuplicateRowsListsTheFirstProblemsAndCountsTheRest() throws Exception {
        Path folder = dir.resolve("2026-Q3");
        PeriodFiles.valid().writeTo(folder);
        Path targets = folder.resolve("targets.csv");
        List<String> header = Files.readAllLines(targets, StandardCharsets.UTF_8).subList(0, 2);
        try (BufferedWriter out = Files.newBufferedWriter(targets, StandardCharsets.UTF_8)) {
            out.write(header.get(0) + "\n");
            for (int i = 0; i < 250_000; i++) { // about 20 MB: every row repeats the same target id
                out.write(header.get(1) + "\n");
            }
        }
        assertThat(Files.size(targets)).isGreaterThan(15L * 1024 * 1024);

        String probe = probe(folder, "384m");

        assertThat(probe).startsWith("refused=true listed=" + ImportLimits.MAX_PROBLEMS_LISTED);
        long omitted = Long.parseLong(probe.replaceAll("(?s).*omitted=(\\d+).*", "$1"));
        assertThat(omitted).isGreaterThan(200_000);
    }

    @Test
    void aFileWithMoreRowsThanTheLimitIsCutOffAndRefused() throws Exception {
        Path folder = dir.resolve("2026-Q2");
        PeriodFiles.valid().writeTo(folder);
        Path events = folder.resolve("events.csv");
        try (OutputStream raw = Files.newOutputStream(events);
             BufferedWriter out = new BufferedWriter(new java.io.OutputStreamWriter(raw, StandardCharsets.UTF_8))) {
            out.write("event_id,subject_type,subject_id,kind,date\n");
            for (int i = 0; i <= ImportLimits.maxRowsPerFile() + 10; i++) {
                out.write("E" + i + ",CADRE,NOBODY,AWARD,2026-05-01\n");
            }
        }

        String probe = probe(folder, "384m");

        assertThat(probe).startsWith("refused=true").contains("omitted=");
        assertThat(probe).doesNotContain("OutOfMemoryError");
    }

    /** Runs {@link UploadLimitsProbe} in a JVM with this heap; its output (and its error output). */
    private static String probe(Path input, String heap) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-cp", System.getProperty("java.class.path"), UploadLimitsProbe.class.getName(),
                input.toString(), input.getFileName().toString().replace(".zip", "")));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(text).isZero();
        return text;
    }
}
