package org.kaohe.results;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.BiConsumer;

/**
 * Subjects' stored lines handed to a check a batch at a time while they are read: on a pool, with
 * at most two batches a thread waiting (so a run's lines are never all in memory), or on the
 * calling thread when there is no pool. Closing it checks the last batch and waits for them all.
 * Used by {@link RunChainChecker#checkLines}.
 */
final class LinesBatches implements AutoCloseable {

    private static final int SIZE = 500;

    private final ExecutorService pool;
    private final BiConsumer<String, String> check;
    private final Semaphore inFlight;
    private final List<Future<?>> pending = new ArrayList<>();
    private List<String[]> batch = new ArrayList<>(SIZE);

    /** {@code check} gets each subject's key and stored JSON, on the pool's threads: it must be thread-safe. */
    LinesBatches(ExecutorService pool, int threads, BiConsumer<String, String> check) {
        this.pool = pool;
        this.check = check;
        this.inFlight = new Semaphore(2 * Math.max(1, threads));
    }

    void add(String key, String json) {
        batch.add(new String[] {key, json});
        if (batch.size() == SIZE) {
            submit();
        }
    }

    private void submit() {
        List<String[]> full = batch;
        batch = new ArrayList<>(SIZE);
        if (pool == null) {
            check(full);
            return;
        }
        inFlight.acquireUninterruptibly();
        pending.add(pool.submit(() -> {
            try {
                check(full);
            } finally {
                inFlight.release();
            }
        }));
    }

    private void check(List<String[]> subjects) {
        subjects.forEach(s -> check.accept(s[0], s[1]));
    }

    /** Checks the last batch and waits for every batch (a failed batch fails the check). */
    @Override
    public void close() {
        submit();
        for (Future<?> f : pending) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("run check interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("run check failed", e.getCause());
            }
        }
    }
}
