package org.kaohe.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kaohe.audit.SealKey;
import org.kaohe.records.Period;
import org.kaohe.rules.CompiledRulebook;
import org.kaohe.rules.RulebookCompiler;
import org.kaohe.rules.RulebookSource;
import org.kaohe.scoring.EvaluationOutcome;
import org.kaohe.testing.CityGenerator;

/**
 * A run's rows are sealed a slice at a time on every core ({@link RunChainWriter}): on random
 * cities evaluated with the shipped rulebook, every row (result, lines as stored, parts, digest,
 * seal, previous key), the order they are handed on in and the run's seal are exactly those the
 * same writer gives on one thread; and the rows pass {@link RunChainChecker}'s check.
 */
class ParallelRunSealingTest {

    private static final RunSealer SEALER = new RunSealer(SealKey.of("parallel-sealing-test".getBytes(StandardCharsets.UTF_8)));

    @ParameterizedTest
    @ValueSource(longs = {7, 19, 2026})
    void rowsSealedInParallelAreTheRowsSealedOneByOne(long seed) throws Exception {
        Period period = Period.parse("2026-Q3");
        CompiledRulebook book = RulebookCompiler.compile(RulebookSource.fromFolder(java.nio.file.Path.of("rules")));
        EvaluationOutcome outcome = book.evaluate(CityGenerator.city(seed, period, 45, 2_300));
        RunSealer.RunHeader header = new RunSealer.RunHeader(seed, period.toString(), 1, book.version(), "test",
                Instant.parse("2026-10-01T08:00:00Z"), outcome.subjects().size());

        List<RunChainWriter.SealedRow> one = new ArrayList<>();
        String oneSeal = new RunChainWriter(SEALER, false).write(header, outcome.subjects(), one::add);
        List<RunChainWriter.SealedRow> all = new ArrayList<>();
        String allSeal = new RunChainWriter(SEALER, true).write(header, outcome.subjects(), all::add);

        assertThat(all).hasSize(outcome.subjects().size()).containsExactlyElementsOf(one);
        assertThat(allSeal).isEqualTo(oneSeal);
        List<StoredSubject> stored = all.stream()
                .map(r -> new StoredSubject(r.subject(), r.seal(), r.linesDigest(), r.previousSubject())).toList();
        assertThat(new RunChainChecker(SEALER).checkRows(header, outcome.subjects().size(), allSeal, stored).problems())
                .isEmpty();
    }
}
