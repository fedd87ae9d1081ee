package org.kaohe.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database's password: generated once beside the key file, owner-only; a database
 * made before with user sa and an empty password gets it set on its first open and keeps its data;
 * a password file lost beside a database that has a password is refused, never replaced.
 */
class H2PasswordTest {

    @TempDir
    Path dir;

    @Test
    void aDatabaseWithAnEmptyPasswordGetsTheGeneratedOneAndKeepsItsData() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db/kaohe").toAbsolutePath();
        try (Connection old = DriverManager.getConnection(url, "sa", "")) {
            old.createStatement().execute("CREATE TABLE kept (v INT); INSERT INTO kept VALUES (7)");
        }
        Path file = H2Password.file("", url);

        String password = H2Password.prepare(file, url, "sa");

        assertThat(file).isEqualTo(dir.resolve("db").resolve(H2Password.FILE_NAME).toAbsolutePath());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(password).hasSizeGreaterThanOrEqualTo(32).isEqualTo(H2Password.passwordFor(url));
        assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close()).isInstanceOf(SQLException.class)
                .hasMessageContaining("Wrong user name or password");
        try (Connection c = DriverManager.getConnection(url, "sa", password);
             ResultSet rs = c.createStatement().executeQuery("SELECT v FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(7);
        }
        assertThat(H2Password.prepare(file, url, "sa")).as("the next open reads the same file").isEqualTo(password);
    }

    @Test
    void aNewDatabaseGetsAPasswordAndALostPasswordFileIsRefused() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("new/kaohe").toAbsolutePath();
        Path file = H2Password.file("", url);
        String password = H2Password.prepare(file, url, "sa");
        DriverManager.getConnection(url, "sa", password).close(); // H2 makes the database with this password

        Files.delete(file);

        assertThatThrownBy(() -> H2Password.prepare(file, url, "sa")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("restore the file from your backup");
        assertThat(file).doesNotExist();
    }
}
