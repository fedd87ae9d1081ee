package org.kaohe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/**
 * The command line words typed messages in the language {@code --lang} asks for, else the
 * environment's, in both when it names neither.
 */
class ReaderLocaleTest {

    @AfterEach
    void forgetTheChoice() {
        CliSupport.chooseLanguage(null);
    }

    @Test
    void theEnvironmentChoosesEnglishChineseOrBoth() {
        assertThat(CliSupport.readerLocale(Map.of("LANG", "en_GB.UTF-8"))).isEqualTo(Locale.ENGLISH);
        assertThat(CliSupport.readerLocale(Map.of("LANG", "zh_CN.UTF-8"))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(CliSupport.readerLocale(Map.of("LANG", "C.UTF-8"))).isNull();
        assertThat(CliSupport.readerLocale(Map.of())).isNull();
        // POSIX order: LC_ALL over LC_MESSAGES over LANG.
        assertThat(CliSupport.readerLocale(Map.of("LC_ALL", "zh_CN.UTF-8", "LANG", "en_US.UTF-8")))
                .isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(CliSupport.readerLocale(Map.of("LC_MESSAGES", "en_US.UTF-8", "LANG", "zh_CN.UTF-8")))
                .isEqualTo(Locale.ENGLISH);
    }

    @Test
    void langBeforeOrAfterTheCommandOverridesTheEnvironment() {
        assertThat(run("--lang", "en", "completion")).isZero();
        assertThat(CliSupport.locale()).isEqualTo(Locale.ENGLISH);
        assertThat(CliSupport.text("cli.rules.noneKept")).isEqualTo("none");

        assertThat(run("completion", "--lang", "zh")).isZero();
        assertThat(CliSupport.locale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(CliSupport.text("cli.rules.noneKept")).isEqualTo("无");
    }

    @Test
    void withoutLangTheEnvironmentSpeaks() {
        run("--lang", "en", "completion");
        run("completion"); // a new command forgets the last one's --lang
        assertThat(CliSupport.locale()).isEqualTo(CliSupport.readerLocale(System.getenv()));
    }

    @Test
    void anUnknownLanguageIsRefusedAsBadInput() {
        StringWriter err = new StringWriter();
        CommandLine tree = KaoheCommands.commandLine(CommandLine.defaultFactory());
        tree.setErr(new PrintWriter(err));
        tree.setOut(new PrintWriter(new StringWriter()));
        assertThat(tree.execute("completion", "--lang", "fr")).isEqualTo(CliSupport.EXIT_INVALID);
        assertThat(err.toString()).contains("--lang", "'fr'", "[zh, en]");
    }

    private static int run(String... args) {
        CommandLine tree = KaoheCommands.commandLine(CommandLine.defaultFactory());
        tree.setOut(new PrintWriter(new StringWriter()));
        return tree.execute(args);
    }
}
