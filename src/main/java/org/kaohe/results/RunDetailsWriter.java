package org.kaohe.results;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Inserts a run's {@code subject_detail} rows (each subject's lines) on a thread and connection of
 * its own, a batch at a time, while the storing thread inserts the next batch of {@code subject_result}
 * rows: the two tables' inserts were one after the other on one thread, the longest part of an
 * evaluation after its engine. A batch is handed over once its results are committed (the details'
 * foreign key); the next batch waits for the last, so at most two batches' lines are held. The run
 * stays invisible until {@link #finish} has seen every batch in (the caller sets {@code stored_at}
 * after it), and a batch that failed fails the storing there. The thread is never interrupted (H2
 * closes its file when a thread writing it is).
 */
final class RunDetailsWriter implements AutoCloseable {

    private static final String INSERT = """
            INSERT INTO subject_detail (run_id, subject_type, subject_id, lines)
            VALUES (?, ?, ?, ?)""";

    private final JdbcTemplate template;
    private final TransactionTemplate transaction;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread writer = new Thread(task, "run-details");
        writer.setDaemon(true);
        return writer;
    });
    private Future<?> last = CompletableFuture.completedFuture(null);

    RunDetailsWriter(JdbcTemplate template, TransactionTemplate transaction) {
        this.template = template;
        this.transaction = transaction;
    }

    /** Inserts the batch, in a transaction of its own, once the one before is in; its results must be committed. */
    void write(List<Object[]> details) {
        awaitLast();
        List<Object[]> batch = List.copyOf(details);
        last = thread.submit(() -> transaction.executeWithoutResult(status -> template.batchUpdate(INSERT, batch)));
    }

    /** Waits for every batch handed over to be in; throws what a batch failed with. */
    void finish() {
        awaitLast();
    }

    private void awaitLast() {
        try {
            last.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a run's details were stored", e);
        }
    }

    /** Lets a batch still being inserted end (never interrupted); takes no more. */
    @Override
    public void close() {
        thread.shutdown();
    }
}
