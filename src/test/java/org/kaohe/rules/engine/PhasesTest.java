package org.kaohe.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.kaohe.rules.engine.ClassifyRulesTest.participation;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kaohe.records.SubjectType;
import org.kaohe.rules.StandardBook;
import org.kaohe.rules.book.GateEffect;
import org.kaohe.testing.TestRecords;

/**
 * The DRL's phases: every rule in the named agenda group of a {@link Phase}, each rule with its test
 * in this package, and the phases run in order within one session (a fact derived in one phase is
 * read in the next).
 */
class PhasesTest {

    private static final RuleVerifier RULES = new RuleVerifier(StandardBook.get().book());

    /** Every rule of the DRL and its phase; a rule not listed here has no test of its own yet. */
    private static final Map<String, String> RULE_PHASES = Map.ofEntries(
            Map.entry("classify: event", "classify"),
            Map.entry("classify: organization without members", "classify"),
            Map.entry("classify: organization without activities", "classify"),
            Map.entry("classify: over-age secretary", "classify"),
            Map.entry("classify: overfulfilled key work", "classify"),
            Map.entry("classify: too few appraisal votes", "classify"),
            Map.entry("classify: no appraisal at all", "classify"),
            Map.entry("classify: item units", "units"),
            Map.entry("TARGETS: one line per target", "parts"),
            Map.entry("TARGETS: none", "parts"),
            Map.entry("APPRAISAL: votes", "parts"),
            Map.entry("APPRAISAL: no votes", "parts"),
            Map.entry("APPRAISAL: too few votes", "parts"),
            Map.entry("LEADER_RATING: rated", "parts"),
            Map.entry("LEADER_RATING: not rated", "parts"),
            Map.entry("BASE_MINUS: base", "parts"),
            Map.entry("CADRE_MEAN: cadres' mean score", "parts"),
            Map.entry("CADRE_MEAN: no cadres", "parts"),
            Map.entry("ITEM: priced by a table row", "parts"),
            Map.entry("BONUS: cap", "limits"),
            Map.entry("DEDUCTION: cap", "limits"),
            Map.entry("BASE_MINUS: not below zero", "limits"),
            Map.entry("CLAMP: outside [SCORE_MIN, SCORE_MAX]", "clamp"),
            Map.entry("GATE: item units in range", "gates"),
            Map.entry("GATE: too few appraisal votes", "gates"));

    @Test
    void everyRuleIsInTheAgendaGroupOfItsPhase() {
        assertThat(RULES.agendaGroups()).isEqualTo(RULE_PHASES);
        assertThat(Arrays.stream(Phase.values()).map(Phase::agendaGroup))
                .containsExactlyInAnyOrderElementsOf(RULE_PHASES.values().stream().distinct().toList());
    }

    @Test
    void aPhaseFiresOnlyItsOwnRules() {
        var fired = RULES.verifyPhase(Phase.CLASSIFY).given(TestRecords.period().cadre("C1", "D1")
                .event("C1", "COMPLAINT", null, 2).event("C1", "COMPLAINT", null, 1).build());

        assertThat(fired.inserted(Item.class)).hasSize(2);
        assertThat(fired.inserted(ItemUnits.class)).as("units are the next phase's").isEmpty();
        assertThat(fired.lines()).isEmpty();
    }

    @Test
    void eachPhaseReadsWhatTheOnesBeforeItDerived() {
        var fired = RULES.verifyAllPhases().given(TestRecords.period().cadre("C1", "D1")
                        .target("C1", "1", "10", "10", TestRecords.ON_TIME).event("C1", "AWARD", "NATIONAL", 2)
                        .event("C1", "COMPLAINT", null, 2).event("C1", "COMPLAINT", null, 1).build(),
                participation(2, 10));

        // classify → units → parts → limits → clamp → gates
        assertThat(fired.inserted(ItemUnits.class)).extracting(ItemUnits::kind, ItemUnits::units)
                .containsExactlyInAnyOrder(tuple("AWARD", 2), tuple("COMPLAINT", 3));
        assertThat(fired.lineSummaries()).containsExactlyInAnyOrder(
                "C1 T 60.00 parts.csv:2 line.target",
                "C1 A 0.00 participation.csv:2 line.tooFewVotes",
                "C1 L 0.00 parts.csv:4 line.noLeaderScore",
                "C1 B 6.00 bonus-points.csv:2 line.item.event",
                "C1 B -1.00 parts.csv:5 line.bonusCap limit",
                "C1 D -4.00 deduction-points.csv:2 line.item.event",
                "C1 D -2.00 deduction-points.csv:2 line.item.event");
        assertThat(fired.gates()).extracting(GateHit::subjectType, GateHit::rule, GateHit::effect)
                .containsExactlyInAnyOrder(tuple(SubjectType.CADRE, "gates.csv:3", GateEffect.SET),
                        tuple(SubjectType.CADRE, "participation.csv:2", GateEffect.CAP));
    }
}
