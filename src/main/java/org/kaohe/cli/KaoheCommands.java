package org.kaohe.cli;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.kaohe.errors.EvaluationException;
import org.kaohe.errors.InvalidInputException;
import org.kaohe.errors.RefusedException;
import org.kaohe.errors.SealBrokenException;
import org.kaohe.errors.Worded;
import org.kaohe.records.Period;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

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

    /**
     * {@code --lang}, a global option (any command takes it, before or after the command's name): the
     * language of the command's messages, over the environment's ({@link CliSupport#locale()}).
     */
    @Option(names = "--lang", paramLabel = "zh|en", scope = ScopeType.INHERIT,
            description = "消息的语言 / the language of messages: zh or en (default: the environment's LC_ALL, "
                    + "LC_MESSAGES, LANG; both languages when it names neither)")
    void language(Language language) {
        CliSupport.chooseLanguage(language.locale);
    }

    /** The languages the command line words its messages in. */
    enum Language {
        zh(Locale.SIMPLIFIED_CHINESE), en(Locale.ENGLISH);

        private final Locale locale;

        Language(Locale locale) {
            this.locale = locale;
        }
    }

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
        return named(args)
                .map(named -> tree(factory, List.of(named), false))
                .orElseGet(() -> tree(factory, CommandCatalog.commands(), true));
    }

    /** The top-level command the arguments name first, past a leading {@code --lang zh|en}; empty when none. */
    static Optional<Class<?>> named(String[] args) {
        int i = 0;
        while (i < args.length && (args[i].equals("--lang") || args[i].startsWith("--lang="))) {
            i += args[i].equals("--lang") ? 2 : 1;
        }
        return i < args.length ? CommandCatalog.named(args[i]) : Optional.empty();
    }

    private static CommandLine tree(CommandLine.IFactory factory, List<Class<?>> commands, boolean withCompletion) {
        CliSupport.chooseLanguage(null); // a tree is built per command: no --lang of an earlier one is kept
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
            commandLine.getErr().println(invalid.getMessage(CliSupport.locale()));
            return CliSupport.EXIT_INVALID;
        }
        if (e instanceof EvaluationException cannot) {
            // nothing imported for the period, no rulebook published: the state refuses, as bad input does
            commandLine.getErr().println(cannot.getMessage(CliSupport.locale()));
            return CliSupport.EXIT_INVALID;
        }
        if (e instanceof RefusedException refused) {
            // the problems are the command's answer (standard output, as rules validate lists them), each on its line
            refused.lines(CliSupport.locale()).forEach(System.out::println);
            return CliSupport.EXIT_INVALID;
        }
        if (e instanceof SealBrokenException broken) {
            commandLine.getErr().println(broken.getMessage(CliSupport.locale()));
            return CliSupport.EXIT_ALTERED;
        }
        if (e instanceof Worded worded) {
            // work refused or stopped (busy, a conflict, cancelled, past its time limit): nothing changed
            commandLine.getErr().println(CliSupport.text("cli.launcher.failed") + ": " + worded.getMessage(CliSupport.locale()));
            return CliSupport.EXIT_FAILED;
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
