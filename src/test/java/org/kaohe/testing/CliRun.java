package org.kaohe.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.kaohe.cli.KaoheCommands;
import org.springframework.context.ApplicationContext;

/**
 * One command of the command line run in the test's own application context, with what it wrote
 * to standard output and standard error (the streams are put back afterwards).
 */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(ApplicationContext context, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = KaoheCommands.commandLine(context).execute(args);
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** The command with {@code --lang zh}: its messages in Chinese whatever the machine's {@code LANG}. */
    public static CliRun inChinese(ApplicationContext context, String... args) {
        return of(context, withLanguage("zh", args));
    }

    /** The command with {@code --lang en}: its messages in English whatever the machine's {@code LANG}. */
    public static CliRun inEnglish(ApplicationContext context, String... args) {
        return of(context, withLanguage("en", args));
    }

    private static String[] withLanguage(String language, String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--lang";
        all[args.length + 1] = language;
        return all;
    }

    /** The exit code, by the shorter name some tests use. */
    public int exit() {
        return exitCode;
    }
}
