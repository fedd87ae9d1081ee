package org.kaohe.jobs;

import java.util.Locale;
import java.util.Optional;

import org.kaohe.errors.Message;
import org.kaohe.evaluation.EvaluationService;
import org.kaohe.records.Period;
import org.springframework.stereotype.Component;

/**
 * Starts evaluations in the background for the page and the API alike, and tells their status
 * only to the user who started them. The evaluations of one period run one after another in the
 * order they were started, on whichever instance is free.
 */
@Component
public class EvaluationRuns implements BackgroundJobs.Work {

    static final String KIND = "EVALUATE";

    private final BackgroundJobs jobs;
    private final EvaluationService evaluation;

    EvaluationRuns(BackgroundJobs jobs, EvaluationService evaluation) {
        this.jobs = jobs;
        this.evaluation = evaluation;
    }

    /** Queues the evaluation of the period; returns the job id. The job's result is the run id. */
    public String start(Period period, String who) {
        return jobs.submit(who, "evaluate " + period, KIND, period.toString(), queue(period));
    }

    /** The queue of a period's evaluations: they run one after another, in the order they were started. */
    public static String queue(Period period) {
        return "evaluate " + period;
    }

    /**
     * The job's status, if it exists and was started by {@code who}, its message worded for
     * {@code reader} (both languages for null).
     */
    public Optional<EvaluationJob> status(String jobId, String who, Locale reader) {
        return ownJob(jobId, who).map(s -> EvaluationJob.of(s, reader));
    }

    /** Cancels the job if {@code who} started it and it has not ended; false otherwise. */
    public boolean cancel(String jobId, String who) {
        return ownJob(jobId, who).isPresent() && jobs.cancel(jobId);
    }

    private Optional<BackgroundJobs.Status> ownJob(String jobId, String who) {
        return jobs.status(jobId).filter(s -> s.owner().equals(who));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Long run(String argument, String owner, BackgroundJobs.Progress progress) {
        EvaluationService.RunSummary run = evaluation.evaluate(Period.parse(argument), owner, progress,
                progress::cancelled);
        progress.report(1, Message.ofValues("progress.done", run.runId(), run.cadres(), run.departments(),
                run.duration().toMillis()));
        return run.runId();
    }
}
