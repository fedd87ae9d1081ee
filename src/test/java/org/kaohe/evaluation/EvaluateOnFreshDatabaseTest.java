package org.kaohe.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.kaohe.imports.ImportService;
import org.kaohe.records.Period;
import org.kaohe.rules.RulebookRepository;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.RulebookSource;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code import} then {@code evaluate} on a fresh installation, with no {@code rules publish} in
 * between, evaluates with the default rulebook in rules/ and records that it was published.
 */
@KaoheTest
class EvaluateOnFreshDatabaseTest {

    @Autowired ImportService imports;
    @Autowired EvaluationService evaluation;
    @Autowired RulebookService rulebooks;

    @Test
    void firstEvaluationPublishesTheDefaultRulebook() throws Exception {
        Period q3 = Period.parse("2026-Q3");
        imports.importFolder(Path.of("data", "2026-Q3"), q3, "hr");
        assertThat(rulebooks.publications()).isEmpty();

        EvaluationService.RunSummary run = evaluation.evaluate(q3, "hr");

        String defaultVersion = RulebookSource.fromFolder(Path.of("rules")).version();
        assertThat(run.rulebookVersion()).isEqualTo(defaultVersion);
        assertThat(rulebooks.publications()).singleElement().satisfies(p -> {
            assertThat(p.version()).isEqualTo(defaultVersion);
            assertThat(p.publishedBy()).isEqualTo("hr");
        });
        RulebookRepository.Publication only = rulebooks.publications().get(0);
        evaluation.evaluate(q3, "hr");
        assertThat(rulebooks.publications()).containsExactly(only);
    }
}
