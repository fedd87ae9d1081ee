package org.kaohe.results;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

import org.kaohe.work.Futures;

/**
 * Items read one by one, checked a batch at a time while the reading goes on: on a pool, with at
 * most two batches a thread waiting (so a run is never all in memory), or on the calling thread
 * when there is no pool. Closing it checks the last batch and waits for them all; then
 * {@link #results()} holds what each item's check returned, in no particular order. Used by
 * {@link RunChainChecker#checkWholeRun}.
 */
final class CheckBatches<T, R> implements AutoCloseable {

    private static final int SIZE = 500;

    private final ExecutorService pool;
    private final Function<T, R> check;
    private final Semaphore inFlight;
    private final List<Future<?>> pending = new ArrayList<>();
    private final List<R> results = new ArrayList<>(); // guarded by itself: the pool's threads add to it
    private List<T> batch = new ArrayList<>(SIZE);

    /** {@code check} runs on the pool's threads: it must be thread-safe. */
    CheckBatches(ExecutorService pool, int threads, Function<T, R> check) {
        this.pool = pool;
        this.check = check;
        this.inFlight = new Semaphore(2 * Math.max(1, threads));
    }

    void add(T item) {
        batch.add(item);
        if (batch.size() == SIZE) {
            submit();
        }
    }

    private void submit() {
        List<T> full = batch;
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
                // The pool's finished task keeps this lambda, and {@code pending} keeps the task until
                // the end: without this, every batch, so the whole run, stayed reachable till then.
                full.clear();
                inFlight.release();
            }
        }));
    }

    private void check(List<T> items) {
        List<R> checked = new ArrayList<>(items.size());
        items.forEach(item -> checked.add(check.apply(item)));
        synchronized (results) {
            results.addAll(checked);
        }
    }

    /** Checks the last batch and waits for every batch (a failed batch fails the check). */
    @Override
    public void close() {
        submit();
        pending.forEach(batch -> Futures.await(batch, "run check"));
    }

    /** Every item's result, once closed. */
    List<R> results() {
        synchronized (results) {
            return List.copyOf(results);
        }
    }
}
