package org.kaohe.cli;

import java.util.List;
import java.util.Optional;

import picocli.CommandLine.Command;

/**
 * Every top-level command of {@code kaohe}, by class. Listed here rather than found by scanning the
 * Spring context so that {@code --help} and {@code --version} can print the command tree without
 * starting Spring: picocli reads the annotations of a class and creates the command only when it
 * runs. {@code CommandCatalogTest} fails when a bean marked {@link TopLevelCommand} is missing here.
 * Commands of other packages are named by string because they are package-private there.
 */
final class CommandCatalog {

    private static final List<String> CLASS_NAMES = List.of(
            "org.kaohe.cli.ImportCommand",
            "org.kaohe.cli.RulesCommand",
            "org.kaohe.cli.EvaluateCommand",
            "org.kaohe.cli.ResultsCommand",
            "org.kaohe.cli.SignalsCommand",
            "org.kaohe.cli.ExplainCommand",
            "org.kaohe.cli.SimulateCommand",
            "org.kaohe.cli.RunsCommand",
            "org.kaohe.cli.AuditCommand",
            "org.kaohe.cli.ReportCommand",
            "org.kaohe.cli.UsersCommand");

    private CommandCatalog() {}

    static List<Class<?>> commands() {
        return CLASS_NAMES.stream().<Class<?>>map(CommandCatalog::load).toList();
    }

    /** The top-level command of this name, if there is one. */
    static Optional<Class<?>> named(String name) {
        return commands().stream().filter(type -> nameOf(type).equals(name)).findFirst();
    }

    static String nameOf(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, CommandCatalog.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("command class missing: " + name, e);
        }
    }
}
