package org.kaohe.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.kaohe.errors.EvaluationException;
import org.kaohe.errors.InvalidInputException;
import org.kaohe.errors.Message;
import org.kaohe.evaluation.EvaluationService;
import org.kaohe.imports.ImportService;
import org.kaohe.records.Period;
import org.kaohe.results.RunQueries;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.RulebookSource;
import org.kaohe.rules.book.SignalKind;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Signal runs on the demo city's quarters with the real rulebook: stored with every version they
 * read, recomputed to the same flags, warned about when what they read is no longer in force, tuned
 * by publishing signals.csv, and a note on a flag written to the audit log.
 */
@KaoheTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignalServiceTest {

    @Autowired ImportService imports;
    @Autowired EvaluationService evaluation;
    @Autowired RunQueries runs;
    @Autowired RulebookService rulebooks;
    @Autowired SignalService signals;
    @Autowired JdbcClient jdbc;

    @BeforeAll
    void demoQuarters() {
        for (int q = 1; q <= 4; q++) {
            imports.importFolder(Path.of("data", "2026-Q" + q), new Period(2026, q), "hr");
        }
        for (int q = 1; q <= 3; q++) {
            evaluation.evaluate(new Period(2026, q), "hr");
        }
    }

    @Test
    @Order(1)
    void aPeriodsSignalRunNamesItsRunsAndRecomputesToTheSameFlags() {
        SignalRun run = signals.compute("2026-Q3", "leader");

        long q3 = runs.currentRun(Period.parse("2026-Q3")).orElseThrow().id();
        long q2 = runs.currentRun(Period.parse("2026-Q2")).orElseThrow().id();
        assertThat(run.inputs()).extracting(SignalRun.Input::runId, SignalRun.Input::previous)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(q3, false), org.assertj.core.groups.Tuple.tuple(q2, true));
        assertThat(run.inputs()).allSatisfy(i -> assertThat(i.importVersion()).isEqualTo(1));
        assertThat(run.rulebookVersion()).isEqualTo(rulebooks.currentPublication().orElseThrow().version());
        assertThat(run.warnings()).isEmpty();
        SignalService.Recomputation again = signals.recompute(run.id());
        assertThat(again.same()).isTrue();
        assertThat(again.again()).isEqualTo(run.flags());
        assertThat(signals.latest("2026-Q3").orElseThrow().id()).isEqualTo(run.id());
    }

    @Test
    @Order(1)
    void aYearWithoutAQuartersRunSaysSoAndAPeriodWithoutARunIsRefused() {
        SignalRun year = signals.compute("2026", "leader");
        assertThat(year.inputs()).extracting(i -> i.period().toString()).containsExactly("2026-Q1", "2026-Q2", "2026-Q3");
        assertThat(year.warnings()).anySatisfy(w -> assertThat(w).contains("2026-Q4", "not counted"));
        assertThatThrownBy(() -> signals.compute("2026-Q4", "leader")).isInstanceOfSatisfying(EvaluationException.class,
                e -> assertThat(e.message()).contains(Message.of("state.signals.quarterMissing", "2026-Q4")));
        assertThatThrownBy(() -> signals.compute("2026-13", "leader")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    @Order(2) // publishes a rulebook: the runs read by the other tests are out of date after it
    void aLeaderTunesAThresholdAndTheFlagsChangeWhileTheOldRunSaysItIsOutOfDate() throws Exception {
        SignalRun before = signals.compute("2026-Q1", "leader");
        assertThat(SignalsTest.of(before.flags(), SignalKind.UNIFORM_APPRAISAL)).as("only the demo's planted D06")
                .extracting(Flag::deptId).containsExactly("D06");
        String table = Files.readString(Path.of("rules", "signals.csv")).replace("UNIFORM_GOOD_SHARE,0.95", "UNIFORM_GOOD_SHARE,0.5");
        assertThat(signals.current("2026-Q1", "leader").id()).as("before the publication, a view shows the same run")
                .isEqualTo(before.id());
        rulebooks.publish(RulebookSource.of(Map.of("signals.csv", table)), "leader", "预警阈值调低 / a lower threshold");

        SignalRun after = signals.current("2026-Q1", "leader");
        assertThat(after.id()).as("a view after the publication computes anew").isGreaterThan(before.id());
        assertThat(SignalsTest.of(after.flags(), SignalKind.UNIFORM_APPRAISAL)).hasSizeGreaterThan(1)
                .allSatisfy(f -> assertThat(f.threshold()).isEqualByComparingTo("0.5"));
        assertThat(signals.run(before.id()).warnings()).anySatisfy(w -> assertThat(w).contains("thresholds from rulebook version"));
        assertThat(signals.recompute(before.id()).same()).as("the old run recomputes with its own version").isTrue();

        Flag flag = after.flags().get(0);
        signals.note(after.id(), flag.key(), "已约谈部门负责人 / talked to the head", "auditor");
        assertThat(signals.run(after.id()).notesOn(flag)).singleElement()
                .satisfies(n -> assertThat(n.notedBy()).isEqualTo("auditor"));
        assertThat(jdbc.sql("SELECT detail FROM audit_log WHERE action = 'SIGNAL_NOTED'").query(String.class).list())
                .singleElement().asString().contains(flag.key(), "talked to the head");
        assertThatThrownBy(() -> signals.note(after.id(), "NO/SUCH/FLAG", "x", "auditor"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> signals.note(after.id(), flag.key(), "  ", "auditor"))
                .isInstanceOf(InvalidInputException.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM signal_note").query(Long.class).single()).isEqualTo(1);
    }
}
