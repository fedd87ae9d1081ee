package org.kaohe.jobs;

import java.time.Instant;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/**
 * The one db-scheduler task behind every background job: its instance id is the job's id. A job
 * that must wait for an earlier one of its queue is put back for a second later; one whose
 * instance died is revived on another (db-scheduler's default for a task whose heartbeat stops).
 */
@Configuration
class JobsConfig {

    static final TaskDescriptor<Void> JOB = TaskDescriptor.of("kaohe-job");

    @Bean
    CustomTask<Void> kaoheJobTask(BackgroundJobs jobs) {
        return Tasks.custom(JOB)
                .execute((instance, context) -> {
                    BackgroundJobs.Outcome outcome = jobs.execute(Long.parseLong(instance.getId()));
                    if (outcome == BackgroundJobs.Outcome.WAIT) {
                        return (complete, operations) -> operations.reschedule(complete,
                                Instant.now().plus(BackgroundJobs.WAIT_FOR_EARLIER));
                    }
                    return new CompletionHandler.OnCompleteRemove<>();
                });
    }
}
