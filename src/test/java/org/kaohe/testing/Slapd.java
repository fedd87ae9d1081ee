package org.kaohe.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A real OpenLDAP server (Debian's {@code slapd}) of its own for a test class: a fresh database in a
 * temporary folder, loaded with {@code src/test/resources/ldap/people.ldif} (people, groups, a
 * password policy under which a locked person cannot bind), listening on a free port of 127.0.0.1.
 * Install it with {@code apt-get install slapd ldap-utils} ({@code .ci/run} does); without it the
 * directory tests skip, saying so, except where {@code KAOHE_TEST_REQUIRE_SLAPD=true} (set by
 * .ci/run), under which they fail.
 */
public final class Slapd implements AutoCloseable {

    public static final String BASE = "dc=kaohe,dc=test";
    /** The directory administrator, who may search everything (a service account stands in for it in search mode). */
    public static final String ROOT_DN = "cn=admin," + BASE;
    public static final String ROOT_PASSWORD = "directory-root-secret";
    private static final Path SLAPD = Path.of("/usr/sbin/slapd");
    private static final Path SLAPADD = Path.of("/usr/sbin/slapadd");
    private static final Path LDAPMODIFY = Path.of("/usr/bin/ldapmodify");
    private static final Path PEOPLE = Path.of("src", "test", "resources", "ldap", "people.ldif").toAbsolutePath();

    private final Path dir;
    private final int port;
    private final Process process;

    private Slapd(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** Skips the calling test when slapd is not installed here (fails instead where it is required). */
    public static void assumeInstalled() {
        boolean installed = Files.isExecutable(SLAPD) && Files.isExecutable(SLAPADD) && Files.isExecutable(LDAPMODIFY);
        if (!installed && "true".equals(System.getenv("KAOHE_TEST_REQUIRE_SLAPD"))) {
            throw new IllegalStateException("KAOHE_TEST_REQUIRE_SLAPD=true but slapd or ldapmodify is not installed: "
                    + "apt-get install -y slapd ldap-utils");
        }
        Assumptions.assumeTrue(installed, "未安装 OpenLDAP,跳过目录登录测试 / OpenLDAP (slapd, ldap-utils) is not installed: "
                + "the directory login tests are skipped; apt-get install -y slapd ldap-utils to run them");
    }

    /** Starts a loaded server in {@code dir} (a new, empty folder); waits until it answers. */
    public static Slapd start(Path dir) {
        assumeInstalled();
        try {
            Path data = Files.createDirectories(dir.resolve("data"));
            Path config = dir.resolve("slapd.conf");
            Files.writeString(config, configuration(dir, data), StandardCharsets.UTF_8);
            run(List.of(SLAPADD.toString(), "-q", "-f", config.toString(), "-l", PEOPLE.toString()), dir, "slapadd");
            int port = freePort();
            Process process = new ProcessBuilder(SLAPD.toString(), "-f", config.toString(), "-h",
                    "ldap://127.0.0.1:" + port + "/", "-d", "0").redirectErrorStream(true)
                    .redirectOutput(dir.resolve("slapd.log").toFile()).start();
            Slapd slapd = new Slapd(dir, port, process);
            Eventually.until("slapd answering on port " + port, slapd::answers);
            return slapd;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL with the base DN, as {@code kaohe.ldap.url} takes it. */
    public String url() {
        return "ldap://127.0.0.1:" + port + "/" + BASE;
    }

    /** Changes the directory as its administrator would ({@code ldapmodify} with LDIF changes). */
    public void modify(String ldif) {
        try {
            Path changes = Files.createTempFile(dir, "change", ".ldif");
            Files.writeString(changes, ldif, StandardCharsets.UTF_8);
            run(List.of(LDAPMODIFY.toString(), "-x", "-H", "ldap://127.0.0.1:" + port + "/", "-D", ROOT_DN, "-w",
                    ROOT_PASSWORD, "-f", changes.toString()), dir, "ldapmodify");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Takes {@code uid} out of the group {@code cn}. */
    public void removeFromGroup(String uid, String group) {
        modify("dn: cn=" + group + ",ou=groups," + BASE + "\nchangetype: modify\ndelete: member\nmember: uid=" + uid
                + ",ou=people," + BASE + "\n");
    }

    /** Locks {@code uid} under the password policy: the directory's way of disabling a person. */
    public void lock(String uid) {
        modify("dn: uid=" + uid + ",ou=people," + BASE + "\nchangetype: modify\nadd: pwdAccountLockedTime\n"
                + "pwdAccountLockedTime: 000001010000Z\n");
    }

    /** Stops the server and removes its folder. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(java.io.File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean answers() {
        if (!process.isAlive()) {
            throw new IllegalStateException("slapd stopped; see " + dir.resolve("slapd.log"));
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static String configuration(Path dir, Path data) {
        return """
                include /etc/ldap/schema/core.schema
                include /etc/ldap/schema/cosine.schema
                include /etc/ldap/schema/inetorgperson.schema
                modulepath /usr/lib/ldap
                moduleload back_mdb
                moduleload ppolicy
                pidfile %s
                database mdb
                suffix "%s"
                rootdn "%s"
                rootpw %s
                directory %s
                maxsize 10485760
                overlay ppolicy
                ppolicy_default "cn=default,ou=policies,%s"
                """.formatted(dir.resolve("slapd.pid"), BASE, ROOT_DN, ROOT_PASSWORD, data, BASE);
    }

    private static void run(List<String> command, Path dir, String name) throws IOException {
        Path log = dir.resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(name + " failed: " + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + " interrupted", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
