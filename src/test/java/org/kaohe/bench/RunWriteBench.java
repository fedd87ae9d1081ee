package org.kaohe.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.kaohe.KaoheApplication;
import org.kaohe.imports.ImportRepository;
import org.kaohe.records.PeriodRecords;
import org.kaohe.results.RunChecks;
import org.kaohe.results.RunQueries;
import org.kaohe.results.RunRepository;
import org.kaohe.rules.CompiledRulebook;
import org.kaohe.rules.LoadedPeriod;
import org.kaohe.rules.RulebookService;
import org.kaohe.scoring.EvaluationOutcome;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The write of a whole run ({@link RunRepository#insert}), measured variant against variant in one
 * JVM: each round stores the same outcome on a fresh copy of one imported database, once per variant,
 * the variants in turn (their order rotated from round to round). Prints, per store, the wall time,
 * the storing thread's CPU, H2's own threads' CPU, the process's CPU (the store and a CHECKPOINT that
 * writes what it left unsaved) and the load average; per variant the best and the median; and a
 * SHA-256 over the stored run read back in key order (every row's figures, seals, pointers, parts and
 * lines, the run's seals), with the run's check. A main, not a test.
 *
 * <p>{@code RunWriteBench IMPORTED_DB_DIR WORK_DIR ROUNDS NAME=URL_SUFFIX ...}: the database directory
 * holds {@code kaohe.mv.db} of an imported 2026-Q3 (with its key and password files; the default
 * rulebook is published on a copy first, and the outcome is its trial's); a variant adds settings to
 * the database URL ({@code default=}, {@code nocompact=;AUTO_COMPACT_FILL_RATE=0}).
 */
public final class RunWriteBench {

    private static final OffsetDateTime STARTED = OffsetDateTime.parse("2026-10-01T09:00:00+08:00");
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private RunWriteBench() {}

    /** A name and what it adds to the database URL. */
    record Variant(String name, String urlSuffix) {
        static Variant parse(String text) {
            String[] nameSuffix = text.split("=", 2);
            return new Variant(nameSuffix[0], nameSuffix[1]);
        }
    }

    record Figures(double wall, double storingCpu, double h2Cpu, double processCpu, double load) {}

    public static void main(String[] args) throws Exception {
        Path imported = Path.of(args[0]);
        Path work = Path.of(args[1]);
        int rounds = Integer.parseInt(args[2]);
        List<Variant> variants = Stream.of(args).skip(3).map(Variant::parse).toList();
        Path base = copy(imported, work.resolve("base"));
        EvaluationOutcome outcome;
        try (ConfigurableApplicationContext context = context(base, "")) {
            PeriodRecords records = context.getBean(ImportRepository.class).loadCurrent(Bench.PERIOD).orElseThrow();
            LoadedPeriod loaded = new LoadedPeriod(records);
            CompiledRulebook book = context.getBean(RulebookService.class).currentOrDefault("bench", Optional.of(loaded));
            outcome = loaded.triedUnder(book.version()).map(LoadedPeriod.Tried::outcome)
                    .orElseGet(() -> book.evaluate(records));
            shutdown(context);
        }
        System.out.printf("outcome: %d subjects; %d rounds of %d variants%n", outcome.subjects().size(), rounds, variants.size());
        Map<String, List<Figures>> figures = new LinkedHashMap<>();
        variants.forEach(v -> figures.put(v.name(), new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < variants.size(); k++) {
                Variant v = variants.get((k + round) % variants.size());
                Figures f = store(v, outcome, base, work.resolve("round"), round == 0);
                figures.get(v.name()).add(f);
                System.out.printf("round %d %-12s wall %6.2f s  storing %6.2f s  H2 threads %6.2f s  process %6.2f s  load %.1f%n",
                        round, v.name(), f.wall, f.storingCpu, f.h2Cpu, f.processCpu, f.load);
            }
        }
        System.out.println("\nvariant       best/median: wall, storing thread CPU, H2 threads CPU, process CPU");
        figures.forEach((name, list) -> System.out.printf("%-12s %s | %s | %s | %s%n", name,
                bestMedian(list.stream().mapToDouble(Figures::wall).toArray()),
                bestMedian(list.stream().mapToDouble(Figures::storingCpu).toArray()),
                bestMedian(list.stream().mapToDouble(Figures::h2Cpu).toArray()),
                bestMedian(list.stream().mapToDouble(Figures::processCpu).toArray())));
    }

    private static Figures store(Variant v, EvaluationOutcome outcome, Path base, Path dir, boolean check) throws Exception {
        copy(base, dir);
        try (ConfigurableApplicationContext context = context(dir, v.urlSuffix())) {
            RunRepository runs = context.getBean(RunRepository.class);
            DataSource dataSource = context.getBean(DataSource.class);
            System.gc();
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            Map<Long, Long> h2Before = h2ThreadsCpu();
            long process = processCpu();
            long thread = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            long runId = runs.insert(outcome, "bench", STARTED, 1000);
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("CHECKPOINT");
            }
            double wall = (System.nanoTime() - start) / 1e9;
            double storing = (THREADS.getCurrentThreadCpuTime() - thread) / 1e9;
            double processCpu = (processCpu() - process) / 1e9;
            Map<Long, Long> h2After = h2ThreadsCpu();
            double h2 = h2After.entrySet().stream().mapToLong(e -> e.getValue() - h2Before.getOrDefault(e.getKey(), 0L)).sum() / 1e9;
            shutdown(context);
            if (check) {
                check(v, dir, runId);
            }
            return new Figures(wall, storing, h2, processCpu, load);
        }
    }

    /** The stored run read back from the database opened again with the default settings: its digest and its check. */
    private static void check(Variant v, Path dir, long runId) throws Exception {
        try (ConfigurableApplicationContext context = context(dir, "")) {
            System.out.printf("  %s: run %d, digest %s, check %s%n", v.name(), runId, digest(context.getBean(DataSource.class), runId),
                    context.getBean(RunChecks.class).verify(context.getBean(RunQueries.class).run(runId).orElseThrow()).status());
            shutdown(context);
        }
    }

    /** CPU time of H2's background threads (serialization, buffer save, the store's writer), by thread id. */
    private static Map<Long, Long> h2ThreadsCpu() {
        Map<Long, Long> cpu = new LinkedHashMap<>();
        for (var info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && (info.getThreadName().startsWith("H2-") || info.getThreadName().startsWith("MVStore"))) {
                cpu.put(info.getThreadId(), THREADS.getThreadCpuTime(info.getThreadId()));
            }
        }
        return cpu;
    }

    /** SHA-256 over the run's stored rows and lines in key order, and its seals. */
    static String digest(DataSource dataSource, long runId) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (Connection c = dataSource.getConnection()) {
            feed(c, sha, "SELECT seal, labels_seal, subject_count FROM evaluation_run WHERE id = ?", runId);
            feed(c, sha, "SELECT subject_type, subject_id, name, dept_id, score, band_grade, gated_grade, final_grade, rank_no,"
                    + " vetoed, seal, lines_digest, prev_subject, parts FROM subject_result WHERE run_id = ?"
                    + " ORDER BY subject_type, subject_id", runId);
            feed(c, sha, "SELECT subject_type, subject_id, lines FROM subject_detail WHERE run_id = ?"
                    + " ORDER BY subject_type, subject_id", runId);
        }
        return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    }

    private static void feed(Connection c, MessageDigest sha, String sql, long runId) throws Exception {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setLong(1, runId);
            try (ResultSet rs = p.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= n; i++) {
                        sha.update(String.valueOf(rs.getString(i)).getBytes(StandardCharsets.UTF_8));
                        sha.update((byte) 0);
                    }
                }
            }
        }
    }

    private static void shutdown(ConfigurableApplicationContext context) throws Exception {
        Connection c = context.getBean(DataSource.class).getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
        try {
            c.close();
        } catch (java.sql.SQLException closedByShutdown) {
            // the pool's connection to a database that is shut down
        }
    }

    private static ConfigurableApplicationContext context(Path db, String urlSuffix) {
        return new SpringApplicationBuilder(KaoheApplication.class).web(WebApplicationType.NONE)
                .run("--spring.datasource.url=jdbc:h2:file:" + db.resolve("kaohe") + urlSuffix,
                        "--db-scheduler.enabled=false", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                        "--kaohe.demo.load-on-start=false");
    }

    private static Path copy(Path from, Path to) throws Exception {
        if (Files.exists(to)) {
            try (Stream<Path> files = Files.walk(to)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(to);
        for (String name : List.of("kaohe.mv.db", "kaohe.key", "kaohe.db-password")) {
            if (Files.exists(from.resolve(name))) {
                Files.copy(from.resolve(name), to.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return to;
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String bestMedian(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return String.format("%.2f/%.2f", sorted[0], sorted[sorted.length / 2]);
    }
}
