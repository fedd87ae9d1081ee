package org.kaohe.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Runs one command of {@code java -jar kaohe.jar COMMAND ...}, in a Spring context without a web
 * server when the command needs one. Logging goes to standard error so that standard output carries only the command's
 * output ({@code --format csv|json} can be piped into other tools).
 */
public final class CommandLineLauncher {

    private CommandLineLauncher() {}

    private static final java.util.Set<String> HELP_OPTIONS = java.util.Set.of("-h", "--help", "-V", "--version");

    /** True when the first argument names a command (or asks for help) rather than being a Spring option. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && (!args[0].startsWith("-") || HELP_OPTIONS.contains(args[0]));
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
        System.setProperty("logging.config", "classpath:logback-cli.xml");
        try (LazySpringFactory factory = new LazySpringFactory(springArgs(args))) {
            return KaoheCommands.commandLine(factory).execute(commandArgs(args));
        }
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
