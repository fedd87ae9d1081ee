package org.kaohe.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.kaohe.errors.BusyException;
import org.kaohe.errors.ConflictException;
import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.kaohe.errors.WorkStoppedException;
import org.kaohe.testing.Eventually;

/**
 * The bounded queue of heavy work, on its own: permits, the short queue, then 503; one import of a
 * period at a time (409); a cancelled or late job stops at its next look, and says why; work inside
 * other work on the same thread takes no second permit.
 */
class HeavyWorkTest {

    private static final Message IMPORT_Q3 = Message.of("work.title.import", "2026-Q3");
    private static final Message CHECK = Message.of("work.title.cases");

    @Test
    void pastThePermitsAndTheQueueARequestIsRefusedAtOnceWithWhenToRetry() throws Exception {
        HeavyWork heavy = new HeavyWork(1, 0, Duration.ofSeconds(30), Duration.ofMinutes(10));
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> holding = CompletableFuture.supplyAsync(() -> heavy.run(HeavyWork.Kind.IMPORT, "lina",
                IMPORT_Q3, job -> await(release)));
        Eventually.until("the first import holds the permit", () -> !heavy.running("lina", false).isEmpty());

        assertThatThrownBy(() -> heavy.run(HeavyWork.Kind.VALIDATE, "wang", CHECK, job -> "ran"))
                .isInstanceOf(BusyException.class)
                .hasMessage(bothLanguages("work.busy", HeavyWork.Kind.VALIDATE, "30"))
                .satisfies(e -> assertThat(((BusyException) e).retryAfterSeconds()).isPositive());

        release.countDown();
        assertThat(holding.get(30, TimeUnit.SECONDS)).isEqualTo("done");
        String ran = heavy.run(HeavyWork.Kind.VALIDATE, "wang", CHECK, job -> "ran");
        assertThat(ran).isEqualTo("ran");
    }

    @Test
    void aSecondWorkOfTheSameKeyIsAConflictNamingWhoHoldsIt() throws Exception {
        HeavyWork heavy = new HeavyWork(4, 4, Duration.ofSeconds(30), Duration.ofMinutes(10));
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> heavy.run(HeavyWork.Kind.IMPORT, "lina",
                IMPORT_Q3, "import 2026-Q3", job -> await(release)));
        Eventually.until("the first import runs", () -> !heavy.running("lina", false).isEmpty());

        assertThatThrownBy(() -> heavy.run(HeavyWork.Kind.IMPORT, "wang", IMPORT_Q3,
                "import 2026-Q3", job -> "second"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("lina")
                .hasMessageStartingWith(MessageText.of(IMPORT_Q3, Locale.SIMPLIFIED_CHINESE))
                .hasMessageContaining(" / " + MessageText.of(IMPORT_Q3, Locale.ENGLISH));
        String other = heavy.run(HeavyWork.Kind.IMPORT, "wang", Message.of("work.title.import", "2026-Q2"), "import 2026-Q2", job -> "other");
        assertThat(other).as("another period is not held").isEqualTo("other");

        release.countDown();
        first.get(30, TimeUnit.SECONDS);
        String again = heavy.run(HeavyWork.Kind.IMPORT, "wang", IMPORT_Q3, "import 2026-Q3", job -> "again");
        assertThat(again).isEqualTo("again");
    }

    @Test
    void aCancelledJobStopsAtItsNextLookAndOnlyItsOwnerOrAnAdminMayCancelIt() throws Exception {
        HeavyWork heavy = new HeavyWork(2, 2, Duration.ofSeconds(30), Duration.ofMinutes(10));
        CountDownLatch looking = new CountDownLatch(1);
        CompletableFuture<String> check = CompletableFuture.supplyAsync(() -> heavy.run(HeavyWork.Kind.VALIDATE, "leader",
                CHECK, job -> {
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
                .hasMessageContaining(bothLanguages("work.cancelled", HeavyWork.Kind.VALIDATE));
        Eventually.until("the job is gone", () -> heavy.running("leader", false).isEmpty());
    }

    @Test
    void aJobPastItsTimeLimitStopsAndSaysSo() {
        HeavyWork heavy = new HeavyWork(2, 2, Duration.ofSeconds(30), Duration.ZERO);
        assertThatThrownBy(() -> heavy.run(HeavyWork.Kind.REPLAY, "auditor", Message.of("work.title.replay", "1"), job -> {
            assertThat(job.remaining()).isEqualTo(Duration.ZERO);
            Eventually.until("past the time limit", job::cancelled);
            throw new IllegalStateException("stopped");
        })).isInstanceOf(WorkStoppedException.class).hasMessage(bothLanguages("work.timeLimit", HeavyWork.Kind.REPLAY, "0"));
    }

    @Test
    void workInsideOtherWorkOnTheSameThreadRunsInTheOuterJob() {
        HeavyWork heavy = new HeavyWork(1, 0, Duration.ofSeconds(30), Duration.ofMinutes(10));
        String inner = heavy.run(HeavyWork.Kind.PUBLISH, "leader", Message.of("work.title.publish", "v1"),
                outer -> heavy.run(HeavyWork.Kind.VALIDATE, "leader", CHECK, job -> job == outer ? "same job" : "other"));
        assertThat(inner).isEqualTo("same job");
    }

    /** What a stop or refusal of this kind of work says: the key worded in each language, the kind named in it. */
    private static String bothLanguages(String key, HeavyWork.Kind kind, String... figures) {
        return worded(key, kind, Locale.SIMPLIFIED_CHINESE, figures) + " / " + worded(key, kind, Locale.ENGLISH, figures);
    }

    private static String worded(String key, HeavyWork.Kind kind, Locale locale, String... figures) {
        List<Object> args = new ArrayList<>(List.of(MessageText.of(kind.label(), locale)));
        args.addAll(List.of(figures));
        return MessageText.of(new Message(key, args), locale);
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
