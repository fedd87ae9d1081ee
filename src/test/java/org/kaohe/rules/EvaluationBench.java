package org.kaohe.rules;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import org.kaohe.records.PeriodRecords;
import org.kaohe.testing.CityGenerator;

/**
 * Not a test (no timed assertions): a small bench of the partitioning, run by hand, results in
 * docs/performance.md: the real evaluation (a session per department, in parallel) on a generated city.
 *
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx1g -cp target/classes:target/test-classes:$(cat target/cp.txt) org.kaohe.rules.EvaluationBench 10000 200
 * </pre>
 */
public final class EvaluationBench {

    public static void main(String[] args) throws Exception {
        int cadres = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int departments = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        CompiledRulebook rulebook = RulebookCompiler.compile(RulebookSource.fromFolder(Path.of("rules")));
        PeriodRecords city = CityGenerator.city(42, departments, cadres);
        System.out.printf("city: %d departments, %d cadres, %d targets, %d events, %d appraisals, %d organizations%n",
                departments, cadres, city.targets().size(), city.events().size(), city.appraisals().size(),
                city.organizations().size());

        rulebook.evaluate(CityGenerator.city(7, 20, 1_000)); // warm up the JIT and the rule base
        for (int run = 1; run <= 3; run++) {
            measure("partitioned (session per department), run " + run, () -> rulebook.evaluate(city));
        }
    }

    private static void measure(String label, Runnable work) throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        Thread.sleep(200);
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        work.run();
        long millis = (System.nanoTime() - start) / 1_000_000;
        sampler.interrupt();
        sampler.join();
        System.out.printf("%-45s %6d ms, peak heap above baseline %5d MB%n", label, millis,
                (peak.get() - baseline) / (1024 * 1024));
    }
}
