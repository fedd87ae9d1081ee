package org.kaohe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code target/bin/kaohe} as a user runs it: the first call after a build records the
 * class-data sharing archive, later calls map it (the JVM's class-loading log says where each class
 * came from), every argument passes through, standard output stays the command's alone, and a new
 * jar makes the archive again. It runs in a copy of target's layout ({@code bin/kaohe} beside
 * {@code kaohe.jar}), so it neither uses nor disturbs an archive of the build's own. No timing is
 * asserted: what CDS saves is measured in docs/performance.md.
 */
@DisabledOnOs(OS.WINDOWS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LauncherIT {

    private static final String PREPARING = "preparing class-data sharing";
    private static final String SHARED = "source: shared objects file";

    private record Run(int exitCode, String out, String err) {}

    private Path home;
    private Path launcher;
    private Path database;

    @BeforeAll
    void aCopyOfTheBuildsLayout(@TempDir Path folder) throws IOException {
        home = folder;
        Path bin = Files.createDirectories(home.resolve("bin"));
        launcher = Files.copy(Path.of("target", "bin", "kaohe"), bin.resolve("kaohe"));
        assertThat(launcher.toFile().setExecutable(true)).isTrue();
        Files.copy(Path.of("target", "kaohe.jar"), home.resolve("kaohe.jar"));
        database = home.resolve("db");
    }

    @Test
    @Order(1)
    void theFirstCallRecordsTheArchiveAndAnswers() throws Exception {
        Run run = kaohe(null, "--version");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Kaohe 考核 ").hasLineCount(1);
        assertThat(run.err()).contains(PREPARING);
        assertThat(home.resolve("cds/kaohe.jsa")).isNotEmptyFile();
        assertThat(home.resolve("cds/app/kaohe.jar")).exists();
    }

    @Test
    @Order(2)
    void laterCallsMapTheArchiveForTheVersionAndForACommandThatStartsSpring() throws Exception {
        Path versionLog = home.resolve("version-classes.log");
        Run version = kaohe(versionLog, "--version");
        Path listLog = home.resolve("list-classes.log");
        Run list = kaohe(listLog, "rules", "list", "--spring.datasource.url=jdbc:h2:file:" + database);
        Run again = kaohe(null, "--spring.datasource.url=jdbc:h2:file:" + database, "rules", "list");

        assertThat(version.exitCode()).as(version.err()).isZero();
        assertThat(version.err()).doesNotContain(PREPARING);
        assertThat(loadedFrom(versionLog, "org.kaohe.cli.CommandLineLauncher")).contains(SHARED);
        for (Run run : List.of(list, again)) {
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).doesNotContain(PREPARING);
            // standard output is the command's: its table, no JVM or Spring lines
            assertThat(run.out().lines().toList()).first().asString().startsWith("current  version  published_by");
            assertThat(run.out()).doesNotContain("[warning]", "INFO", "WARN");
        }
        // the archive's training run started Spring and the database: their classes come from it too
        assertThat(loadedFrom(listLog, "org.springframework.context.support.AbstractApplicationContext")).contains(SHARED);
        assertThat(loadedFrom(listLog, "org.h2.engine.Database")).contains(SHARED);
        assertThat(loadedFrom(listLog, "org.kaohe.cli.RulesCommand")).contains(SHARED);
        // trained on a file database: H2's file store and its mixed mode's server are in the archive
        assertThat(loadedFrom(listLog, "org.h2.mvstore.FileStore")).contains(SHARED);
        assertThat(loadedFrom(listLog, "org.h2.server.TcpServer")).contains(SHARED);
        // the command's context is built from the build's ahead-of-time code: nothing scanned or parsed
        assertThat(loadedFrom(listLog, "org.kaohe.cli.CommandLineAot__ApplicationContextInitializer")).contains(SHARED);
        assertThat(loadedFrom(listLog, "org.springframework.context.annotation.ConfigurationClassParser"))
                .startsWith("(not loaded");
    }

    @Test
    @Order(3)
    void anotherJarMakesTheArchiveAgainOnce() throws Exception {
        Path archive = home.resolve("cds/kaohe.jsa");
        FileTime before = Files.getLastModifiedTime(archive);
        // an older build copied over the jar: not newer than the archive, but not the jar it was made from
        Files.setLastModifiedTime(home.resolve("kaohe.jar"), FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS)));

        Run run = kaohe(null, "--version");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains(PREPARING);
        assertThat(Files.getLastModifiedTime(archive)).isGreaterThan(before);
        assertThat(kaohe(null, "--version").err()).doesNotContain(PREPARING);
    }

    @Test
    @Order(4)
    void everyArgumentPassesThroughAndTheCompletionScriptCompletesInBash() throws Exception {
        Run bad = kaohe(null, "results", "--period", "2026-Q9", "--spring.datasource.url=jdbc:h2:file:" + database);
        assertThat(bad.exitCode()).isEqualTo(CliSupport.EXIT_INVALID);

        Path script = home.resolve("kaohe-completion.bash");
        Run completion = kaohe(null, "completion");
        assertThat(completion.exitCode()).as(completion.err()).isZero();
        Files.writeString(script, completion.out(), StandardCharsets.UTF_8);

        assertThat(complete(script, "kaohe", "ru")).containsExactlyInAnyOrder("rules", "runs");
        assertThat(complete(script, "kaohe", "rules", "pu")).containsExactly("publish");
        assertThat(complete(script, "kaohe", "results", "--format", "")).contains("CSV", "XLSX");
        assertThat(home.resolve("var")).as("no command here opened the default database").doesNotExist();
    }

    @Test
    @Order(5)
    void aCommandRunsWithTheParallelCollectorUnlessTheUserNamesOne() throws Exception {
        Path chosen = home.resolve("gc-chosen.log");
        Run list = kaoheWith("-Xlog:gc+init=info,gc=info:file=" + chosen, "rules", "list",
                "--spring.datasource.url=jdbc:h2:file:" + database);
        Path named = home.resolve("gc-named.log");
        Run serial = kaoheWith("-XX:+UseSerialGC -Xlog:gc+init=info,gc=info:file=" + named, "rules", "list",
                "--spring.datasource.url=jdbc:h2:file:" + database);

        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(Files.readString(chosen)).contains("Using Parallel");
        // the user's collector, not a refusal of two collectors
        assertThat(serial.exitCode()).as(serial.err()).isZero();
        assertThat(Files.readString(named)).contains("Using Serial").doesNotContain("Using Parallel");
    }

    /** Runs the launcher; with {@code classLog}, the JVM logs where each class was loaded from there. */
    private Run kaohe(Path classLog, String... args) throws IOException, InterruptedException {
        return kaoheWith(classLog == null ? null : "-Xlog:class+load=info:file=" + classLog, args);
    }

    /** Runs the launcher with {@code javaOptions} as {@code KAOHE_JAVA_OPTS} (none when null). */
    private Run kaoheWith(String javaOptions, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.remove("KAOHE_JAVA_OPTS");
        if (javaOptions != null) {
            env.put("KAOHE_JAVA_OPTS", javaOptions);
        }
        return finish(builder);
    }

    /** What bash offers after the words typed so far (the last one being completed), with the script loaded. */
    private List<String> complete(Path script, String... words) throws IOException, InterruptedException {
        String typed = String.join(" ", java.util.Arrays.stream(words).map(w -> "'" + w + "'").toList());
        String bash = "source '" + script + "'; COMP_WORDS=(" + typed + "); COMP_CWORD=" + (words.length - 1) + "; "
                + "COMP_LINE=\"${COMP_WORDS[*]}\"; COMP_POINT=${#COMP_LINE}; _complete_kaohe; printf '%s\\n' \"${COMPREPLY[@]}\"";
        Run run = finish(new ProcessBuilder("bash", "-c", bash).directory(home.toFile()));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out().lines().filter(line -> !line.isBlank()).toList();
    }

    private static Run finish(ProcessBuilder builder) throws IOException, InterruptedException {
        Path out = Files.createTempFile("kaohe-out", ".txt");
        Path err = Files.createTempFile("kaohe-err", ".txt");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(builder.command() + " did not finish");
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The class-loading log's line for {@code className}: where the JVM took it from. */
    private static String loadedFrom(Path classLog, String className) throws IOException {
        return Files.readAllLines(classLog).stream().filter(line -> line.contains(" " + className + " source:"))
                .findFirst().orElse("(not loaded: " + className + ")");
    }
}
