package org.kaohe.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.kaohe.errors.BusyException;
import org.kaohe.errors.ConflictException;
import org.kaohe.errors.WorkStoppedException;
import org.kaohe.testing.Eventually;

/**
 * The bounded queue of heavy work, on its own: permits, the short queue, then 503; one import of a
 * period at a time (409); a cancelled or late job stops at its next look, and says why; work inside
 * other work on the same thread takes no second permit.
 */
class HeavyWorkTest {

    @Test
    void pastThePermitsAndTheQueueARequestIsRefusedAtOnceWithWhenToRetry() throws Exception {
        HeavyWork heavy = new HeavyWork(1, 0, Duration.ofSeconds(30), Duration.ofMinutes(10));
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> holding = CompletableFuture.supplyAsync(() -> heavy.run(HeavyWork.Kind.IMPORT, "lina",
                "import", job -> await(release)));
        Eventually.until("the first import holds the permit", () -> !heavy.running("lina", false).isEmpty());

        assertThatThrownBy(() -> heavy.run(HeavyWork.Kind.VALIDATE, "wang", "check", job -> "ran"))
                .isInstanceOf(BusyException.class)
                .hasMessageContaining("服务器正忙").hasMessageContaining("busy")
                .satisfies(e -> assertThat(((BusyException) e).retryAfterSeconds()).isPositive());

        release.countDown();
        assertThat(holding.get(30, TimeUnit.SECONDS)).isEqualTo("done");
        String ran = heavy.run(HeavyWork.Kind.VALIDATE, "wang", "check", job -> "ran");
        assertThat(ran).isEqualTo("ran");
    }

    @Test
    void aSecondWorkOfTheSameKeyIsAConflictNamingWhoHoldsIt() throws Exception {
        HeavyWork heavy = new HeavyWork(4, 4, Duration.ofSeconds(30), Duration.ofMinutes(10));
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> heavy.run(HeavyWork.Kind.IMPORT, "lina",
                "导入 2026-Q3 / import of 2026-Q3", "import 2026-Q3", job -> await(release)));
        Eventually.until("the first import runs", () -> !heavy.running("lina", false).isEmpty());

        assertThatThrownBy(() -> heavy.run(HeavyWork.Kind.IMPORT, "wang", "导入 2026-Q3 / import of 2026-Q3",
                "import 2026-Q3", job -> "second"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("lina").hasMessageContaining("already running");
        String other = heavy.run(HeavyWork.Kind.IMPORT, "wang", "import of 2026-Q2", "import 2026-Q2", job -> "other");
        assertThat(other).as("another period is not held").isEqualTo("other");

        release.countDown();
        first.get(30, TimeUnit.SECONDS);
        String again = heavy.run(HeavyWork.Kind.IMPORT, "wang", "import", "import 2026-Q3", job -> "again");
        assertThat(again).isEqualTo("again");
    }

    @Test
    void aCancelledJobStopsAtItsNextLookAndOnlyItsOwnerOrAnAdminMayCancelIt() throws Exception {
        HeavyWork heavy = new HeavyWork(2, 2, Duration.ofSeconds(30), Duration.ofMinutes(10));
        CountDownLatch looking = new CountDownLatch(1);
        CompletableFuture<String> check = CompletableFuture.supplyAsync(() -> heavy.run(HeavyWork.Kind.VALIDATE, "leader",
                "check", job -> {
                    looking.countDown();
                    while (!job.cancelled()) {
                        Thread.onSpinWait();
                    }
                    throw new IllegalStateException("the engine stopped: cancelled");
                }));
        looking.await(30, TimeUnit.SECONDS);
        String id = heavy.running("leader", false).get(0).id();

        assertThat(heavy.cancel(id, "someone-else", false)).isFalse();
        assertThat(heavy.running("someone-else", true)).as("an admin sees it").hasSize(1);
        assertThat(heavy.cancel(id, "leader", false)).isTrue();

        assertThatThrownBy(() -> check.join()).hasCauseInstanceOf(WorkStoppedException.class)
                .hasMessageContaining("已取消").hasMessageContaining("cancelled");
        Eventually.until("the job is gone", () -> heavy.running("leader", false).isEmpty());
    }

    @Test
    void aJobPastItsTimeLimitStopsAndSaysSo() {
        HeavyWork heavy = new HeavyWork(2, 2, Duration.ofSeconds(30), Duration.ZERO);
        assertThatThrownBy(() -> heavy.run(HeavyWork.Kind.REPLAY, "auditor", "replay", job -> {
            assertThat(job.remaining()).isEqualTo(Duration.ZERO);
            Eventually.until("past the time limit", job::cancelled);
            throw new IllegalStateException("stopped");
        })).isInstanceOf(WorkStoppedException.class).hasMessageContaining("time limit");
    }

    @Test
    void workInsideOtherWorkOnTheSameThreadRunsInTheOuterJob() {
        HeavyWork heavy = new HeavyWork(1, 0, Duration.ofSeconds(30), Duration.ofMinutes(10));
        String inner = heavy.run(HeavyWork.Kind.PUBLISH, "leader", "publish",
                outer -> heavy.run(HeavyWork.Kind.VALIDATE, "leader", "check", job -> job == outer ? "same job" : "other"));
        assertThat(inner).isEqualTo("same job");
    }

    private static String await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
            return "done";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
