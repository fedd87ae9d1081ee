package org.kaohe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.kaohe.rules.RulebookService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The command line beside a running web server on the same embedded H2 file (opened by both in
 * H2's mixed mode): commands work, options go before the command, {@code --user} names who ran it,
 * and a rulebook that fails while scoring is one line on standard error, not a stack trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliBesideServerIT {

    private static final Path DATABASE = temporaryFolder();

    /**
     * The server's URL in mixed mode, as the application adds it (cli.H2UrlDefaults) to a URL given the
     * usual ways; a test's dynamic property comes after that step, so it says so itself. The command
     * line below gets the plain URL and adds it on its own.
     */
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url",
                () -> "jdbc:h2:file:" + DATABASE.resolve("kaohe").toAbsolutePath() + ";AUTO_SERVER=TRUE");
    }

    @Autowired JdbcClient jdbc;
    @Autowired RulebookService rulebooks;

    @Test
    @Order(1)
    void commandsRunOnTheDatabaseTheServerHoldsAndNameTheirUser() throws Exception {
        KaoheJar kaohe = new KaoheJar(DATABASE);

        KaoheJar.Run imported = kaohe.runOptionFirst("--user", "lina", "import", "data/2026-Q3");
        assertThat(imported.exitCode()).as(imported.out() + imported.err()).isZero();
        KaoheJar.Run evaluated = kaohe.run("evaluate", "--period", "2026-Q3", "--user=lina");
        assertThat(evaluated.exitCode()).as(evaluated.err()).isZero();
        KaoheJar.Run verified = kaohe.run("runs", "verify");
        assertThat(verified.exitCode()).as(verified.out()).isZero();

        // The server's own connection sees what the command line stored, and who did it.
        assertThat(jdbc.sql("SELECT imported_by FROM import_version WHERE period = '2026-Q3'").query(String.class).single())
                .isEqualTo("lina");
        assertThat(jdbc.sql("SELECT run_by FROM evaluation_run").query(String.class).list()).containsOnly("lina");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE actor = 'lina' AND action = 'EVALUATE'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void anEvaluationStoppedAtItsLimitIsOneLineNotAStackTrace() throws Exception {
        KaoheJar kaohe = new KaoheJar(DATABASE);
        kaohe.run("import", "data/2026-Q2");

        KaoheJar.Run evaluated = kaohe.run("evaluate", "--period", "2026-Q2",
                "--kaohe.evaluation.max-firings-per-session=20");

        assertThat(evaluated.exitCode()).isEqualTo(2);
        assertThat(evaluated.out() + evaluated.err()).doesNotContain("\tat ").doesNotContain("Exception in thread");
        assertThat(evaluated.err().strip().lines().filter(l -> l.contains("规则触发次数超过上限 20"))).hasSize(1);
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("kaohe-cli-beside-server");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
