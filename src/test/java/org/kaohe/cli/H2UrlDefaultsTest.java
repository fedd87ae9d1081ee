package org.kaohe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class H2UrlDefaultsTest {

    @Test
    void anEmbeddedH2FileIsOpenedInMixedModeSoTheCommandLineWorksBesideTheServer() {
        assertThat(H2UrlDefaults.withAutoServer("jdbc:h2:file:./var/kaohe")).isEqualTo("jdbc:h2:file:./var/kaohe;AUTO_SERVER=TRUE");
        assertThat(H2UrlDefaults.withAutoServer("jdbc:h2:file:/x;AUTO_SERVER=FALSE")).isEqualTo("jdbc:h2:file:/x;AUTO_SERVER=FALSE");
        assertThat(H2UrlDefaults.withAutoServer("jdbc:h2:file:/x;auto_server=false")).isEqualTo("jdbc:h2:file:/x;auto_server=false");
        assertThat(H2UrlDefaults.withAutoServer("jdbc:h2:mem:test")).isEqualTo("jdbc:h2:mem:test");
        assertThat(H2UrlDefaults.withAutoServer("jdbc:h2:tcp://localhost/x")).isEqualTo("jdbc:h2:tcp://localhost/x");
        assertThat(H2UrlDefaults.withAutoServer("jdbc:postgresql://localhost/kaohe")).isEqualTo("jdbc:postgresql://localhost/kaohe");
    }

    @Test
    void everyEmbeddedH2DatabaseKeepsThirtyTwoParsedStatementsAConnectionUnlessTheUrlSaysOtherwise() {
        assertThat(H2UrlDefaults.completed("jdbc:h2:file:./var/kaohe"))
                .isEqualTo("jdbc:h2:file:./var/kaohe;AUTO_SERVER=TRUE;QUERY_CACHE_SIZE=32");
        assertThat(H2UrlDefaults.completed("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1"))
                .isEqualTo("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=32");
        assertThat(H2UrlDefaults.completed("jdbc:h2:file:/x;QUERY_CACHE_SIZE=8")).isEqualTo("jdbc:h2:file:/x;QUERY_CACHE_SIZE=8;AUTO_SERVER=TRUE");
        assertThat(H2UrlDefaults.completed("jdbc:h2:ssl://localhost/x")).isEqualTo("jdbc:h2:ssl://localhost/x");
        assertThat(H2UrlDefaults.completed("jdbc:postgresql://localhost/kaohe")).isEqualTo("jdbc:postgresql://localhost/kaohe");
        assertThat(H2UrlDefaults.completed(null)).isNull();
    }

    @Test
    void h2TakesTheCacheSizeFromTheCompletedUrl() throws SQLException {
        String url = H2UrlDefaults.completed("jdbc:h2:mem:h2-url-defaults");
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement();
             ResultSet setting = statement.executeQuery(
                     "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_CACHE_SIZE'")) {
            assertThat(setting.next()).isTrue();
            assertThat(setting.getString(1)).isEqualTo("32");
        }
    }

    @Test
    void theApplicationsUrlIsReplacedByTheCompletedOne() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("given",
                Map.of("spring.datasource.url", "jdbc:h2:mem:given")));

        new H2UrlDefaults().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:h2:mem:given;QUERY_CACHE_SIZE=32");
    }
}
