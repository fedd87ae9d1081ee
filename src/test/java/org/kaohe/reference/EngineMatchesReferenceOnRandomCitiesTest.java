package org.kaohe.reference;

import java.nio.file.Path;
import java.util.stream.LongStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kaohe.records.PeriodRecords;
import org.kaohe.rules.CompiledRulebook;
import org.kaohe.rules.RulebookCompiler;
import org.kaohe.rules.RulebookSource;

/**
 * The default rulebook in rules/, run by Drools, agrees to the cent with the plain-Java reference
 * scorer written straight from docs/scheme.md, on seeded random cities that hit the bonus cap, the
 * clamp, every gate, the quota and its tie-breaks.
 */
class EngineMatchesReferenceOnRandomCitiesTest {

    private static CompiledRulebook rulebook;

    @BeforeAll
    static void compileDefaultRulebook() throws Exception {
        rulebook = RulebookCompiler.compile(RulebookSource.fromFolder(Path.of("rules")));
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 300);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void sameResultsAsTheReference(long seed) {
        PeriodRecords records = RandomPeriodRecords.generate(seed);
        EngineMatchesReference.check("seed " + seed, records, rulebook.evaluate(records).subjects());
    }
}
