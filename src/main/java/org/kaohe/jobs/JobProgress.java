package org.kaohe.jobs;

import static org.kaohe.jobs.BackgroundJobs.PROGRESS_EVERY;
import static org.kaohe.jobs.BackgroundJobs.cancelledStop;
import static org.kaohe.jobs.BackgroundJobs.clip;

import java.time.Duration;
import java.time.Instant;

import org.kaohe.errors.Message;
import org.kaohe.jobs.BackgroundJobs.Progress;
import org.kaohe.jobs.BackgroundJobs.State;
import org.kaohe.jobs.BackgroundJobs.Stopped;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes progress now and then, and stops the work when the job is cancelled or out of time.
 * Thread-safe: an evaluation reports and asks from each of its parallel sessions.
 */
final class JobProgress implements Progress {

    private final JdbcClient jdbc;
    private final Duration timeLimit;
    private final long id;
    private final Instant deadline;
    private long lastWrite;
    private long lastLook;
    private Stopped stop;

    JobProgress(JdbcClient jdbc, long id, Instant deadline, Duration timeLimit) {
        this.jdbc = jdbc;
        this.timeLimit = timeLimit;
        this.id = id;
        this.deadline = deadline;
        this.lastWrite = System.nanoTime() - PROGRESS_EVERY.toNanos();
        this.lastLook = lastWrite;
    }

    @Override
    public synchronized void report(double fraction, Message message) {
        if (fraction >= 1) {
            // The work is done (an evaluation's run is stored): a cancel that comes now is too late.
            jdbc.sql("UPDATE background_job SET progress = 1, message = ? WHERE id = ?").params(clip(JobText.stored(message)), id)
                    .update();
            return;
        }
        if (stop != null || outOfTime()) {
            throw stop;
        }
        long now = System.nanoTime();
        if (now - lastWrite < PROGRESS_EVERY.toNanos()) {
            return;
        }
        lastWrite = now;
        int written = jdbc.sql("""
                UPDATE background_job SET progress = ?, message = ? WHERE id = ? AND NOT cancel_requested""")
                .params(Math.max(0, Math.min(1, fraction)), clip(JobText.stored(message)), id).update();
        if (written == 0) {
            stop = cancelledStop();
            throw stop;
        }
    }

    /** Looks at the database at most every {@link BackgroundJobs#PROGRESS_EVERY}; the engine asks every 256 firings. */
    @Override
    public synchronized boolean cancelled() {
        if (stop != null) {
            return true;
        }
        if (outOfTime()) {
            return true;
        }
        long now = System.nanoTime();
        if (now - lastLook >= PROGRESS_EVERY.toNanos()) {
            lastLook = now;
            boolean requested = jdbc.sql("SELECT cancel_requested FROM background_job WHERE id = ?").param(id)
                    .query(Boolean.class).optional().orElse(true);
            if (requested) {
                stop = cancelledStop();
            }
        }
        return stop != null;
    }

    private boolean outOfTime() {
        if (Instant.now().isAfter(deadline)) {
            stop = new Stopped(State.FAILED, Message.ofValues("job.timeLimit", timeLimit.toMinutes()));
            return true;
        }
        return false;
    }

    /** Why the work must stop, once it must; null while it may go on. */
    synchronized Stopped stop() {
        return stop;
    }
}
