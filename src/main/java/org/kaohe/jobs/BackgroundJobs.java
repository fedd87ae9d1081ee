package org.kaohe.jobs;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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

    /** What a job reports: a fraction done in [0, 1] and a message for the user. */
    public interface Progress {
        void report(double fraction, String message);
    }

    public enum State { QUEUED, RUNNING, DONE, FAILED }

    /** A job's status as the poll sees it; {@code result} is what the work returned (e.g. a run id). */
    public record Status(String id, String owner, String title, State state, double progress, String message,
                         Object result, OffsetDateTime startedAt) {}

    private static final Logger log = LoggerFactory.getLogger(BackgroundJobs.class);
    private static final int REMEMBERED = 50;

    // One worker: evaluations are heavy and two at once would only compete for the same cores.
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kaohe-job");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Status> jobs = new LinkedHashMap<>();

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

    private void run(String id, Function<Progress, Object> work) {
        Progress progress = (fraction, message) -> change(id, s -> new Status(s.id(), s.owner(), s.title(),
                State.RUNNING, Math.max(0, Math.min(1, fraction)), message, null, s.startedAt()));
        progress.report(0, "");
        try {
            Object result = work.apply(progress);
            change(id, s -> new Status(s.id(), s.owner(), s.title(), State.DONE, 1, s.message(), result, s.startedAt()));
        } catch (RuntimeException e) {
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
