package org.kaohe.cli;

import java.util.Locale;
import java.util.Map;

import org.kaohe.audit.H2Password;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Completes an embedded H2 URL with Kaohe's settings where the URL does not give them itself.
 * Registered in META-INF/spring.factories, so it applies to the web server, the command line and
 * the tests alike, whichever way the URL was given (default, option, environment).
 * <ul>
 * <li>A file database opens in H2's automatic mixed mode ({@code AUTO_SERVER=TRUE}): the first
 *     process to open the file serves it to the others, so the command line works while the web
 *     server runs on the same database (and the other way round). The server it starts listens on
 *     the loopback address only, and the database has a password ({@link H2Password}).</li>
 * <li>Each connection keeps the parsed form of {@value #QUERY_CACHE_SIZE} statements
 *     ({@code QUERY_CACHE_SIZE}; H2's own default is 8). One subject's explanation runs 15 statements,
 *     12 of them different, so with 8 a pooled connection parsed every one of them again on every
 *     call: a quarter of the call in a server just started (docs/performance.md, "The explanation
 *     in a server just started"). Read when the database is opened, never stored in it.</li>
 * </ul>
 */
public class H2UrlDefaults implements EnvironmentPostProcessor {

    /** Statements whose parsed form a connection keeps: room for what a page or an API call runs. */
    static final int QUERY_CACHE_SIZE = 32;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("spring.datasource.url");
        if (H2Password.isH2File(url) && System.getProperty(H2Password.BIND_ADDRESS) == null) {
            // Before H2 reads its settings: the mixed mode's server binds to the loopback address only,
            // and its lock file names that address, so no other machine can reach the database.
            System.setProperty(H2Password.BIND_ADDRESS, H2Password.LOOPBACK);
        }
        String completed = completed(url);
        if (completed != null && !completed.equals(url)) {
            environment.getPropertySources().addFirst(new MapPropertySource("kaohe-h2-url-defaults",
                    Map.of("spring.datasource.url", completed)));
        }
    }

    /** The URL with each of Kaohe's settings added that it does not set; any other URL as it is. */
    static String completed(String url) {
        return withQueryCache(withAutoServer(url));
    }

    /** The URL with {@code ;AUTO_SERVER=TRUE} added when it is an H2 file URL that does not set it. */
    static String withAutoServer(String url) {
        if (!H2Password.isH2File(url) || sets(url, "AUTO_SERVER")) {
            return url;
        }
        return url + ";AUTO_SERVER=TRUE";
    }

    /** The URL with {@code ;QUERY_CACHE_SIZE=32} added when it is an embedded H2 URL that does not set it. */
    static String withQueryCache(String url) {
        if (!embeddedH2(url) || sets(url, "QUERY_CACHE_SIZE")) {
            return url;
        }
        return url + ";QUERY_CACHE_SIZE=" + QUERY_CACHE_SIZE;
    }

    /** An H2 database this process may open itself (a file or memory), not a server's (tcp, ssl). */
    private static boolean embeddedH2(String url) {
        return H2Password.isH2File(url) || url != null && url.startsWith("jdbc:h2:mem:");
    }

    private static boolean sets(String url, String setting) {
        return url.toUpperCase(Locale.ROOT).contains(";" + setting + "=");
    }
}
