package org.kaohe.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;

import org.kaohe.records.Appraisal;
import org.kaohe.records.Cadre;
import org.kaohe.records.Department;
import org.kaohe.records.Event;
import org.kaohe.records.ItemRegistry;
import org.kaohe.records.Organization;
import org.kaohe.records.Target;
import org.kaohe.work.Futures;

/**
 * An upload read, checked and sealed on a thread of its own while the import's thread writes what it
 * has read: reading and checking every cell and sealing every record are a third of an import's
 * CPU, the database's inserts most of the rest, and the two now overlap on two cores. The reading
 * thread touches no database: it hands each record with its seal, a chunk of
 * {@value VersionWriter#BATCH} at a time through a short queue (bounded memory), to the import's
 * thread, which alone writes, in its transaction and in the order read. At each file's end the
 * reader waits until that file's text is stored, so one file's text at a time is held, as before.
 * A failure on either side stops both and reaches the caller as it was thrown: the transaction is
 * rolled back and nothing is kept.
 */
final class ReadAhead implements RecordSink {

    /** Chunks waiting to be written: enough to keep the writer busy, few enough to bound memory. */
    private static final int CHUNKS_WAITING = 8;
    private static final List<Consumer<VersionWriter>> END = List.of();

    private final RecordSeals seals;
    private final long importId;
    private final BlockingQueue<List<Consumer<VersionWriter>>> queue = new ArrayBlockingQueue<>(CHUNKS_WAITING);
    private List<Consumer<VersionWriter>> chunk = new ArrayList<>(VersionWriter.BATCH);
    /** Set by the writing thread when it failed: the reader stops at its next hand-over. */
    private volatile boolean abandoned;

    private ReadAhead(RecordSeals seals, long importId) {
        this.seals = seals;
        this.importId = importId;
    }

    /**
     * Reads the upload on a reading thread and writes what it reads to {@code writer} on this one;
     * returns what the reading found once everything it handed over is written.
     */
    static ImportParser.Outcome read(StreamingImport.UploadReader upload, ItemRegistry kinds, VersionWriter writer) {
        ReadAhead ahead = new ReadAhead(writer.seals(), writer.importId());
        FutureTask<ImportParser.Outcome> reading = new FutureTask<>(() -> {
            try {
                return upload.read(kinds, ahead);
            } finally {
                ahead.end();
            }
        });
        Thread reader = new Thread(reading, "import-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            for (List<Consumer<VersionWriter>> next = ahead.take(); next != END; next = ahead.take()) {
                next.forEach(write -> write.accept(writer));
            }
            return reading.get();
        } catch (ExecutionException e) {
            throw Futures.asThrown(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("import interrupted");
        } finally {
            ahead.abandoned = true; // normally ended already; otherwise the reader stops at its next hand-over
            reader.interrupt();
            awaitEnd(reader); // no part of the import outlives the call
        }
    }

    private static void awaitEnd(Thread reader) {
        boolean interrupted = false;
        while (reader.isAlive()) {
            try {
                reader.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void department(Department d) {
        String seal = seals.of(importId, d);
        hand(w -> w.add(d, seal));
    }

    @Override
    public void cadre(Cadre c) {
        String seal = seals.of(importId, c);
        hand(w -> w.add(c, seal));
    }

    @Override
    public void target(Target t) {
        String seal = seals.of(importId, t);
        hand(w -> w.add(t, seal));
    }

    @Override
    public void appraisal(Appraisal a) {
        String seal = seals.of(importId, a);
        hand(w -> w.add(a, seal));
    }

    @Override
    public void event(Event e) {
        String seal = seals.of(importId, e);
        hand(w -> w.add(e, seal));
    }

    @Override
    public void organization(Organization o) {
        String seal = seals.of(importId, o);
        hand(w -> w.add(o, seal));
    }

    /** The file's text is handed over and stored before the reader goes on: one file's text in memory at a time. */
    @Override
    public void file(ImportReport.FileReport file, String text) {
        String seal = seals.file(importId, file.fileName(), text);
        CountDownLatch stored = new CountDownLatch(1);
        chunk.add(w -> {
            w.file(file, text, seal);
            stored.countDown();
        });
        pass();
        try {
            stored.await();
        } catch (InterruptedException e) {
            throw stopped();
        }
    }

    private void hand(Consumer<VersionWriter> write) {
        chunk.add(write);
        if (chunk.size() == VersionWriter.BATCH) {
            pass();
        }
    }

    /** Passes the chunk to the writing thread, waiting while the queue is full. */
    private void pass() {
        if (abandoned) {
            throw stopped();
        }
        try {
            queue.put(chunk);
        } catch (InterruptedException e) {
            throw stopped();
        }
        chunk = new ArrayList<>(VersionWriter.BATCH);
    }

    /** The reading ended, well or not: what is left, then the end (unless the writer has stopped reading). */
    private void end() throws InterruptedException {
        if (abandoned) {
            return;
        }
        if (!chunk.isEmpty()) {
            queue.put(chunk);
        }
        queue.put(END);
    }

    private List<Consumer<VersionWriter>> take() throws InterruptedException {
        return queue.take();
    }

    private static CancellationException stopped() {
        Thread.currentThread().interrupt();
        return new CancellationException("the import's writing stopped");
    }
}
