package org.kaohe.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaohe.cli.CommandLineLauncher;

/**
 * The import as {@code java -jar kaohe.jar import FOLDER --spring.datasource.url=...} runs it: a
 * plain {@code jdbc:h2:file:} URL with no flags, Spring Boot's default user, a fresh database
 * created and migrated, closed at the end and opened again by the next run.
 */
class ImportCommandLauncherTest {

    @TempDir
    Path dir;

    @Test
    void aPlainH2FileUrlImportsThenRecognisesTheSameFolder() throws SQLException {
        Path folder = PeriodFiles.valid().writeTo(dir.resolve("2026-Q3"));
        String url = "jdbc:h2:file:" + dir.resolve("db/kaohe").toAbsolutePath();

        int first = CommandLineLauncher.run(new String[] {"import", folder.toString(), "--spring.datasource.url=" + url});
        int second = CommandLineLauncher.run(new String[] {"import", folder.toString(), "--spring.datasource.url=" + url});
        int broken = CommandLineLauncher.run(new String[] {"import", dir.resolve("missing").toString(),
                "--spring.datasource.url=" + url});

        assertThat(first).isZero();
        assertThat(second).isZero();
        assertThat(broken).isEqualTo(2);
        try (Connection c = DriverManager.getConnection(url, "sa", org.kaohe.audit.H2Password.passwordFor(url));
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT COUNT(*), MAX(period) FROM import_version")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(rs.getString(2)).isEqualTo("2026-Q3");
        }
    }
}
