package org.kaohe.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.kaohe.errors.Message;
import org.kaohe.records.DeptType;
import org.kaohe.records.PeriodRecords;
import org.kaohe.rules.engine.RunLimits;
import org.kaohe.rules.engine.RunStoppedException;
import org.kaohe.scoring.EvaluationProgress;
import org.kaohe.testing.TestRecords;

/** An evaluation stops with a clear message at its limit of rule firings, of time, or when cancelled. */
class RunLimitsTest {

    private static PeriodRecords city() {
        TestRecords records = TestRecords.period().department("D1", DeptType.TRADE_UNION).department("D2", DeptType.YOUTH_LEAGUE);
        for (int i = 0; i < 40; i++) {
            String id = "C" + i;
            records.cadre(id, i % 2 == 0 ? "D1" : "D2").target(id, "1", "10", "7", TestRecords.ON_TIME)
                    .votes(id, 3, 1, 0, 0, "80").event(id, "AWARD", "CITY", 1);
        }
        return records.build();
    }

    @Test
    void tooManyRuleFiringsInOneSessionStopTheRun() {
        RunLimits limits = new RunLimits(Duration.ofMinutes(1), 50, () -> false);
        assertThatThrownBy(() -> StandardBook.get().evaluate(city(), EvaluationProgress.NONE, limits))
                .isInstanceOfSatisfying(RunStoppedException.class, e -> assertThat(e.message())
                        .contains(Message.of("rules.run.firings", "50")));
    }

    @Test
    void aCancelledRunStopsBeforeItsNextSession() {
        AtomicInteger sessions = new AtomicInteger();
        RunLimits limits = new RunLimits(Duration.ofMinutes(1), 1_000_000, () -> sessions.get() >= 1);
        assertThatThrownBy(() -> StandardBook.get().evaluate(city(), (f, m) -> sessions.incrementAndGet(), limits))
                .isInstanceOfSatisfying(RunStoppedException.class, e -> assertThat(e.message())
                        .contains(Message.of("rules.run.cancelled")));
    }

    @Test
    void aRunOutOfTimeStops() {
        RunLimits limits = new RunLimits(Duration.ZERO, 1_000_000, () -> false);
        assertThatThrownBy(() -> StandardBook.get().evaluate(city(), EvaluationProgress.NONE, limits))
                .isInstanceOfSatisfying(RunStoppedException.class, e -> assertThat(e.message())
                        .contains(Message.of("rules.run.timeLimit", "0")));

    }

    @Test
    void theDefaultLimitsLeaveAnOrdinaryPeriodAlone() {
        assertThat(StandardBook.get().evaluate(city(), EvaluationProgress.NONE, RunLimits.DEFAULT).subjects()).hasSize(42);
    }
}
