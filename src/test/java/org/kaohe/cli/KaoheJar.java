package org.kaohe.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.kaohe.errors.FaultPoint;

/**
 * Runs {@code java -jar target/kaohe.jar COMMAND ...} as a user would, against its own H2 file
 * database, and captures standard output and error separately.
 */
final class KaoheJar {

    /** What one command did. */
    record Run(int exitCode, String out, String err) {}

    private final Path jar = Path.of("target", "kaohe.jar").toAbsolutePath();
    private final String databaseUrl;

    KaoheJar(Path databaseFolder) {
        this("jdbc:h2:file:" + databaseFolder.resolve("kaohe").toAbsolutePath());
    }

    KaoheJar(String databaseUrl) {
        this.databaseUrl = databaseUrl;
    }

    /**
     * Starts a command without waiting for it, its output going to {@code log}, so a test can kill
     * it midway: with a {@link FaultPoint} it pauses there and writes {@code barrier} when it does.
     */
    Process start(Path log, FaultPoint pauseAt, Path barrier, String... command) throws IOException {
        List<String> args = new ArrayList<>(List.of(command));
        args.add("--spring.datasource.url=" + databaseUrl);
        List<String> line = commandLine(List.of("-D" + FaultPoint.PAUSE_AT + "=" + pauseAt.key(),
                "-D" + FaultPoint.BARRIER + "=" + barrier.toAbsolutePath()), args);
        return new ProcessBuilder(line)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    /**
     * Starts the web server on {@code port} with the given JVM options (a heap limit, a fault point),
     * its output going to {@code log}; the demo data is not loaded. The caller stops it.
     */
    Process serve(Path log, int port, List<String> jvmOptions) throws IOException {
        List<String> args = List.of("--server.port=" + port, "--spring.datasource.url=" + databaseUrl,
                "--kaohe.demo.load-on-start=false");
        return new ProcessBuilder(commandLine(jvmOptions, args))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    Run run(String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(command));
        args.add("--spring.datasource.url=" + databaseUrl);
        return runAsIs(args);
    }

    /** As {@link #run}, the database option placed before the command, as users also write it. */
    Run runOptionFirst(String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + databaseUrl));
        args.addAll(List.of(command));
        return runAsIs(args);
    }

    private List<String> commandLine(List<String> args) {
        return commandLine(List.of(), args);
    }

    private List<String> commandLine(List<String> jvmOptions, List<String> args) {
        // C1 only: these short runs spend most of their time starting up, not in hot loops.
        List<String> line = new ArrayList<>(List.of(javaBinary(), "-XX:TieredStopAtLevel=1"));
        line.addAll(jvmOptions);
        line.addAll(List.of("-jar", jar.toString()));
        line.addAll(args);
        return line;
    }

    private Run runAsIs(List<String> args) throws IOException, InterruptedException {
        List<String> line = commandLine(args);
        Path out = Files.createTempFile("kaohe-out", ".txt");
        Path err = Files.createTempFile("kaohe-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(line);
            neutralLanguage(builder);
            Process process = builder
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("kaohe " + String.join(" ", args) + " did not finish");
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * The command's language as on a machine whose locale names none ({@code C.UTF-8}): both languages,
     * whatever this machine's {@code LANG}; a test wanting one passes {@code --lang}.
     */
    private static void neutralLanguage(ProcessBuilder builder) {
        builder.environment().remove("LC_ALL");
        builder.environment().remove("LC_MESSAGES");
        builder.environment().put("LANG", "C.UTF-8");
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
