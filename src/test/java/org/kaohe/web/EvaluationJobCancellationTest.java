package org.kaohe.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kaohe.errors.EvaluationException;
import org.kaohe.errors.Message;
import org.kaohe.imports.ImportService;
import org.kaohe.jobs.BackgroundJobs;
import org.kaohe.jobs.EvaluationRuns;
import org.kaohe.records.Period;
import org.kaohe.results.RunQueries;
import org.kaohe.rules.RulebookService;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The evaluation a background job runs hands the job's cancellation to the rules engine: a job
 * cancelled before the engine's first look stops there, with the engine's message, and stores no run.
 */
@KaoheTest
class EvaluationJobCancellationTest {

    private static final Period Q3 = Period.parse("2026-Q3");

    @Autowired EvaluationRuns evaluationRuns;
    @Autowired ImportService imports;
    @Autowired RulebookService rulebooks;
    @Autowired RunQueries runs;

    @Test
    void aCancelledJobsEvaluationStopsInTheEngineAndStoresNoRun() throws Exception {
        assertThat(imports.importFolder(Path.of("data", "2026-Q3"), Q3, "hr").errors()).isEmpty();
        rulebooks.publish(RulebookService.read(Path.of("rules")), "leader", "测试 test");
        List<Double> reported = new ArrayList<>();
        BackgroundJobs.Progress cancelledJob = new BackgroundJobs.Progress() {
            @Override
            public void report(double fraction, Message message) {
                reported.add(fraction);
            }

            @Override
            public boolean cancelled() {
                return true;
            }
        };

        assertThatThrownBy(() -> evaluationRuns.run(Q3.toString(), "hr", cancelledJob))
                .isInstanceOfSatisfying(EvaluationException.class,
                        e -> assertThat(e.message()).map(Message::key).contains("rules.run.cancelled"));
        assertThat(runs.currentRun(Q3)).isEmpty();
        assertThat(reported).as("it never came to storing the run").allMatch(fraction -> fraction < 0.85);
    }
}
