package org.kaohe.cli;

import java.util.Map;

import org.kaohe.audit.H2Password;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Opens an embedded H2 file database in H2's automatic mixed mode ({@code AUTO_SERVER=TRUE}) unless
 * the URL says otherwise: the first process to open the file serves it to the others, so the
 * command line works while the web server runs on the same database (and the other way round).
 * The server it starts listens on the loopback address only, and the database has a password
 * ({@link H2Password}). Registered in META-INF/spring.factories, so it applies to the web server, the command line and
 * the tests alike, whichever way the URL was given (default, option, environment).
 */
public class H2AutoServer implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("spring.datasource.url");
        if (H2Password.isH2File(url) && System.getProperty(H2Password.BIND_ADDRESS) == null) {
            // Before H2 reads its settings: the mixed mode's server binds to the loopback address only,
            // and its lock file names that address, so no other machine can reach the database.
            System.setProperty(H2Password.BIND_ADDRESS, H2Password.LOOPBACK);
        }
        String withAutoServer = withAutoServer(url);
        if (withAutoServer != null && !withAutoServer.equals(url)) {
            environment.getPropertySources().addFirst(new MapPropertySource("kaohe-h2-auto-server",
                    Map.of("spring.datasource.url", withAutoServer)));
        }
    }

    /** The URL with {@code ;AUTO_SERVER=TRUE} added when it is an H2 file URL that does not set it. */
    static String withAutoServer(String url) {
        if (url == null || !url.startsWith("jdbc:h2:") || url.startsWith("jdbc:h2:mem:") || url.startsWith("jdbc:h2:tcp:")
                || url.startsWith("jdbc:h2:ssl:") || url.toUpperCase(java.util.Locale.ROOT).contains("AUTO_SERVER=")) {
            return url;
        }
        return url + ";AUTO_SERVER=TRUE";
    }
}
