package org.kaohe.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kaohe.imports.ImportService;
import org.kaohe.records.Period;
import org.kaohe.results.RunQueries;
import org.kaohe.rules.RulebookRepository;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.RulebookSource;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code import} then {@code evaluate} on a fresh installation, with no {@code rules publish} in
 * between, evaluates with the default rulebook in rules/ and records that it was published. That
 * first evaluation stores the outcome of the default book's trial over the same records instead of
 * running the engine again ({@code rules.LoadedPeriod}): it replays identical, and equals the next
 * evaluation's run figure by figure and line by line.
 */
@KaoheTest
class EvaluateOnFreshDatabaseTest {

    @Autowired ImportService imports;
    @Autowired EvaluationService evaluation;
    @Autowired RulebookService rulebooks;
    @Autowired RunReplay replays;
    @Autowired RunQueries runs;
    @Autowired JdbcClient jdbc;

    @Test
    void firstEvaluationPublishesTheDefaultRulebook() throws Exception {
        Period q3 = Period.parse("2026-Q3");
        imports.importFolder(Path.of("data", "2026-Q3"), q3, "hr");
        assertThat(rulebooks.publications()).isEmpty();

        EvaluationService.RunSummary run = evaluation.evaluate(q3, "hr"); // reuses the default book's trial

        String defaultVersion = RulebookSource.fromFolder(Path.of("rules")).version();
        assertThat(run.rulebookVersion()).isEqualTo(defaultVersion);
        assertThat(rulebooks.publications()).singleElement().satisfies(p -> {
            assertThat(p.version()).isEqualTo(defaultVersion);
            assertThat(p.publishedBy()).isEqualTo("hr");
        });
        RulebookRepository.Publication only = rulebooks.publications().get(0);
        long next = evaluation.evaluate(q3, "hr").runId(); // the engine runs
        assertThat(rulebooks.publications()).containsExactly(only);

        RunReplay.Replay replay = replays.replay(runs.run(run.runId()).orElseThrow(), "auditor");
        assertThat(replay.status()).as(replay.summary().toString()).isEqualTo(RunReplay.Status.IDENTICAL);
        assertThat(stored(run.runId())).hasSizeGreaterThan(80).isEqualTo(stored(next));
    }

    /** Every stored figure and line of a run but what names the run itself (its id, the seals over it). */
    private List<Map<String, Object>> stored(long runId) {
        return jdbc.sql("""
                SELECT r.subject_type, r.subject_id, r.name, r.dept_id, r.score, r.band_grade, r.gated_grade,
                       r.final_grade, r.rank_no, r.vetoed, r.lines_digest, r.prev_subject, r.parts, d.lines
                FROM subject_result r JOIN subject_detail d
                  ON d.run_id = r.run_id AND d.subject_type = r.subject_type AND d.subject_id = r.subject_id
                WHERE r.run_id = ? ORDER BY r.subject_type, r.subject_id""").param(runId).query().listOfRows();
    }
}
