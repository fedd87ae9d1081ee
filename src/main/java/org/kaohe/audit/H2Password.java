package org.kaohe.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Optional;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The embedded H2 file database's password. H2's mixed mode ({@code AUTO_SERVER=TRUE}) serves the
 * open database to other processes over TCP, so it must not answer user {@code sa} with an empty
 * password: when no password is configured ({@code KAOHE_DB_PASSWORD} / {@code spring.datasource.password}),
 * Kaohe generates one and keeps it in {@code kaohe.db-password} beside the seal key (owner-only, like
 * the key), and every process — the web server, the command line, a test — opens the database
 * with it. A database made before (with an empty password) gets it set on its first open here.
 * The server itself listens on the loopback address only ({@link #LOOPBACK}).
 */
@Component
public class H2Password implements BeanPostProcessor, PriorityOrdered, EnvironmentAware {

    /** The file beside the key file that holds the generated password. */
    public static final String FILE_NAME = "kaohe.db-password";
    /**
     * H2's system property naming the address its servers bind to and its lock file names: the
     * mixed mode's server is reachable from this machine only.
     */
    public static final String BIND_ADDRESS = "h2.bindAddress";
    public static final String LOOPBACK = "127.0.0.1";

    // Set by Spring: a post-processor is made before constructor injection is in place.
    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE; // before anything opens a connection (SchemaBeforeUse, Flyway)
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource hikari && isH2File(hikari.getJdbcUrl())
                && (hikari.getPassword() == null || hikari.getPassword().isEmpty())) {
            Path file = file(environment.getProperty("kaohe.key-file", ""), hikari.getJdbcUrl());
            hikari.setPassword(prepare(file, hikari.getJdbcUrl(), hikari.getUsername()));
        }
        return bean;
    }

    /** The password file for this configuration: beside the key file. */
    public static Path file(String keyFile, String databaseUrl) {
        Path key = SealKey.location(keyFile, databaseUrl).orElseThrow();
        return key.toAbsolutePath().resolveSibling(FILE_NAME);
    }

    /**
     * The password Kaohe opens this H2 file database with, when no password is configured and the
     * key file is in its default place: what another program (a test, a script) connects with.
     */
    public static String passwordFor(String databaseUrl) {
        return read(file("", databaseUrl)).orElse("");
    }

    /** The password kept in the file, if there is one (what a test reads to open the database as the product does). */
    public static Optional<String> read(Path file) {
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取数据库密码文件 / cannot read the database password file " + file, e);
        }
    }

    /**
     * The database's password: the file's; or, when there is none yet, a new one written there and,
     * for a database that already exists (made with an empty password), set on it now.
     */
    static String prepare(Path file, String url, String user) {
        Optional<String> known = read(file);
        if (known.isPresent()) {
            return known.get();
        }
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random());
        boolean existing = Files.exists(databaseFile(url));
        if (existing) {
            setOnExistingDatabase(file, url, user, password);
        }
        return write(file, password);
    }

    private static void setOnExistingDatabase(Path file, String url, String user, String password) {
        try (Connection c = DriverManager.getConnection(url, user, "");
             Statement s = c.createStatement()) {
            s.execute("ALTER USER \"" + user.toUpperCase(java.util.Locale.ROOT).replace("\"", "\"\"")
                    + "\" SET PASSWORD '" + password + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("数据库已设有密码,但密码文件 " + file + " 缺失:请从备份恢复该文件 / the database"
                    + " has a password but " + file + " is missing: restore the file from your backup (" + e.getMessage()
                    + ")", e);
        }
    }

    private static String write(Path file, String password) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), ".kaohe-db-password", ".tmp");
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's permissions protect it
            }
            Files.writeString(temp, password + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            try {
                Files.move(temp, file);
            } catch (FileAlreadyExistsException raced) {
                Files.deleteIfExists(temp);
                return read(file).orElseThrow(); // another process made it first: use theirs
            }
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("无法写入数据库密码文件 / cannot write the database password file " + file, e);
        }
    }

    /** True for an embedded H2 file URL (not in memory, not a remote server). */
    public static boolean isH2File(String url) {
        return url != null && url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:")
                && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:");
    }

    /** H2's file for a file URL: {@code PATH.mv.db}. */
    static Path databaseFile(String url) {
        String path = url.substring(url.startsWith("jdbc:h2:file:") ? "jdbc:h2:file:".length() : "jdbc:h2:".length())
                .split(";", 2)[0];
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return Path.of(path + ".mv.db");
    }

    private static byte[] random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
