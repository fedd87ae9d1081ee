package org.kaohe.jobs;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.kaohe.errors.ConflictException;
import org.kaohe.errors.EvaluationException;
import org.kaohe.errors.InvalidInputException;
import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.kaohe.errors.SealBrokenException;
import org.kaohe.errors.Worded;
import org.kaohe.scoring.EvaluationProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

import com.github.kagkarlsson.scheduler.SchedulerClient;

/**
 * Long operations started from a page or the API (an evaluation) run here while the caller polls
 * their status. Jobs live in the database ({@code background_job}); db-scheduler hands each one to
 * whichever instance has a free worker ({@code db-scheduler.threads}, two per instance: one
 * person's long evaluation never holds everyone else's jobs) and gives it to another if that
 * instance dies. So several Kaohe servers on one database share the work, and any
 * of them shows any job's progress and result.
 *
 * <p>Jobs of one queue (e.g. the evaluations of one period) run one after another in the order
 * they were submitted, whichever instances pick them. A job can be cancelled, and stops at its time
 * limit ({@code kaohe.jobs.time-limit}); both take effect at the work's next progress report or its
 * next look at {@link Progress#cancelled()} (an evaluation's engine looks every 256 rule firings and
 * between sessions).
 */
@Service
public class BackgroundJobs {

    /**
     * What a job reports: a fraction done in [0, 1] and a message for the user; and whether it must
     * stop. A report below 1 throws when the job was cancelled or is out of time; work that runs
     * long between reports asks {@link #cancelled()} instead and stops by itself.
     */
    public interface Progress extends EvaluationProgress {
        /** True once the job's owner asked to cancel it or it passed its time limit: the work should stop. */
        boolean cancelled();
    }

    /** A kind of work a job can do; a bean, found by its {@link #kind()}. */
    public interface Work {
        String kind();

        /** Does the work; returns the id of what it made (an evaluation: the run id), or null. */
        Long run(String argument, String owner, Progress progress);
    }

    public enum State { QUEUED, RUNNING, DONE, FAILED, CANCELLED }

    /** A job's status as the poll sees it; {@code result} is what the work returned (e.g. a run id). */
    public record Status(String id, String owner, String title, State state, double progress, String message,
                         Object result, OffsetDateTime startedAt) {}

    /** Thrown into the work by a progress report when the job was cancelled or ran out of time. */
    static final class Stopped extends RuntimeException {
        final State state;
        /** The message as the job keeps it ({@link JobText}). */
        final String stored;

        Stopped(State state, Message message) {
            super(MessageText.bilingual(message));
            this.state = state;
            this.stored = JobText.stored(message);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(BackgroundJobs.class);
    /** How often a job waiting for an earlier one of its queue looks again. */
    static final Duration WAIT_FOR_EARLIER = Duration.ofSeconds(1);
    private static final Message CANCELLED = Message.of("job.cancelled");
    /** Progress is written at most this often (a city has thousands of departments). */
    static final Duration PROGRESS_EVERY = Duration.ofMillis(300);

    private final JdbcClient jdbc;
    private final ObjectProvider<Work> works;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final Duration timeLimit;
    private final String instance;

    BackgroundJobs(JdbcClient jdbc, ObjectProvider<Work> works, ObjectProvider<SchedulerClient> scheduler,
                   @Value("${kaohe.jobs.time-limit:30m}") Duration timeLimit) {
        this.jdbc = jdbc;
        this.works = works;
        this.scheduler = scheduler;
        this.timeLimit = timeLimit;
        this.instance = hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Queues the work; returns the job id to poll. Jobs with the same {@code queue} run in order. */
    public String submit(String owner, String title, String kind, String argument, String queue) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO background_job (kind, argument, queue_key, owner, title, state, progress, message,
                                            cancel_requested, submitted_at)
                VALUES (?, ?, ?, ?, ?, 'QUEUED', 0, '', FALSE, ?)""")
                .params(kind, argument, queue, owner, title, OffsetDateTime.now())
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        scheduler.getObject().schedule(JobsConfig.JOB.instance(Long.toString(id)).scheduledTo(Instant.now()));
        return Long.toString(id);
    }

    public Optional<Status> status(String id) {
        Optional<Long> jobId = parse(id);
        if (jobId.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT id, owner, title, state, progress, message, result_id, started_at, submitted_at
                        FROM background_job WHERE id = ?""")
                .param(jobId.get())
                .query((rs, n) -> new Status(Long.toString(rs.getLong("id")), rs.getString("owner"),
                        rs.getString("title"), State.valueOf(rs.getString("state")), rs.getDouble("progress"),
                        rs.getString("message"), rs.getObject("result_id") == null ? null : rs.getLong("result_id"),
                        Optional.ofNullable(rs.getObject("started_at", OffsetDateTime.class))
                                .orElse(rs.getObject("submitted_at", OffsetDateTime.class))))
                .optional();
    }

    /**
     * Asks the job to stop: a queued job is cancelled at once, a running one at its next progress
     * report. False when it had already ended.
     */
    public boolean cancel(String id) {
        Optional<Long> jobId = parse(id);
        if (jobId.isEmpty()) {
            return false;
        }
        int queued = jdbc.sql("""
                UPDATE background_job SET state = 'CANCELLED', cancel_requested = TRUE, finished_at = ?,
                       message = ? WHERE id = ? AND state = 'QUEUED'""")
                .params(OffsetDateTime.now(), JobText.stored(CANCELLED), jobId.get()).update();
        int running = jdbc.sql("UPDATE background_job SET cancel_requested = TRUE WHERE id = ? AND state = 'RUNNING'")
                .param(jobId.get()).update();
        return queued + running > 0;
    }

    /** What db-scheduler calls on the instance that picked the job. */
    Outcome execute(long id) {
        Optional<Job> found = jdbc.sql("SELECT kind, argument, queue_key, owner, state FROM background_job WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Job(id, rs.getString("kind"), rs.getString("argument"), rs.getString("queue_key"),
                        rs.getString("owner"), State.valueOf(rs.getString("state"))))
                .optional();
        if (found.isEmpty() || found.get().state() != State.QUEUED && found.get().state() != State.RUNNING) {
            return Outcome.FINISHED; // cancelled while queued, or already ended
        }
        Job job = found.get();
        long earlier = jdbc.sql("""
                        SELECT COUNT(*) FROM background_job
                        WHERE queue_key = ? AND id < ? AND state IN ('QUEUED', 'RUNNING')""")
                .params(job.queue(), id).query(Long.class).single();
        if (earlier > 0) {
            return Outcome.WAIT;
        }
        // QUEUED, or RUNNING when the instance that had it died and db-scheduler revived it here.
        jdbc.sql("UPDATE background_job SET state = 'RUNNING', started_at = ?, instance = ?, progress = 0 WHERE id = ?")
                .params(OffsetDateTime.now(), instance, id).update();
        run(job);
        return Outcome.FINISHED;
    }

    enum Outcome { FINISHED, WAIT }

    private record Job(long id, String kind, String argument, String queue, String owner, State state) {}

    private void run(Job job) {
        JobProgress progress = new JobProgress(jdbc, job.id(), Instant.now().plus(timeLimit), timeLimit);
        try {
            Work work = works.orderedStream().filter(w -> w.kind().equals(job.kind())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no work of kind " + job.kind()));
            Long result = work.run(job.argument(), job.owner(), progress);
            finish(job.id(), State.DONE, 1, null, result);
        } catch (Stopped e) {
            finish(job.id(), e.state, -1, e.stored, null);
        } catch (RuntimeException e) {
            Stopped stop = progress.stop();
            if (stop != null) { // the work saw cancelled() and stopped with its own exception
                finish(job.id(), stop.state, -1, stop.stored, null);
                return;
            }
            log.warn("Job {} ({} {}) failed", job.id(), job.kind(), job.argument(), e);
            finish(job.id(), State.FAILED, -1, shown(e, job.id()), null);
        }
    }

    /**
     * What a failed job tells its owner: Kaohe's own message for an evaluation that cannot start or
     * stopped at a limit, and what refused input failing its seal (its problems are named by
     * {@code runs verify} and the pages); for anything else (a database error naming its SQL, a defect) only that it
     * failed and was logged: a user never reads SQL.
     */
    private static String shown(RuntimeException e, long id) {
        if (e instanceof EvaluationException || e instanceof InvalidInputException || e instanceof ConflictException) {
            Worded worded = (Worded) e;
            return worded.message().isPresent() ? JobText.stored(worded.message().orElseThrow()) : e.getMessage();
        }
        if (e instanceof SealBrokenException broken) {
            return JobText.stored(broken.summary());
        }
        return JobText.stored(Message.of("job.failed", Long.toString(id)));
    }

    /** Ends the job; {@code progress} -1 and {@code message} null keep what was last reported. */
    private void finish(long id, State state, double progress, String message, Long result) {
        jdbc.sql("""
                UPDATE background_job SET state = ?, finished_at = ?, result_id = ?,
                       progress = CASE WHEN ? < 0 THEN progress ELSE ? END,
                       message = COALESCE(?, message)
                WHERE id = ?""")
                .params(state.name(), OffsetDateTime.now(), result, progress, progress, clip(message), id).update();
    }

    static Stopped cancelledStop() {
        return new Stopped(State.CANCELLED, CANCELLED);
    }

    static String clip(String message) {
        return message == null || message.length() <= JobText.LIMIT ? message : message.substring(0, JobText.LIMIT);
    }

    private static Optional<Long> parse(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "host";
        }
    }
}
