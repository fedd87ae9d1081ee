package org.kaohe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which arguments start a command and which start the web UI, and which of them Spring gets. */
class CommandLineLauncherTest {

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
    void springOptionsGoToSpringAndTheRestToTheCommand() {
        String[] args = {"results", "--period", "2026-Q3", "--spring.datasource.url=jdbc:h2:mem:x", "--format", "csv"};

        assertThat(CommandLineLauncher.springArgs(args)).containsExactly("--spring.datasource.url=jdbc:h2:mem:x");
        assertThat(CommandLineLauncher.commandArgs(args)).containsExactly("results", "--period", "2026-Q3", "--format", "csv");
    }
}
