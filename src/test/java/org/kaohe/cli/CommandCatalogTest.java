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

    /** Creates the root and the help options, never a command: a command's help needs no Spring. */
    private static final CommandLine.IFactory REFUSING = new CommandLine.IFactory() {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type.isAnnotationPresent(TopLevelCommand.class)) {
                throw new AssertionError("created " + type.getName() + " to print the help");
            }
            return CommandLine.defaultFactory().create(type);
        }
    };

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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandLine commandLine = KaoheCommands.commandLine(REFUSING);
        commandLine.setOut(new java.io.PrintWriter(new PrintStream(out, true, StandardCharsets.UTF_8), true));

        int exit = commandLine.execute("--help");

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("import", "rules", "evaluate", "results", "explain", "simulate", "users", "runs", "audit");
    }

    /**
     * A command named first gets a tree with its branch alone (picocli then reflects over one command
     * class, not all of them), and that branch parses and prints as in the whole tree.
     */
    @Test
    void aCommandNamedFirstGetsItsBranchAloneWhichAnswersAsInTheWholeTree() {
        CommandLine whole = KaoheCommands.commandLine(REFUSING);
        for (Class<?> type : CommandCatalog.commands()) {
            String name = type.getAnnotation(CommandLine.Command.class).name();

            CommandLine branch = KaoheCommands.commandLine(REFUSING, new String[] {name, "--help"});

            assertThat(branch.getSubcommands()).containsOnlyKeys(name);
            assertThat(described(branch.getSubcommands().get(name))).isEqualTo(described(whole.getSubcommands().get(name)))
                    .contains("kaohe " + name);
        }
        assertThat(described(KaoheCommands.commandLine(REFUSING, new String[] {"rules", "list"}).getSubcommands().get("rules")))
                .contains("kaohe rules list", "kaohe rules publish", "--reason");        // the global --lang before the command does not hide it
        assertThat(KaoheCommands.commandLine(REFUSING, new String[] {"--lang", "en", "rules", "list"}).getSubcommands())
                .containsOnlyKeys("rules");
        assertThat(KaoheCommands.commandLine(REFUSING, new String[] {"--lang=zh", "users", "list"}).getSubcommands())
                .containsOnlyKeys("users");
    }

    /** Help asked before the command, the completion script, a mistyped or no command: the whole tree answers. */
    @Test
    void withoutACatalogCommandFirstTheWholeTreeAnswers() {
        java.util.Set<String> all = KaoheCommands.commandLine(REFUSING).getSubcommands().keySet();
        for (String[] args : List.of(new String[] {"--help", "rules"}, new String[] {"completion"}, new String[] {"rulez"},
                new String[] {})) {
            assertThat(KaoheCommands.commandLine(REFUSING, args).getSubcommands().keySet()).as(String.join(" ", args))
                    .containsExactlyElementsOf(all).contains("rules", "users", "completion");
        }
    }

    /**
     * What a command's help is made of, its subcommands' too: names, descriptions, options and
     * parameters (the help itself, and an option's description, would create the command for its
     * defaults, which needs Spring).
     */
    private static String described(CommandLine command) {
        CommandLine.Model.CommandSpec spec = command.getCommandSpec();
        StringBuilder text = new StringBuilder(spec.qualifiedName()).append(' ')
                .append(String.join(" ", spec.usageMessage().description())).append('\n');
        spec.options().forEach(o -> text.append(String.join("|", o.names())).append(' ').append(o.paramLabel()).append(' ')
                .append(o.type().getName()).append(' ').append(o.arity()).append('\n'));
        spec.positionalParameters().forEach(p -> text.append(p.paramLabel()).append(' ').append(p.arity()).append('\n'));
        command.getSubcommands().values().forEach(sub -> text.append(described(sub)));
        return text.toString();
    }
}
