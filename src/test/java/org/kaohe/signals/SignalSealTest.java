package org.kaohe.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kaohe.errors.Message;
import org.kaohe.evaluation.EvaluationService;
import org.kaohe.imports.ImportService;
import org.kaohe.records.Period;
import org.kaohe.testing.CliRun;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A signal run is sealed when stored, and a view checks that seal: what only the seal can see (the
 * run's row, the flags' order) is named; a run stored before seals is computed again once, and sealed
 * then only when its flags are what its inputs give. Each test stores its own run of the demo's Q2.
 */
@KaoheTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignalSealTest {

    private static final String SCOPE = "2026-Q2";

    @Autowired ImportService imports;
    @Autowired EvaluationService evaluation;
    @Autowired SignalService signals;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext context;

    @BeforeAll
    void theDemosFirstTwoQuarters() {
        for (int q = 1; q <= 2; q++) {
            imports.importFolder(Path.of("data", "2026-Q" + q), new Period(2026, q), "hr");
            evaluation.evaluate(new Period(2026, q), "hr");
        }
    }

    @Test
    void aStoredRunIsSealedWithItsChartsAndAViewShowsThemAsComputed() {
        // the year: no other test here stores one, so the first is computed now and the second reuses it
        SignalService.Shown first = signals.shown("2026", "leader");
        SignalService.Shown again = signals.shown("2026", "leader");
        assertThat(again.run().id()).isEqualTo(first.run().id());
        assertThat(seal(first.run().id())).hasSize(64);
        assertThat(again.run().intact()).isTrue();
        assertThat(again.charts()).isEqualTo(first.charts());
        assertThat(again.charts().departments()).isNotEmpty();
    }

    @Test
    void aChangedRowOfTheRunBreaksItsSealThoughItsFlagsAreUnchanged() {
        SignalRun run = signals.compute(SCOPE, "leader");
        jdbc.sql("UPDATE signal_run SET computed_by = 'someone-else' WHERE id = ?").param(run.id()).update();
        SignalRun shown = signals.run(run.id());
        assertThat(shown.intact()).isFalse();
        assertThat(shown.check().problems()).containsExactly(Message.of("signals.check.sealBroken", Long.toString(run.id())));
    }

    @Test
    void runsVerifyChecksEverySignalRunsSeal() {
        SignalRun kept = signals.compute(SCOPE, "leader");
        SignalRun changed = signals.compute(SCOPE, "leader");
        jdbc.sql("UPDATE signal_flag SET flag_value = 1 WHERE signal_run_id = ? AND position = 0").param(changed.id()).update();
        CliRun cli = CliRun.inEnglish(context, "runs", "verify");
        assertThat(cli.exitCode()).isEqualTo(3);
        assertThat(cli.out()).contains("signal run #" + kept.id() + " " + SCOPE + ": intact",
                "signal run #" + changed.id() + " " + SCOPE + ": does not match its seal");
    }

    @Test
    void twoFlagsSwappedInTheDatabaseAreNamedAsTheOrder() {
        SignalRun run = signals.compute(SCOPE, "leader");
        assertThat(run.flags()).hasSizeGreaterThanOrEqualTo(2);
        position(run.id(), 0, -1);
        position(run.id(), 1, 0);
        position(run.id(), -1, 1);
        SignalRun shown = signals.run(run.id());
        assertThat(shown.intact()).isFalse();
        assertThat(shown.check().problems()).contains(Message.of("signals.check.order"));
    }

    @Test
    void aRunStoredBeforeSealsIsComputedAgainOnceAndSealedThen() {
        SignalRun run = signals.compute(SCOPE, "leader");
        String sealed = seal(run.id());
        jdbc.sql("UPDATE signal_run SET seal = NULL, key_id = NULL, charts = NULL WHERE id = ?").param(run.id()).update();
        assertThat(signals.run(run.id()).intact()).isTrue();
        assertThat(seal(run.id())).as("sealed again, as when it was stored").isEqualTo(sealed);
    }

    @Test
    void aRunStoredBeforeSealsWithAnEditedFlagIsNamedAndNotSealed() {
        SignalRun run = signals.compute(SCOPE, "leader");
        String key = run.flags().get(0).key();
        jdbc.sql("UPDATE signal_run SET seal = NULL, key_id = NULL, charts = NULL WHERE id = ?").param(run.id()).update();
        jdbc.sql("UPDATE signal_flag SET city_value = 0.1234 WHERE signal_run_id = ? AND flag_key = ?")
                .params(run.id(), key).update();
        SignalRun shown = signals.run(run.id());
        assertThat(shown.check().alteredFlags()).containsExactly(key);
        assertThat(seal(run.id())).isNull();
    }

    private String seal(long runId) {
        return jdbc.sql("SELECT seal FROM signal_run WHERE id = ?").param(runId).query(String.class).optional().orElse(null);
    }

    private void position(long runId, int from, int to) {
        jdbc.sql("UPDATE signal_flag SET position = ? WHERE signal_run_id = ? AND position = ?").params(to, runId, from).update();
    }
}
