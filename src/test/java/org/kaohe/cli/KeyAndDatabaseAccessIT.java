package org.kaohe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaohe.audit.H2Password;
import org.kaohe.errors.FaultPoint;
import org.kaohe.testing.Eventually;

/**
 * What guards the database file and the seal key, through the real jar: a key file missing beside
 * sealed data is refused by every command that needs it, read-only ones included, and never
 * replaced; the embedded database in mixed mode serves other processes on the loopback address
 * only, and only with the generated password kept beside the key.
 */
class KeyAndDatabaseAccessIT {

    @TempDir
    Path dir;

    @Test
    void aMissingKeyIsRefusedByEveryCommandAndNotRecreated() throws Exception {
        KaoheJar kaohe = new KaoheJar(dir.resolve("db"));
        assertThat(kaohe.run("import", Path.of("data", "2026-Q1").toAbsolutePath().toString()).exitCode()).isZero();
        assertThat(kaohe.run("evaluate", "--period", "2026-Q1").exitCode()).isZero();
        Path key = dir.resolve("db/kaohe.key");
        assertThat(key).exists();
        Files.delete(key);

        for (String[] command : new String[][] {{"results", "--period", "2026-Q1"}, {"audit", "verify"},
                {"evaluate", "--period", "2026-Q1"}}) {
            KaoheJar.Run run = kaohe.run(command);
            assertThat(run.exitCode()).as(String.join(" ", command)).isNotZero();
            assertThat(run.err()).as(String.join(" ", command)).contains("封印密钥文件缺失").contains(key.toString())
                    .contains("restore the file from your backup");
            assertThat(key).as("not recreated by " + String.join(" ", command)).doesNotExist();
        }
    }

    @Test
    void theMixedModeServerListensOnTheLoopbackOnlyAndWantsThePassword() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db/kaohe").toAbsolutePath() + ";AUTO_SERVER=TRUE";
        KaoheJar kaohe = new KaoheJar(url);
        Path barrier = dir.resolve("import.barrier");
        Process importing = kaohe.start(dir.resolve("import.log"), FaultPoint.IMPORT_FIRST_BATCH, barrier,
                "import", Path.of("data", "2026-Q3").toAbsolutePath().toString());
        try {
            Eventually.until("the import to hold the database open", Duration.ofMinutes(3), () -> {
                assertThat(importing.isAlive()).as("the import ended before its fault point: %s",
                        output(dir.resolve("import.log"))).isTrue();
                return Files.exists(barrier);
            });
            Properties lock = new Properties();
            try (Reader reader = Files.newBufferedReader(dir.resolve("db/kaohe.lock.db"))) {
                lock.load(reader);
            }
            String server = lock.getProperty("server");
            assertThat(server).as("the address the lock file gives other processes").matches("(localhost|127\\.0\\.0\\.1):\\d+");
            assertThat(listeningAddresses(Integer.parseInt(server.substring(server.indexOf(':') + 1))))
                    .as("where the server's socket listens (/proc/net/tcp*)").isNotEmpty().containsOnly("0100007F");
            Path passwordFile = dir.resolve("db").resolve(H2Password.FILE_NAME);
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
                    .isEqualTo("rw-------");

            assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close()).isInstanceOf(SQLException.class)
                    .hasMessageContaining("Wrong user name or password");
            try (Connection c = DriverManager.getConnection(url, "sa", H2Password.passwordFor(url));
                 ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM import_version")) {
                assertThat(rs.next()).isTrue();
            }
        } finally {
            importing.destroyForcibly();
            assertThat(importing.waitFor(1, TimeUnit.MINUTES)).isTrue();
        }
    }

    private static String output(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (java.io.IOException e) {
            return "(" + e + ")";
        }
    }

    /**
     * The local addresses (as /proc/net/tcp writes them: 0100007F is 127.0.0.1, 00000000 any
     * address) of the sockets listening on the port. Read from the kernel's table, so no packet is
     * sent to any address but the loopback.
     */
    private static java.util.List<String> listeningAddresses(int port) throws java.io.IOException {
        String hexPort = String.format("%04X", port);
        java.util.List<String> found = new java.util.ArrayList<>();
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            if (Files.exists(Path.of(table))) {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 3 && f[1].endsWith(":" + hexPort) && f[3].equals("0A")) { // 0A: LISTEN
                        String address = f[1].substring(0, f[1].indexOf(':'));
                        // an IPv4-mapped loopback in tcp6 reads 0000000000000000FFFF00000100007F
                        found.add(address.length() > 8 && address.endsWith("0100007F") ? "0100007F" : address);
                    }
                }
            }
        }
        return found;
    }
}
