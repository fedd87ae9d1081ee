package org.kaohe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaohe.audit.H2Password;
import org.kaohe.records.Period;
import org.kaohe.testing.CityGenerator;

/**
 * A command that wrote much of an embedded H2 file (an import, an evaluation) leaves the file
 * compacted: no bigger than its live data, which is what a copy of it holds after
 * {@code SHUTDOWN COMPACT} (issue 19: the database at most 3× its data). Without it the file of
 * this city's import was 2.6 times its data.
 */
class CompactOnCloseTest {

    @TempDir
    Path dir;

    @Test
    void anImportAndAnEvaluationLeaveTheFileAtItsDataSize() throws Exception {
        Period period = Period.parse("2026-Q3");
        Path folder = Files.createDirectories(dir.resolve("city").resolve(period.toString()));
        CityGenerator.writeFiles(folder, CityGenerator.city(5, period, 60, 3_000));
        String url = "jdbc:h2:file:" + dir.resolve("db").resolve("kaohe").toAbsolutePath();

        assertThat(CommandLineLauncher.run(new String[] {"import", folder.toString(), "--spring.datasource.url=" + url}))
                .isZero();
        assertThat(fileOverData(url)).as("after import").isLessThan(1.1);
        assertThat(CommandLineLauncher.run(new String[] {"evaluate", "--period", period.toString(),
                "--spring.datasource.url=" + url})).isZero();
        assertThat(fileOverData(url)).as("after evaluate").isLessThan(1.1);
    }

    /** The database file's size over that of a copy after SHUTDOWN COMPACT (the copy opens with the original's password). */
    private double fileOverData(String url) throws Exception {
        Path file = dir.resolve("db").resolve("kaohe.mv.db");
        Path copy = Files.createDirectories(dir.resolve("copy-" + System.nanoTime()));
        Files.copy(file, copy.resolve("kaohe.mv.db"));
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + copy.resolve("kaohe"), "sa",
                H2Password.passwordFor(url)); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        }
        return (double) Files.size(file) / Files.size(copy.resolve("kaohe.mv.db"));
    }
}
