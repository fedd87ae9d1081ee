package org.kaohe.work;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.kaohe.errors.BusyException;
import org.kaohe.errors.ConflictException;
import org.kaohe.errors.Message;
import org.kaohe.errors.WorkStoppedException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The bounded queue of heavy work on one instance: imports, rulebook checks and publications,
 * simulations, replays and exports of a whole run each take one of a few permits
 * ({@code kaohe.heavy.permits}) for as long as they run. A request that finds them all taken waits
 * in a short queue ({@code kaohe.heavy.queue} places, at most {@code kaohe.heavy.max-wait}); beyond
 * that it is refused at once with {@link BusyException}, so a burst of large uploads can never take
 * all the memory or every thread, and other users' pages keep answering.
 *
 * <p>Each piece of work is a {@link Job} while it runs: listed for its owner, cancellable by them
 * (or an admin), and stopped at {@code kaohe.heavy.time-limit}; the work looks at
 * {@link Job#cancelled()} in every phase (the engine does, between sessions, every 256 rule firings,
 * while collecting and while sorting). Work that must not run twice at once (the imports of one
 * period) names an exclusive key: a second one gets {@link ConflictException}. Work started from
 * within other heavy work on the same thread (a publication's check) runs in the outer job.
 * Every face (pages, API, command line) reaches the work through its use case, so all go through here.
 */
@Component
public class HeavyWork {

    /** What the work is, as lists and messages name it ({@code work.kind.IMPORT}: 导入). */
    public enum Kind {
        IMPORT, VALIDATE, PUBLISH, SIMULATE, REPLAY, EXPORT;

        public Message label() {
            return Message.of("work.kind." + name());
        }
    }

    /** One piece of heavy work as it runs: whether it must stop, and how long it may still take. */
    public interface Job {
        /** True once its owner cancelled it or it passed its time limit: the work should stop. */
        boolean cancelled();

        /** How long it may still run (zero once past its time limit). */
        Duration remaining();
    }

    /** The work itself: given its job, returns its result or throws its own checked exception. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run(Job job) throws E;
    }

    /** A running job as lists show it; its title is worded for each reader ({@code work.title.*}). */
    public record Running(String id, Kind kind, String owner, Message title, Instant startedAt, boolean stopping) {}

    private final Semaphore permits;
    private final int queueLength;
    private final Duration maxWait;
    private final Duration timeLimit;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, Entry> running = new ConcurrentHashMap<>();
    private final ThreadLocal<Entry> current = new ThreadLocal<>();

    HeavyWork(@Value("${kaohe.heavy.permits:2}") int permits, @Value("${kaohe.heavy.queue:4}") int queueLength,
              @Value("${kaohe.heavy.max-wait:30s}") Duration maxWait,
              @Value("${kaohe.heavy.time-limit:10m}") Duration timeLimit) {
        this.permits = new Semaphore(Math.max(1, permits), true);
        this.queueLength = Math.max(0, queueLength);
        this.maxWait = maxWait;
        this.timeLimit = timeLimit;
    }

    /** Runs the work under a permit; see the class comment for the queue, the limits and the exclusive key. */
    public <T, E extends Exception> T run(Kind kind, String owner, Message title, String exclusiveKey, Work<T, E> work)
            throws E {
        Entry outer = current.get();
        if (outer != null) {
            return work.run(outer);
        }
        Entry entry = new Entry(Long.toString(ids.incrementAndGet()), kind, owner == null ? "-" : owner, title,
                exclusiveKey, Instant.now(), Instant.now().plus(timeLimit));
        refuseIfRunning(entry); // at once, rather than after a wait in the queue
        acquire(kind);
        try {
            synchronized (running) {
                refuseIfRunning(entry);
                running.put(entry.id, entry);
            }
            current.set(entry);
            // Work that ends normally stands, even when a cancel came after its last look.
            return work.run(entry);
        } catch (RuntimeException e) {
            Message stop = entry.stopReason();
            if (stop != null && !(e instanceof WorkStoppedException)) {
                throw new WorkStoppedException(stop, e);
            }
            throw e;
        } finally {
            current.remove();
            running.remove(entry.id);
            permits.release();
        }
    }

    /** As {@link #run(Kind, String, Message, String, Work)} with no exclusive key. */
    public <T, E extends Exception> T run(Kind kind, String owner, Message title, Work<T, E> work) throws E {
        return run(kind, owner, title, null, work);
    }

    /** The jobs running now: the owner's own, or every one for {@code everyone} (an admin). */
    public List<Running> running(String owner, boolean everyone) {
        return running.values().stream().filter(e -> everyone || e.owner.equals(owner))
                .sorted(Comparator.comparing((Entry e) -> e.startedAt))
                .map(e -> new Running(e.id, e.kind, e.owner, e.title, e.startedAt, e.stopReason() != null)).toList();
    }

    /** How many requests wait for a permit now. */
    public int waiting() {
        return waiting.get();
    }

    /** Asks a running job to stop (its owner, or anyone for {@code everyone}); false when there is no such job. */
    public boolean cancel(String id, String owner, boolean everyone) {
        Entry entry = running.get(id);
        if (entry == null || !everyone && !entry.owner.equals(owner)) {
            return false;
        }
        entry.cancelRequested = true;
        return true;
    }

    /** Refuses the entry when a job of the same exclusive key runs. */
    private void refuseIfRunning(Entry entry) {
        if (entry.exclusiveKey == null) {
            return;
        }
        running.values().stream().filter(e -> entry.exclusiveKey.equals(e.exclusiveKey)).findFirst().ifPresent(e -> {
            throw new ConflictException(Message.of("work.alreadyRunning", e.title, e.owner, e.startedAt.toString()));
        });
    }

    private void acquire(Kind kind) {
        if (permits.tryAcquire()) {
            return;
        }
        if (waiting.incrementAndGet() > queueLength) {
            waiting.decrementAndGet();
            throw busy(kind);
        }
        try {
            if (!permits.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw busy(kind);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy(kind);
        } finally {
            waiting.decrementAndGet();
        }
    }

    private BusyException busy(Kind kind) {
        long retry = Math.max(5, maxWait.toSeconds());
        return new BusyException(Message.of("work.busy", kind.label(), Long.toString(retry)), retry);
    }

    /** A running job; written by its owner's cancel, read by the work's thread. */
    private static final class Entry implements Job {
        final String id;
        final Kind kind;
        final String owner;
        final Message title;
        final String exclusiveKey;
        final Instant startedAt;
        final Instant deadline;
        volatile boolean cancelRequested;

        Entry(String id, Kind kind, String owner, Message title, String exclusiveKey, Instant startedAt,
              Instant deadline) {
            this.id = id;
            this.kind = kind;
            this.owner = owner;
            this.title = title;
            this.exclusiveKey = exclusiveKey;
            this.startedAt = startedAt;
            this.deadline = deadline;
        }

        @Override
        public boolean cancelled() {
            return stopReason() != null;
        }

        @Override
        public Duration remaining() {
            Duration left = Duration.between(Instant.now(), deadline);
            return left.isNegative() ? Duration.ZERO : left;
        }

        /** Why the work must stop (naming its kind), or null while it may go on. */
        Message stopReason() {
            if (cancelRequested) {
                return Message.of("work.cancelled", kind.label());
            }
            if (Instant.now().isAfter(deadline)) {
                String minutes = Long.toString(Duration.between(startedAt, deadline).toMinutes());
                return Message.of("work.timeLimit", kind.label(), minutes);
            }
            return null;
        }
    }
}
