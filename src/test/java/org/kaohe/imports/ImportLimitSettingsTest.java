package org.kaohe.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaohe.records.Period;

/**
 * An installation's import limits (kaohe.imports.*) are the ones every import reads: a file with
 * more rows than the configured limit is refused naming that limit, and one within a raised limit
 * is read. The static limits are put back after each test (other tests share this JVM).
 */
class ImportLimitSettingsTest {

    @TempDir
    Path dir;

    @AfterEach
    void defaults() {
        new ImportLimitSettings(0, 0);
    }

    @Test
    void unsetSettingsGiveTheDefaults() {
        new ImportLimitSettings(0, 0);

        assertThat(ImportLimits.maxRowsPerFile()).isEqualTo(ImportLimits.DEFAULT_MAX_ROWS_PER_FILE);
        assertThat(ImportLimits.maxUnpackedBytes()).isEqualTo(ImportLimits.DEFAULT_MAX_UNPACKED_BYTES);
    }

    @Test
    void aFileOverTheConfiguredRowLimitIsRefusedNamingIt() throws Exception {
        new ImportLimitSettings(3, 1);

        ParsedImport parsed = parse(4);

        assertThat(parsed.hasErrors()).isTrue();
        assertThat(parsed.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("events.csv");
            assertThat(p.typed()).isEqualTo(org.kaohe.errors.Message.of("import.csv.tooManyRows", "3"));
        });
        assertThat(ImportLimits.maxUnpackedBytes()).isEqualTo(1024 * 1024);
    }

    @Test
    void theSameFileWithinARaisedLimitIsRead() throws Exception {
        new ImportLimitSettings(ImportLimits.DEFAULT_MAX_ROWS_PER_FILE * 10, 1000);

        ParsedImport parsed = parse(4);

        assertThat(parsed.hasErrors()).as("%s", parsed.problems()).isFalse();
    }

    @Test
    void aNegativeLimitStopsTheStart() {
        assertThatThrownBy(() -> new ImportLimitSettings(-1, 0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("kaohe.imports.max-rows-per-file=-1");
    }

    /** A valid quarter whose events file has {@code events} valid rows. */
    private ParsedImport parse(int events) throws Exception {
        Path folder = dir.resolve("2026-Q3");
        PeriodFiles.valid().writeTo(folder);
        Path file = folder.resolve("events.csv");
        String[] lines = Files.readString(file, StandardCharsets.UTF_8).split("\n");
        StringBuilder text = new StringBuilder(lines[0]).append('\n');
        for (int i = 0; i < events; i++) {
            text.append(lines[1].replaceFirst("^[^,]+", "EV" + i)).append('\n');
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (var entries = Files.list(folder)) {
            for (Path each : entries.toList()) {
                files.put(each.getFileName().toString(), Files.readAllBytes(each));
            }
        }
        return ImportParser.parse(files, Period.parse("2026-Q3"));
    }
}
