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

    /** The exit code, by the shorter name some tests use. */
    public int exit() {
        return exitCode;
    }
}
