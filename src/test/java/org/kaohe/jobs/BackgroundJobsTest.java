package org.kaohe.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.kaohe.errors.SealBrokenException;
import org.kaohe.jobs.BackgroundJobs.State;
import org.kaohe.testing.Eventually;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Jobs in the database: one queue runs in submission order even with free workers, other queues
 * run beside it, a running job can be cancelled (whether it reports progress or only asks), and a
 * job stops at its time limit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.datasource.url=jdbc:h2:mem:jobs;DB_CLOSE_DELAY=-1",
        "db-scheduler.threads=3",
        "kaohe.jobs.time-limit=15s"})
class BackgroundJobsTest {

    /** Work that holds until its argument's latch is released, reporting progress meanwhile. */
    static final Map<String, CountDownLatch> RELEASE = new ConcurrentHashMap<>();

    @TestConfiguration
    static class TestWork {
        @Bean
        BackgroundJobs.Work holdingWork() {
            return new BackgroundJobs.Work() {
                @Override
                public String kind() {
                    return "HOLD";
                }

                @Override
                public Long run(String argument, String owner, BackgroundJobs.Progress progress) {
                    CountDownLatch latch = RELEASE.computeIfAbsent(argument, k -> new CountDownLatch(1));
                    try {
                        while (!latch.await(50, TimeUnit.MILLISECONDS)) {
                            progress.report(0.5, Message.of("progress.scoringDepartment", argument));
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return (long) argument.length();
                }
            };
        }

        /**
         * Work that never reports but looks at {@code cancelled()}, as the rules engine does every 256
         * firings, and stops with its own exception, as the engine does.
         */
        @Bean
        BackgroundJobs.Work askingWork() {
            return new BackgroundJobs.Work() {
                @Override
                public String kind() {
                    return "ASK";
                }

                @Override
                public Long run(String argument, String owner, BackgroundJobs.Progress progress) {
                    while (!progress.cancelled()) {
                        try {
                            Thread.sleep(20);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return null;
                        }
                    }
                    throw new IllegalStateException("stopped by itself");
                }
            };
        }

        /** Work whose input fails its seal, as an evaluation of an import edited in the database does. */
        @Bean
        BackgroundJobs.Work brokenSealWork() {
            return new BackgroundJobs.Work() {
                @Override
                public String kind() {
                    return "BROKEN";
                }

                @Override
                public Long run(String argument, String owner, BackgroundJobs.Progress progress) {
                    throw new SealBrokenException(Message.of("import.seal.refused", "3", "2026-Q3", "7"), List.of());
                }
            };
        }
    }

    @Autowired BackgroundJobs jobs;
    @Autowired JdbcClient jdbc;

    @Test
    void jobsOfOneQueueRunInOrderWhileAnotherQueueRunsBeside() {
        String first = jobs.submit("hr", "first", "HOLD", "a1", "queue-a");
        String second = jobs.submit("hr", "second", "HOLD", "a22", "queue-a");
        String other = jobs.submit("hr", "other", "HOLD", "b1", "queue-b");

        awaitState(first, State.RUNNING);
        awaitState(other, State.RUNNING);
        // A worker is free (3 threads, 2 busy): once the scheduler has picked the second job and
        // been told to wait, it is still queued only because the first is not done.
        Eventually.until("the scheduler to look at job " + second + " and put it back", () -> toldToWait(second));
        assertThat(jobs.status(second).orElseThrow().state()).isEqualTo(State.QUEUED);

        release("a1");
        awaitState(first, State.DONE);
        assertThat(jobs.status(first).orElseThrow().result()).isEqualTo(2L);
        awaitState(second, State.RUNNING);
        release("a22");
        release("b1");
        awaitState(second, State.DONE);
        awaitState(other, State.DONE);
        assertThat(jobs.status(second).orElseThrow().result()).isEqualTo(3L);
    }

    @Test
    void aRunningJobStopsWhenCancelledAndAQueuedOneAtOnce() {
        String running = jobs.submit("hr", "to cancel", "HOLD", "c1", "queue-c");
        String queued = jobs.submit("hr", "never runs", "HOLD", "c2", "queue-c");
        awaitState(running, State.RUNNING);

        assertThat(jobs.cancel(queued)).isTrue();
        assertThat(jobs.status(queued).orElseThrow().state()).isEqualTo(State.CANCELLED);
        assertThat(jobs.cancel(running)).isTrue();

        awaitState(running, State.CANCELLED);
        assertThat(jobs.cancel(running)).as("an ended job cannot be cancelled").isFalse();
    }

    @Test
    void workThatAsksWhetherItWasCancelledStopsAndEndsCancelledNotFailed() {
        String asking = jobs.submit("hr", "asks", "ASK", "e1", "queue-e");
        awaitState(asking, State.RUNNING);

        assertThat(jobs.cancel(asking)).isTrue();

        awaitState(asking, State.CANCELLED);
        assertThat(JobText.worded(jobs.status(asking).orElseThrow().message(), Locale.ENGLISH))
                .isEqualTo(MessageText.of(Message.of("job.cancelled"), Locale.ENGLISH));
    }

    @Test
    void aJobStopsAtItsTimeLimit() {
        String forever = jobs.submit("hr", "forever", "HOLD", "never-released", "queue-d");

        awaitState(forever, State.FAILED);
        String stored = jobs.status(forever).orElseThrow().message();
        assertThat(JobText.worded(stored, Locale.ENGLISH)).contains("time limit").doesNotContain("时限");
        assertThat(JobText.worded(stored, Locale.SIMPLIFIED_CHINESE)).contains("超过时限").doesNotContain("time limit");
    }

    @Test
    void aJobWhoseInputFailsItsSealSaysSoNotThatItFailedInternally() {
        String broken = jobs.submit("hr", "broken", "BROKEN", "x", "queue-e");

        awaitState(broken, State.FAILED);
        String stored = jobs.status(broken).orElseThrow().message();
        assertThat(JobText.worded(stored, Locale.ENGLISH))
                .isEqualTo(MessageText.of(Message.of("import.seal.refused", "3", "2026-Q3", "7"), Locale.ENGLISH));
    }

    @Test
    void aStoredMessageIsWordedForEachReaderAndAnOldPlainOneShownAsItIs() {
        String stored = JobText.stored(Message.ofValues("progress.done", 7, 85, 6, 120));
        assertThat(JobText.worded(stored, Locale.ENGLISH)).isEqualTo("done: run #7, 85 cadres, 6 departments, 120 ms");
        assertThat(JobText.worded(stored, Locale.SIMPLIFIED_CHINESE)).startsWith("已完成:第 7 次运行");
        assertThat(JobText.worded(stored, null)).isEqualTo(MessageText.bilingual(Message.ofValues("progress.done", 7, 85, 6, 120)));
        assertThat(JobText.worded("已完成 / done", Locale.ENGLISH)).isEqualTo("已完成 / done");
        String tooLong = JobText.stored(Message.of("state.defaultRulebookInvalid.problems", "x".repeat(3000)));
        assertThat(tooLong).as("too long for JSON: plain text, cut").hasSize(JobText.LIMIT).startsWith("尚未发布考核规则");
    }

    @Test
    void aMessageNamingAnotherIsStoredWithItWordedInEachLanguageAsEarlierRowsHoldIt() {
        Message cancelled = Message.of("work.cancelled", Message.of("work.kind.IMPORT"));
        String stored = JobText.stored(cancelled);
        assertThat(stored).isEqualTo("{\"zh\":{\"key\":\"work.cancelled\",\"args\":[\"导入\"]},"
                + "\"en\":{\"key\":\"work.cancelled\",\"args\":[\"import\"]}}");
        assertThat(JobText.worded(stored, Locale.ENGLISH)).isEqualTo("the import was cancelled");
        assertThat(JobText.worded(stored, Locale.SIMPLIFIED_CHINESE)).isEqualTo(MessageText.of(cancelled, Locale.SIMPLIFIED_CHINESE));
        assertThat(JobText.worded(stored, null)).isEqualTo(MessageText.bilingual(cancelled));
    }

    private static void release(String argument) {
        RELEASE.computeIfAbsent(argument, k -> new CountDownLatch(1)).countDown();
    }

    private void awaitState(String id, State state) {
        Eventually.value("job " + id + " to reach " + state, Eventually.PATIENCE,
                () -> jobs.status(id).orElseThrow().state() == state ? state : null, () -> "last seen: " + jobs.status(id));
    }

    /** db-scheduler ran the job's execution and rescheduled it (what {@code Outcome.WAIT} does). */
    private boolean toldToWait(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance = ? AND last_success IS NOT NULL")
                .param(id).query(Long.class).single() > 0;
    }
}
