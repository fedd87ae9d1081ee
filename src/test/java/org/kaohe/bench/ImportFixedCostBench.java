package org.kaohe.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.flywaydb.core.Flyway;
import org.kaohe.KaoheApplication;
import org.kaohe.imports.ImportReport;
import org.kaohe.imports.ImportService;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.sun.management.OperatingSystemMXBean;

/**
 * The bench's step 3 ({@code Bench.importVersusRaw}) alone, at one size, with more rounds: Kaohe's
 * import and the raw load ({@link RawImport}) alternately in one warm JVM, each on a fresh H2 file
 * (Kaohe's in a fresh Spring context, as the bench runs it), printing every round (with the
 * process's CPU, each Java thread's, the bytes allocated, the collector's and the compiler's time
 * during the step) and then the best and the median of each with the load average. {@code kaohe}
 * as the third argument runs Kaohe's import alone, round after round (to profile its warm path with
 * JFR). A main, not a test.
 *
 * <p>{@code ImportFixedCostBench CADRES ROUNDS [both|kaohe]}
 */
public final class ImportFixedCostBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ImportFixedCostBench() {}

    public static void main(String[] args) throws Exception {
        int cadres = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        boolean rawToo = args.length < 3 || !args[2].equals("kaohe");
        Path folder = Bench.WORK.resolve("fixed-" + cadres).resolve(Bench.PERIOD.toString());
        if (!Files.exists(folder.resolve("organizations.csv"))) {
            LargeCityFiles.write(folder, Bench.PERIOD, cadres, Math.max(1, cadres / 50), 42);
        }
        List<Double> kaohe = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        double load = load();
        for (int round = 0; round < rounds; round++) {
            if (rawToo) {
                raw.add(raw(folder, round));
            }
            kaohe.add(kaohe(folder, round));
            System.out.printf("round %d: kaohe %.3f s%s, load %.1f%n", round, kaohe.get(round),
                    rawToo ? String.format(", raw %.3f s", raw.get(round)) : "", load());
        }
        double after = load();
        System.out.printf("%d cadres, %d rounds, load %.1f → %.1f%n", cadres, rounds, load, after);
        System.out.printf("kaohe: best %.3f s, median %.3f s%n", best(kaohe), median(kaohe));
        if (rawToo) {
            System.out.printf("raw:   best %.3f s, median %.3f s%n", best(raw), median(raw));
            System.out.printf("ratio: best %.2f×, median %.2f×%n", best(kaohe) / best(raw), median(kaohe) / median(raw));
        }
    }

    private static double raw(Path folder, int round) throws Exception {
        Path db = Bench.fresh("fixed-raw-" + round % 2);
        String url = "jdbc:h2:file:" + db.resolve("kaohe");
        Flyway.configure().dataSource(url, "sa", "").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            long start = System.nanoTime();
            long cpu = processCpu();
            ThreadCpu threads = ThreadCpu.start();
            RawImport.load(folder, Bench.PERIOD.toString(), c);
            System.out.printf("CPU raw: process %.3f s, %s%n", (processCpu() - cpu) / 1e9, threads.stop());
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private static double kaohe(Path folder, int round) throws Exception {
        Path db = Bench.fresh("fixed-kaohe-" + round % 2);
        String[] arguments = {"--spring.datasource.url=jdbc:h2:file:" + db.resolve("kaohe"), "--db-scheduler.enabled=false",
            "--spring.main.banner-mode=off", "--logging.level.root=WARN"};
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(KaoheApplication.class)
                .web(WebApplicationType.NONE).run(arguments)) {
            ImportService imports = context.getBean(ImportService.class);
            long start = System.nanoTime();
            long cpu = processCpu();
            ThreadCpu threads = ThreadCpu.start();
            ImportReport report = imports.importFolder(folder, Bench.PERIOD, "bench");
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("CPU kaohe: process %.3f s, %s%n", (processCpu() - cpu) / 1e9, threads.stop());
            if (report.status() != ImportReport.Status.STORED) {
                throw new IllegalStateException("import not stored: " + report.status() + " " + report.errors());
            }
            return seconds;
        }
    }

    /**
     * Each Java thread's CPU and allocation during a step, by name, read every 10 ms (a thread that
     * ends keeps its last reading), with the collector's and the compiler's time.
     */
    private static final class ThreadCpu {
        private final Map<Long, Long> first = new ConcurrentHashMap<>();
        private final Map<Long, Long> last = new ConcurrentHashMap<>();
        private final Map<Long, String> names = new ConcurrentHashMap<>();
        private final Map<Long, Long> firstBytes = new ConcurrentHashMap<>();
        private final Map<Long, Long> lastBytes = new ConcurrentHashMap<>();
        private final long gcMillis = gcMillis();
        private final long jitMillis = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        private volatile boolean running = true;
        private Thread poller;

        private static long gcMillis() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> b.getCollectionTime()).sum();
        }

        static ThreadCpu start() {
            ThreadCpu t = new ThreadCpu();
            t.poll();
            t.poller = new Thread(() -> {
                while (t.running) {
                    t.poll();
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "cpu-poller");
            t.poller.setDaemon(true);
            t.poller.start();
            return t;
        }

        private void poll() {
            for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
                if (info == null || info.getThreadName().equals("cpu-poller")) {
                    continue;
                }
                long cpu = THREADS.getThreadCpuTime(info.getThreadId());
                long bytes = ((com.sun.management.ThreadMXBean) THREADS).getThreadAllocatedBytes(info.getThreadId());
                if (cpu >= 0) {
                    first.putIfAbsent(info.getThreadId(), cpu);
                    last.put(info.getThreadId(), cpu);
                    firstBytes.putIfAbsent(info.getThreadId(), bytes);
                    lastBytes.put(info.getThreadId(), bytes);
                    names.put(info.getThreadId(), info.getThreadName().replaceAll("-\\d+(:.*)?$", ""));
                }
            }
        }

        String stop() throws InterruptedException {
            poll();
            running = false;
            poller.join();
            Map<String, Long> byName = new TreeMap<>();
            last.forEach((id, cpu) -> byName.merge(names.get(id), cpu - first.get(id), Long::sum));
            long allocated = lastBytes.entrySet().stream().mapToLong(e -> e.getValue() - firstBytes.get(e.getKey())).sum();
            StringBuilder text = new StringBuilder(String.format("allocated %.0f MB, GC %d ms, JIT %d ms; ", allocated / 1e6,
                    gcMillis() - gcMillis, ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jitMillis));
            Map<String, Long> bytesByName = new TreeMap<>();
            lastBytes.forEach((id, bytes) -> bytesByName.merge(names.get(id), bytes - firstBytes.get(id), Long::sum));
            byName.forEach((name, cpu) -> {
                if (cpu > 5_000_000) {
                    text.append(String.format("%s %.3f s, %.0f MB; ", name, cpu / 1e9, bytesByName.get(name) / 1e6));
                }
            });
            return text.toString();
        }
    }

    private static long processCpu() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The 1-minute load average, as {@code uptime} prints it. */
    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double best(List<Double> seconds) {
        return seconds.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    private static double median(List<Double> seconds) {
        double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
