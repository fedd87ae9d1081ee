package org.kaohe.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Runs one command of {@code java -jar kaohe.jar COMMAND ...}, in a lazy Spring context without a
 * web server when the command needs one. Options go before or after the command alike: Spring's
 * ({@code --spring.datasource.url=...}, {@code --kaohe.*}, {@code --logging.*}) go to Spring,
 * {@code --user NAME} names who runs the command, the rest to the command. Logging goes to standard
 * error so that standard output carries only the command's output ({@code --format csv|json} can be
 * piped into other tools); an expected failure, such as a database the web server holds, is one
 * line, never a stack trace. The command line's settings are its Spring application's defaults
 * ({@link LazySpringFactory#commandLineApplication()}), not system properties: {@link #run} leaves
 * the JVM's settings as it found them, so a test may run a command in its own JVM. The system
 * properties are set by main alone ({@link #skipBackgroundPreinitializer()}, {@link #useAheadOfTimeCode}).
 */
public final class CommandLineLauncher {

    private CommandLineLauncher() {}

    private static final Set<String> HELP_OPTIONS = Set.of("-h", "--help", "-V", "--version");
    private static final String USER_OPTION = "--user";

    /** True when some argument names a command (or asks for help): otherwise the web server starts. */
    public static boolean isCommand(String[] args) {
        return Arrays.stream(args).anyMatch(a -> !a.startsWith("-") || HELP_OPTIONS.contains(a) || a.equals(USER_OPTION)
                || a.startsWith(USER_OPTION + "="));
    }

    /**
     * Spring Boot warms up Jackson, bean validation and HTTP converters on a background thread for a
     * web server; a command uses none of them, and on two shared cores that thread only competes.
     * The one switch is a JVM system property, not an application setting: Boot's
     * {@code BackgroundPreinitializer} reads {@code spring.backgroundpreinitializer.ignore} with
     * {@code Boolean.getBoolean} once, when its class loads (the first SpringApplication of the JVM).
     * So main sets it, first of all, for the command's own process; never set in a test's JVM.
     */
    public static void skipBackgroundPreinitializer() {
        System.setProperty("spring.backgroundpreinitializer.ignore", "true");
    }

    /** The system property that makes Spring build a context from its ahead-of-time code. */
    static final String AOT_ENABLED = "spring.aot.enabled";
    /** The command-line context's ahead-of-time code, written by {@code mvn package} ({@link CommandLineAot}). */
    static final String AOT_INITIALIZER = "org.kaohe.cli.CommandLineAot__ApplicationContextInitializer";

    /**
     * The command's context built from Spring's ahead-of-time code, as the launcher
     * ({@code target/bin/kaohe}) does: for {@code java -jar kaohe.jar COMMAND} too, a second of CPU
     * less at every start (no scanning, no configuration classes parsed, no conditions evaluated;
     * docs/performance.md). Only from a jar, where the code was built with the classes beside it
     * (classes compiled since, in {@code target/classes}, may sit beside an older build's code, which
     * would not know their beans); not when the user names a logging configuration (the code
     * carries {@code logback-cli.xml}'s model and would not read another file), nor when
     * {@code -Dspring.aot.enabled} is given either way. Called by main only, for a command's own
     * process: it is a JVM system property.
     */
    public static void useAheadOfTimeCode(String[] args) {
        java.net.URL code = CommandLineLauncher.class.getClassLoader().getResource(AOT_INITIALIZER.replace('.', '/') + ".class");
        if (aheadOfTimeCodeFor(args, System.getProperty(AOT_ENABLED), code != null && "jar".equals(code.getProtocol()))) {
            System.setProperty(AOT_ENABLED, "true");
        }
    }

    /**
     * Whether a command with these arguments starts from the ahead-of-time code; {@code setting} is
     * the JVM's, if any; {@code codeInJar}: the code is in the jar the command runs from.
     */
    static boolean aheadOfTimeCodeFor(String[] args, String setting, boolean codeInJar) {
        return setting == null && codeInJar && isCommand(args)
                && Arrays.stream(args).noneMatch(a -> a.startsWith("--logging.config="));
    }

    /**
     * Java 17 writes standard output in the platform charset (ASCII under a bare POSIX locale);
     * Chinese output must be UTF-8 whatever the locale. Called by main only, so tests can capture
     * the streams.
     */
    public static void useUtf8Console() {
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
    }

    /**
     * Builds the command tree from the command classes alone and runs it; Spring starts (lazily,
     * without a web server) only when the chosen command is a Spring bean, so {@code --help} and
     * {@code --version} cost only the JVM's start.
     */
    public static int run(String[] args) {
        List<String> rest = new ArrayList<>();
        String user = takeUser(args, rest);
        if (user != null && !user.matches("[\\p{L}\\p{Nd}._@:-]{1,64}")) {
            System.err.println(CliSupport.text("cli.launcher.badUser", user));
            return CliSupport.EXIT_INVALID;
        }
        String[] all = rest.toArray(String[]::new);
        try (LazySpringFactory factory = new LazySpringFactory(springArgs(all), user)) {
            String[] commandArgs = commandArgs(all);
            if (KaoheCommands.named(commandArgs).filter(LazySpringFactory::isBean).isPresent()) {
                factory.startNow(); // picocli builds its tree meanwhile
            }
            return KaoheCommands.commandLine(factory, commandArgs).execute(commandArgs);
        } catch (RuntimeException e) {
            // Spring failed to start for a command picocli was still creating (a bad setting).
            System.err.println(startupProblem(e));
            return CliSupport.EXIT_FAILED;
        }
    }

    /** Removes {@code --user NAME} / {@code --user=NAME} from the arguments; returns the name, or null. */
    static String takeUser(String[] args, List<String> rest) {
        String user = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(USER_OPTION) && i + 1 < args.length) {
                user = args[++i];
            } else if (args[i].startsWith(USER_OPTION + "=")) {
                user = args[i].substring(USER_OPTION.length() + 1);
            } else {
                rest.add(args[i]);
            }
        }
        return user;
    }

    /** Why the application could not start, in one Chinese and English line. */
    static String startupProblem(Throwable e) {
        return databaseInUse(e) ? CliSupport.text("cli.launcher.databaseInUse")
                : CliSupport.text("cli.launcher.cannotStart") + ": " + oneLine(e);
    }

    /** Why a command failed, in one line: the database held by another program is told as at start-up. */
    static String failure(Throwable e) {
        return databaseInUse(e) ? CliSupport.text("cli.launcher.databaseInUse")
                : CliSupport.text("cli.launcher.failed") + ": " + oneLine(e);
    }

    private static boolean databaseInUse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("Database may be already in use") || message.contains("90020")) {
                return true;
            }
        }
        return false;
    }

    /** The innermost message of a failure, on one line. */
    static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        String first = e.getMessage() != null && e != root ? e.getMessage().lines().findFirst().orElse("") : "";
        String text = first.isEmpty() || first.contains(message) ? message : first + ": " + message;
        return text.replaceAll("\\s*\\R\\s*", " ");
    }

    /** Spring options ({@code --spring.datasource.url=...} and the like) are Spring's, not the command's. */
    static boolean isSpringOption(String arg) {
        return arg.startsWith("--spring.") || arg.startsWith("--logging.") || arg.startsWith("--kaohe.");
    }

    static String[] springArgs(String[] args) {
        return Arrays.stream(args).filter(CommandLineLauncher::isSpringOption).toArray(String[]::new);
    }

    static String[] commandArgs(String[] args) {
        return Arrays.stream(args).filter(a -> !isSpringOption(a)).toArray(String[]::new);
    }
}
