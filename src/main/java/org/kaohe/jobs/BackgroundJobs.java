package org.kaohe.jobs;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Long operations started from a page or the API (an evaluation) run here, one at a time, while
 * the caller polls their status. Only the latest jobs are remembered; the outcome itself is stored
 * by the service the job calls.
 */
@Service
public class BackgroundJobs {

    /** What a job reports: a fraction done in [0, 1] and a message for the user; and whether it was cancelled. */
    public interface Progress {
        void report(double fraction, String message);

        /** True once the job's owner asked to cancel it: the work stops at its next check. */
        boolean cancelled();
    }

    public enum State { QUEUED, RUNNING, DONE, FAILED, CANCELLED }

    /** A job's status as the poll sees it; {@code result} is what the work returned (e.g. a run id). */
    public record Status(String id, String owner, String title, State state, double progress, String message,
                         Object result, OffsetDateTime startedAt) {}

    private static final Logger log = LoggerFactory.getLogger(BackgroundJobs.class);
    private static final int REMEMBERED = 50;

    /**
     * Two workers: one person's long evaluation never holds everyone else's jobs; each job also has
     * a time limit (the evaluation's) and can be cancelled.
     */
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "kaohe-job");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Status> jobs = new LinkedHashMap<>();
    private final Set<String> cancelRequests = ConcurrentHashMap.newKeySet();

    /** Queues the work; returns the job id to poll. */
    public String submit(String owner, String title, Function<Progress, Object> work) {
        String id = UUID.randomUUID().toString();
        update(new Status(id, owner, title, State.QUEUED, 0, "", null, OffsetDateTime.now()));
        executor.submit(() -> run(id, work));
        return id;
    }

    public synchronized Optional<Status> status(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** Asks a queued or running job to stop; false when there is no such job of {@code owner} or it has ended. */
    public boolean cancel(String id, String owner) {
        Optional<Status> status = status(id).filter(s -> s.owner().equals(owner))
                .filter(s -> s.state() == State.QUEUED || s.state() == State.RUNNING);
        status.ifPresent(s -> cancelRequests.add(id));
        return status.isPresent();
    }

    private void run(String id, Function<Progress, Object> work) {
        Progress progress = new Progress() {
            @Override
            public void report(double fraction, String message) {
                change(id, s -> new Status(s.id(), s.owner(), s.title(), State.RUNNING, Math.max(0, Math.min(1, fraction)),
                        message, null, s.startedAt()));
            }

            @Override
            public boolean cancelled() {
                return cancelRequests.contains(id);
            }
        };
        if (progress.cancelled()) {
            change(id, s -> new Status(s.id(), s.owner(), s.title(), State.CANCELLED, 0, "已取消 / cancelled", null,
                    s.startedAt()));
            return;
        }
        progress.report(0, "");
        try {
            Object result = work.apply(progress);
            change(id, s -> new Status(s.id(), s.owner(), s.title(), State.DONE, 1, s.message(), result, s.startedAt()));
        } catch (RuntimeException e) {
            if (progress.cancelled()) {
                change(id, s -> new Status(s.id(), s.owner(), s.title(), State.CANCELLED, s.progress(),
                        "已取消 / cancelled", null, s.startedAt()));
                return;
            }
            log.warn("Job {} ({}) failed", id, jobs.get(id).title(), e);
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            change(id, s -> new Status(s.id(), s.owner(), s.title(), State.FAILED, s.progress(), message, null, s.startedAt()));
        }
    }

    private synchronized void change(String id, UnaryOperator<Status> change) {
        Status current = jobs.get(id);
        if (current != null) {
            jobs.put(id, change.apply(current));
        }
    }

    private synchronized void update(Status status) {
        jobs.put(status.id(), status);
        while (jobs.size() > REMEMBERED) {
            jobs.remove(jobs.keySet().iterator().next());
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
