package org.kaohe.imports;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.Function;

/**
 * The seals of one table's rows made on another thread while the rows are still being read (the
 * HMAC of a 100,000-cadre import is a quarter of reading it back), then handed to the
 * {@link ImportSealCheck} on the reading thread in the order the rows were read: the check sees
 * exactly what it would see made one by one. At most {@link #IN_FLIGHT} batches wait, so the
 * rows' seals are never all in memory. When the version's rows are not to be checked (unsealed,
 * another key), no seal is made.
 */
final class RowSealBatches<T> implements AutoCloseable {

    private static final int SIZE = 2_000;
    private static final int IN_FLIGHT = 4;
    /** The one thread making seals while the rows are read; none on a single core (made as they are checked). */
    private static final ForkJoinPool SEALER = Runtime.getRuntime().availableProcessors() > 1 ? new ForkJoinPool(1) : null;

    /** One row read: its record and the seal stored with it. */
    private record Row<T>(T record, String stored) {}

    private record Batch<T>(List<Row<T>> rows, ForkJoinTask<String[]> expected) {}

    private final ImportSealCheck check;
    private final Function<T, String> sealOf;
    private final RowCheck<T> apply;
    private final Deque<Batch<T>> pending = new ArrayDeque<>();
    private List<Row<T>> rows = new ArrayList<>(SIZE);

    /** How a row's stored and expected seal are given to the check (its table, id and source). */
    @FunctionalInterface
    interface RowCheck<T> {
        void check(T record, String stored, String expected);
    }

    /**
     * @param sealOf the seal a record's fields make (thread-safe: it runs on the pool)
     * @param apply  gives one row to the check, on the reading thread
     */
    RowSealBatches(ImportSealCheck check, Function<T, String> sealOf, RowCheck<T> apply) {
        this.check = check;
        this.sealOf = sealOf;
        this.apply = apply;
    }

    void add(T record, String stored) {
        rows.add(new Row<>(record, stored));
        if (rows.size() == SIZE) {
            submit();
        }
    }

    private void submit() {
        List<Row<T>> full = rows;
        rows = new ArrayList<>(SIZE);
        ForkJoinTask<String[]> expected = ForkJoinTask.adapt(() -> seals(full));
        if (!check.checksRows()) {
            expected.complete(new String[full.size()]);
        } else if (SEALER != null) {
            SEALER.execute(expected);
        } else {
            expected.invoke();
        }
        pending.add(new Batch<>(full, expected));
        while (pending.size() > IN_FLIGHT) {
            applyOldest();
        }
    }

    private String[] seals(List<Row<T>> batch) {
        String[] seals = new String[batch.size()];
        for (int i = 0; i < seals.length; i++) {
            seals[i] = sealOf.apply(batch.get(i).record());
        }
        return seals;
    }

    private void applyOldest() {
        Batch<T> batch = pending.removeFirst();
        String[] expected = batch.expected().join();
        for (int i = 0; i < expected.length; i++) {
            Row<T> row = batch.rows().get(i);
            apply.check(row.record(), row.stored(), expected[i]);
        }
    }

    /** The last rows submitted and every batch given to the check. */
    @Override
    public void close() {
        submit();
        while (!pending.isEmpty()) {
            applyOldest();
        }
    }
}
