package org.kaohe.cli;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.kaohe.records.Period;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import org.kaohe.errors.EvaluationException;
import org.kaohe.errors.InvalidInputException;
import org.kaohe.errors.RefusedException;
import org.kaohe.errors.SealBrokenException;

/**
 * The root command. Subcommands are Spring beans annotated with {@link Command} and
 * {@link TopLevelCommand}; each feature package contributes its own, so this class never changes
 * when a command is added.
 */
@Command(name = "kaohe", mixinStandardHelpOptions = true, versionProvider = KaoheCommands.JarVersion.class,
        description = "Kaohe 考核 — quarterly performance assessment. With no command, serves the web UI.")
public class KaoheCommands implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Builds the command tree, creating commands through a running Spring context (tests). */
    public static CommandLine commandLine(ApplicationContext context) {
        return commandLine(new SpringCommandFactory(context));
    }

    /**
     * Builds the command tree from the command classes; picocli asks {@code factory} for a command
     * object only when that command runs (or prints its own help).
     */
    static CommandLine commandLine(CommandLine.IFactory factory) {
        return tree(factory, CommandCatalog.commands(), true);
    }

    /**
     * The command tree for these arguments: when the first names a top-level command, the root with
     * that command's branch alone, which parses and prints as the whole tree does for it; otherwise
     * the whole tree ({@code --help} before the command, {@code completion}, a mistyped command
     * answered with the list). picocli reflects over every command class it is given and loads the types of all their
     * options and parameters: for {@code rules list} the other branches were a fifth of the start-up.
     */
    static CommandLine commandLine(CommandLine.IFactory factory, String[] args) {
        return (args.length == 0 ? Optional.<Class<?>>empty() : CommandCatalog.named(args[0]))
                .map(named -> tree(factory, List.of(named), false))
                .orElseGet(() -> tree(factory, CommandCatalog.commands(), true));
    }

    private static CommandLine tree(CommandLine.IFactory factory, List<Class<?>> commands, boolean withCompletion) {
        CommandLine root = new CommandLine(new KaoheCommands(), factory);
        commands.stream()
                .sorted(Comparator.comparing(CommandCatalog::nameOf))
                .forEach(type -> root.addSubcommand(new CommandLine(type, factory)));
        if (withCompletion) {
            root.addSubcommand(new CommandLine(new CompletionCommand(), factory));
        }
        root.setCaseInsensitiveEnumValuesAllowed(true);
        root.registerConverter(Period.class, Period::parse);
        root.setExecutionExceptionHandler(KaoheCommands::reportFailure);
        return root;
    }

    /**
     * A failure the command did not handle itself (a rulebook that cannot score, a database that
     * went away or that another program holds: the context is lazy, so the database opens only
     * while the command runs): one readable line on standard error, never a stack trace; the trace only with
     * {@code --logging.level.org.kaohe=DEBUG}. The user's bad input ({@link InvalidInputException})
     * exits 2 as every refused input does, and so do an evaluation the present state refuses
     * ({@link EvaluationException}: nothing imported, no rulebook) and input refused for located problems
     * ({@link RefusedException}: a rulebook, an import; each problem {@code file:line:column: message} on its
     * line of standard output, then what was refused); anything else exits 1.
     */
    private static int reportFailure(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        LoggerFactory.getLogger(KaoheCommands.class).debug("Command failed", e);
        if (e instanceof InvalidInputException invalid) {
            commandLine.getErr().println(invalid.getMessage(CliSupport.readerLocale(System.getenv())));
            return CliSupport.EXIT_INVALID;
        }
        if (e instanceof EvaluationException cannot) {
            // nothing imported for the period, no rulebook published: the state refuses, as bad input does
            commandLine.getErr().println(cannot.getMessage());
            return CliSupport.EXIT_INVALID;
        }
        if (e instanceof RefusedException refused) {
            // the problems are the command's answer (standard output, as rules validate lists them), each on its line
            refused.lines(CliSupport.readerLocale(System.getenv())).forEach(System.out::println);
            return CliSupport.EXIT_INVALID;
        }
        if (e instanceof SealBrokenException) {
            commandLine.getErr().println(e.getMessage());
            return CliSupport.EXIT_ALTERED;
        }
        commandLine.getErr().println(CommandLineLauncher.failure(e));
        return CliSupport.EXIT_FAILED;
    }

    /** The version Maven wrote into the jar's manifest ("development" when run from classes). */
    static final class JarVersion implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = KaoheCommands.class.getPackage().getImplementationVersion();
            return new String[] {"Kaohe 考核 " + (version == null ? "development" : version)};
        }
    }

    private record SpringCommandFactory(ApplicationContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            return context.getBeanProvider(type).getIfAvailable(() -> {
                try {
                    return CommandLine.defaultFactory().create(type);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }
}
