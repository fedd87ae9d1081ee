package org.kaohe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Which arguments start a command and which start the web UI, and which of them Spring gets; and a
 * command run in process changes no setting of the JVM.
 */
class CommandLineLauncherTest {

    @TempDir
    Path dir;

    /**
     * The command line's settings (its logging to standard error) are its Spring application's
     * defaults, not system properties: a command run inside a test's JVM leaves nothing behind for
     * the next application to inherit, and so no test has to undo it.
     */
    @Test
    void aCommandRunInProcessSetsNoSpringOrLoggingSystemProperty() {
        Map<String, String> before = springAndLoggingSystemProperties();

        int exit = CommandLineLauncher.run(new String[] {"rules", "list",
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("kaohe").toAbsolutePath()});

        assertThat(exit).isZero();
        // Not only "as before": a test that ran earlier in this JVM could have left one set already.
        assertThat(springAndLoggingSystemProperties()).doesNotContainKey("logging.config").isEqualTo(before);
    }

    /**
     * {@code java -jar kaohe.jar COMMAND} starts from Spring's ahead-of-time code as the launcher
     * does, but not the web server, not with a logging configuration of the user's, not when the
     * JVM's setting says either way, and not when the code is not in the jar the command runs from.
     */
    @Test
    void aCommandStartsFromTheAheadOfTimeCodeWhenItIsThereAndNothingSaysOtherwise() {
        String[] verify = {"runs", "verify", "--spring.datasource.url=jdbc:h2:file:x"};
        assertThat(CommandLineLauncher.aheadOfTimeCodeFor(verify, null, true)).isTrue();
        assertThat(CommandLineLauncher.aheadOfTimeCodeFor(new String[] {"--version"}, null, true)).isTrue();
        assertThat(CommandLineLauncher.aheadOfTimeCodeFor(verify, null, false)).isFalse(); // not in the jar run
        assertThat(CommandLineLauncher.aheadOfTimeCodeFor(verify, "false", true)).isFalse();
        assertThat(CommandLineLauncher.aheadOfTimeCodeFor(verify, "true", true)).isFalse(); // already set
        assertThat(CommandLineLauncher.aheadOfTimeCodeFor(new String[] {"--server.port=0"}, null, true)).isFalse();
        assertThat(CommandLineLauncher.aheadOfTimeCodeFor(new String[] {"runs", "verify", "--logging.config=my.xml"},
                null, true)).isFalse();
    }

    /** Spring Boot's own start sets upper-case ones (PID, CONSOLE_LOG_CHARSET...): those are not the launcher's. */
    private static Map<String, String> springAndLoggingSystemProperties() {
        Map<String, String> found = new TreeMap<>();
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("spring.") || name.startsWith("logging."))
                .forEach(name -> found.put(name, System.getProperty(name)));
        return found;
    }

    /**
     * The command line's pool opens one H2 session up front, not Hikari's ten on a thread of its own
     * while the command starts; a setting of the user's still wins.
     */
    @Test
    void theCommandLinePoolOpensOneConnectionUpFrontUnlessToldOtherwise() {
        String url = "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("pool").toAbsolutePath();
        for (Map.Entry<String[], Integer> run : Map.of(new String[] {url}, 1,
                new String[] {url, "--spring.datasource.hikari.minimum-idle=3"}, 3).entrySet()) {
            try (org.springframework.context.ConfigurableApplicationContext context =
                         LazySpringFactory.commandLineApplication().run(run.getKey())) {
                HikariDataSource pool = context.getBean(HikariDataSource.class);

                assertThat(pool.getMinimumIdle()).isEqualTo(run.getValue());
            }
        }
    }

    @Test
    void aCommandOrAHelpRequestRunsTheCommandLine() {
        assertThat(CommandLineLauncher.isCommand(new String[] {"import", "data/2026-Q3"})).isTrue();
        assertThat(CommandLineLauncher.isCommand(new String[] {"--help"})).isTrue();
        assertThat(CommandLineLauncher.isCommand(new String[] {"-V"})).isTrue();
    }

    @Test
    void noArgumentsOrOnlySpringOptionsServeTheWebUi() {
        assertThat(CommandLineLauncher.isCommand(new String[] {})).isFalse();
        assertThat(CommandLineLauncher.isCommand(new String[] {"--server.port=9090"})).isFalse();
        assertThat(CommandLineLauncher.isCommand(new String[] {"--spring.datasource.url=jdbc:h2:file:/tmp/x"})).isFalse();
    }

    @Test
    void optionsMayComeBeforeTheCommand() {
        String[] args = {"--spring.datasource.url=jdbc:h2:file:/tmp/x", "import", "data/2026-Q3"};

        assertThat(CommandLineLauncher.isCommand(args)).isTrue();
        assertThat(CommandLineLauncher.springArgs(args)).containsExactly("--spring.datasource.url=jdbc:h2:file:/tmp/x");
        assertThat(CommandLineLauncher.commandArgs(args)).containsExactly("import", "data/2026-Q3");
    }

    @Test
    void theUserOptionNamesWhoRunsTheCommandWherever() {
        java.util.List<String> rest = new java.util.ArrayList<>();
        assertThat(CommandLineLauncher.takeUser(new String[] {"--user", "lina", "evaluate", "--period", "2026-Q3"}, rest))
                .isEqualTo("lina");
        assertThat(rest).containsExactly("evaluate", "--period", "2026-Q3");
        rest.clear();
        assertThat(CommandLineLauncher.takeUser(new String[] {"evaluate", "--user=王芳"}, rest)).isEqualTo("王芳");
        assertThat(rest).containsExactly("evaluate");
    }

    @Test
    void aDatabaseHeldByAnotherProgramIsOneLineInTheReadersLanguage() {
        RuntimeException failure = new IllegalStateException("Failed to start", new RuntimeException(
                "Database may be already in use: \"/srv/kaohe/var/kaohe.mv.db\". Possible solutions: close all other"
                        + " connection(s); use the server mode [90020-232]"));
        try {
            CliSupport.chooseLanguage(java.util.Locale.SIMPLIFIED_CHINESE);
            assertThat(CommandLineLauncher.startupProblem(failure)).doesNotContain("\n").contains("数据库正被另一个程序使用")
                    .doesNotContain("in use by another program");
            CliSupport.chooseLanguage(java.util.Locale.ENGLISH);
            assertThat(CommandLineLauncher.startupProblem(failure)).doesNotContain("\n")
                    .startsWith("the database is in use by another program");
        } finally {
            CliSupport.chooseLanguage(null);
        }
    }

    @Test
    void springOptionsGoToSpringAndTheRestToTheCommand() {
        String[] args = {"results", "--period", "2026-Q3", "--spring.datasource.url=jdbc:h2:mem:x", "--format", "csv"};

        assertThat(CommandLineLauncher.springArgs(args)).containsExactly("--spring.datasource.url=jdbc:h2:mem:x");
        assertThat(CommandLineLauncher.commandArgs(args)).containsExactly("results", "--period", "2026-Q3", "--format", "csv");
    }
}
