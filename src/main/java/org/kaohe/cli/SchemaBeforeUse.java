package org.kaohe.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Brings the database's schema up to date when a command first gets the data source, and only
 * when it is behind: a command on a database already migrated skips Flyway altogether (building
 * Flyway alone loads about 700 classes, a good part of a command's start-up). Behind, new or
 * unreadable, Flyway migrates it as the web server would, with {@code spring.flyway.locations}
 * and {@code spring.flyway.schemas}. The web server keeps Spring Boot's own Flyway start-up, which
 * also validates every migration's checksum.
 */
final class SchemaBeforeUse implements BeanPostProcessor {

    private static final Pattern VERSION = Pattern.compile("V(\\d+)__.*");

    private final Environment environment;

    SchemaBeforeUse(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource) {
            String[] locations = environment.getProperty("spring.flyway.locations", String[].class,
                    new String[] {"classpath:db/migration"});
            OptionalInt newest = newestMigration(locations);
            if (newest.isEmpty() || newest.getAsInt() != appliedVersion(dataSource)) {
                Flyway.configure()
                        .dataSource(dataSource)
                        .locations(locations)
                        .schemas(environment.getProperty("spring.flyway.schemas", String[].class, new String[0]))
                        .load()
                        .migrate();
            }
        }
        return bean;
    }

    /** The highest version among the migrations on the class path (SQL files and Java classes). */
    static OptionalInt newestMigration(String[] locations) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        try {
            int newest = -1;
            for (String location : locations) {
                if (!location.startsWith("classpath:")) {
                    return OptionalInt.empty(); // a folder on disk: leave it to Flyway
                }
                String folder = location.substring("classpath:".length()).replaceAll("^/+", "");
                for (Resource resource : resolver.getResources("classpath*:" + folder + "/V*__*")) {
                    Matcher m = VERSION.matcher(String.valueOf(resource.getFilename()));
                    if (m.matches()) {
                        newest = Math.max(newest, Integer.parseInt(m.group(1)));
                    }
                }
            }
            return newest < 0 ? OptionalInt.empty() : OptionalInt.of(newest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The highest version applied successfully, or -1 (no history table yet, or unreadable). */
    private static int appliedVersion(DataSource dataSource) {
        try (Connection c = dataSource.getConnection();
             Statement s = c.createStatement();
             // Flyway makes its table with quoted lower-case names: quoted here too, for H2 and PostgreSQL alike.
             ResultSet rs = s.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\""
                     + " WHERE \"success\" AND \"version\" IS NOT NULL")) {
            int applied = -1;
            while (rs.next()) {
                applied = Math.max(applied, Arrays.stream(rs.getString(1).split("\\.")).findFirst()
                        .map(Integer::parseInt).orElse(-1));
            }
            return applied;
        } catch (SQLException | NumberFormatException e) {
            return -1;
        }
    }
}
