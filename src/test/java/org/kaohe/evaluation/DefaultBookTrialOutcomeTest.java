package org.kaohe.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.kaohe.imports.ImportRepository;
import org.kaohe.imports.ImportService;
import org.kaohe.records.Period;
import org.kaohe.records.PeriodRecords;
import org.kaohe.rules.CompiledRulebook;
import org.kaohe.rules.LoadedPeriod;
import org.kaohe.rules.RulebookService;
import org.kaohe.testing.KaoheTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Publishing the default rulebook on a fresh database tries it on the records the first evaluation
 * has just read, and leaves that trial's outcome for the evaluation to store: it is exactly what the
 * engine gives that book over those records (every subject, line, scale and part).
 */
@KaoheTest
class DefaultBookTrialOutcomeTest {

    private static final Period Q3 = Period.parse("2026-Q3");

    @Autowired ImportService imports;
    @Autowired ImportRepository importRepository;
    @Autowired RulebookService rulebooks;

    @Test
    void theDefaultBooksTrialLeavesTheOutcomeTheEngineGivesThatBook() throws Exception {
        imports.importFolder(Path.of("data", "2026-Q3"), Q3, "hr");
        PeriodRecords records = importRepository.loadCurrent(Q3).orElseThrow();
        LoadedPeriod loaded = new LoadedPeriod(records);

        CompiledRulebook published = rulebooks.currentOrDefault("hr", Optional.of(loaded));

        LoadedPeriod.Tried tried = loaded.triedUnder(published.version()).orElseThrow();
        var engine = published.evaluate(records);
        assertThat(tried.outcome().subjects()).hasSizeGreaterThan(80).isEqualTo(engine.subjects());
        assertThat(tried.outcome().gradeScales()).isEqualTo(engine.gradeScales());
        assertThat(tried.outcome().parts()).isEqualTo(engine.parts());
        assertThat(tried.outcome().importId()).isEqualTo(records.importId());
        assertThat(loaded.triedUnder("sha256:another")).isEmpty();
    }
}
