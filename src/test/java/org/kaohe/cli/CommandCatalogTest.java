package org.kaohe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import picocli.CommandLine;

/** The catalog that lets {@code --help} run without Spring lists every top-level command there is. */
class CommandCatalogTest {

    @Test
    void everyTopLevelCommandBeanIsInTheCatalog() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(TopLevelCommand.class));
        List<String> annotated = scanner.findCandidateComponents("org.kaohe").stream()
                .map(BeanDefinition::getBeanClassName).toList();

        assertThat(CommandCatalog.commands().stream().map(Class::getName).toList())
                .containsExactlyInAnyOrderElementsOf(annotated);
    }

    @Test
    void helpListsEveryCommandWithoutCreatingAny() {
        CommandLine.IFactory refusing = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type.isAnnotationPresent(TopLevelCommand.class)) {
                    throw new AssertionError("created " + type.getName() + " to print the help");
                }
                return CommandLine.defaultFactory().create(type);
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandLine commandLine = KaoheCommands.commandLine(refusing);
        commandLine.setOut(new java.io.PrintWriter(new PrintStream(out, true, StandardCharsets.UTF_8), true));

        int exit = commandLine.execute("--help");

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("import", "rules", "evaluate", "results", "explain", "simulate", "users", "runs", "audit");
    }
}
