package org.kaohe.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
 * when it is behind (a migration on the class path not applied): a command on a database already
 * migrated skips Flyway altogether (building
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
            Optional<Set<Integer>> available = migrations(locations);
            // Every migration on the class path applied (not only the newest: a branch merged later may
            // bring a lower number), else Flyway migrates, or says what is out of order.
            if (available.isEmpty() || !appliedVersions(dataSource).containsAll(available.get())) {
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

    /** The versions of the migrations on the class path (SQL files and Java classes); empty when Flyway must decide. */
    static Optional<Set<Integer>> migrations(String[] locations) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        try {
            Set<Integer> versions = new TreeSet<>();
            for (String location : locations) {
                if (!location.startsWith("classpath:")) {
                    return Optional.empty(); // a folder on disk: leave it to Flyway
                }
                String folder = location.substring("classpath:".length()).replaceAll("^/+", "");
                for (Resource resource : resolver.getResources("classpath*:" + folder + "/V*__*")) {
                    Matcher m = VERSION.matcher(String.valueOf(resource.getFilename()));
                    if (m.matches()) {
                        versions.add(Integer.parseInt(m.group(1)));
                    }
                }
            }
            return versions.isEmpty() ? Optional.empty() : Optional.of(versions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The versions applied successfully; none when there is no history table yet, or it is unreadable. */
    private static Set<Integer> appliedVersions(DataSource dataSource) {
        try (Connection c = dataSource.getConnection();
             Statement s = c.createStatement();
             // Flyway makes its table with quoted lower-case names: quoted here too, for H2 and PostgreSQL alike.
             ResultSet rs = s.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\""
                     + " WHERE \"success\" AND \"version\" IS NOT NULL")) {
            Set<Integer> applied = new HashSet<>();
            while (rs.next()) {
                applied.add(Integer.parseInt(rs.getString(1).split("\\.")[0]));
            }
            return applied;
        } catch (SQLException | NumberFormatException e) {
            return Set.of();
        }
    }
}
