package org.kaohe.jobs;

import java.util.Locale;

/**
 * An evaluation job as both faces show it: the evaluation page's script and the API's callers
 * poll the same status, in the same JSON. When {@code state} is DONE, {@code runId} is the run it
 * stored; {@code message} is the job's last word to the user, in the reader's language (both,
 * Chinese first, when it is not known).
 */
public record EvaluationJob(String id, BackgroundJobs.State state, double progress, String message, Long runId) {

    static EvaluationJob of(BackgroundJobs.Status status, Locale reader) {
        return new EvaluationJob(status.id(), status.state(), status.progress(),
                JobText.worded(status.message(), reader), status.result() instanceof Long runId ? runId : null);
    }
}
