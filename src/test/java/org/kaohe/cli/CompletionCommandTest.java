package org.kaohe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/**
 * {@code kaohe completion} prints picocli's bash completion of the whole command tree, without
 * creating a command (so without Spring), as {@code --help} does.
 */
class CompletionCommandTest {

    @Test
    void theScriptCompletesEveryCommandItsSubcommandsAndOptionsWithoutCreatingACommand() {
        CommandLine.IFactory refusing = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type.isAnnotationPresent(TopLevelCommand.class)) {
                    throw new AssertionError("created " + type.getName() + " to print the completion script");
                }
                return CommandLine.defaultFactory().create(type);
            }
        };
        StringWriter out = new StringWriter();
        CommandLine commandLine = KaoheCommands.commandLine(refusing);
        commandLine.setOut(new PrintWriter(out, true));

        int exit = commandLine.execute("completion");

        assertThat(exit).isZero();
        String script = out.toString();
        assertThat(script).contains("complete -F _complete_kaohe").contains("function _picocli_kaohe_rules()")
                .contains("function _picocli_kaohe_rules_publish()").contains("function _picocli_kaohe_results()");
        // the words offered after "kaohe": every command; after "kaohe results": its options, the
        // global --lang among them, and their values
        assertThat(script).contains("local commands=\"audit evaluate explain import report results rules runs signals simulate "
                + "users completion\"");
        assertThat(script).contains("local arg_opts=\"'--period' '--year' '--format' '--out' '--lang'\"")
                .contains("(\"TABLE\" \"CSV\" \"JSON\" \"XLSX\") # --format values")
                .contains("(\"zh\" \"en\") # --lang values");
    }
}
