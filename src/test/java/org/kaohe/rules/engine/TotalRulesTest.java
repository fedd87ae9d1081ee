package org.kaohe.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.kaohe.records.SourceRef;
import org.kaohe.records.SubjectType;
import org.kaohe.rules.StandardBook;
import org.kaohe.rules.book.GateEffect;
import org.kaohe.testing.TestRecords;

/**
 * The rules of 3-totals.drl, one by one, on the standard test book (settings.csv: SCORE_MIN line 4,
 * 0; SCORE_MAX line 5, 105; gates.csv: SANCTION line 2, COMPLAINT ≥ 3 line 3, COMPLAINT 1–2 line 4,
 * MAJOR_INCIDENT line 6).
 */
class TotalRulesTest {

    private static final RuleVerifier RULES = new RuleVerifier(StandardBook.get().book());

    @Test
    void aTotalOutsideTheScoreRangeIsBroughtBackByAClampLineCitingTheBoundsRow() {
        var fired = RULES.verifyThat("CLAMP: outside [SCORE_MIN, SCORE_MAX]").given(TestRecords.period()
                        .cadre("C1", "D1").cadre("C2", "D1").cadre("C3", "D1").cadre("C4", "D1").build(),
                ItemAndLimitRulesTest.line("C1", "T", "60"), ItemAndLimitRulesTest.line("C1", "A", "50"),
                ItemAndLimitRulesTest.line("C2", "D", "-3"),
                ItemAndLimitRulesTest.line("C3", "T", "60"), ItemAndLimitRulesTest.line("C3", "A", "45"),
                ItemAndLimitRulesTest.line("C4", "T", "0"));

        assertThat(fired.lineSummaries()).containsExactlyInAnyOrder("C1 CLAMP -5.00 settings.csv:5 line.clamp.above limit",
                "C2 CLAMP 3.00 settings.csv:4 line.clamp.below limit");
    }

    @Test
    void aGateRowAppliesWhenTheSubjectsUnitsOfItsKindAreInItsRange() {
        var fired = RULES.verifyThat("GATE: item units in range").given(TestRecords.period().build(),
                units(SubjectType.CADRE, "C1", "COMPLAINT", 2), units(SubjectType.CADRE, "C2", "COMPLAINT", 3),
                units(SubjectType.CADRE, "C3", "SANCTION", 1), units(SubjectType.CADRE, "C4", "MAJOR_INCIDENT", 1),
                units(SubjectType.DEPARTMENT, "D1", "MAJOR_INCIDENT", 1), units(SubjectType.CADRE, "C5", "AWARD", 9));

        assertThat(fired.gates()).extracting(GateHit::subjectId, GateHit::rule, GateHit::effect, GateHit::grade,
                        GateHit::veto, GateHit::triggerArgs)
                .containsExactlyInAnyOrder(tuple("C1", "gates.csv:4", GateEffect.CAP, "较好", false, List.of("有效投诉", "2")),
                        tuple("C2", "gates.csv:3", GateEffect.SET, "较差", false, List.of("有效投诉", "3")),
                        tuple("C3", "gates.csv:2", GateEffect.SET, "较差", true, List.of("党纪政务处分", "1")),
                        tuple("D1", "gates.csv:6", GateEffect.SET, "较差", true, List.of("重大事故或群体性事件", "1")));
    }

    @Test
    void aParticipationRowWithAnEffectGivesItsGateToACadreWithTooFewVotes() {
        var fired = RULES.verifyThat("GATE: too few appraisal votes").given(TestRecords.period().build(),
                new LowParticipation("C1", 4, 10, true, GateEffect.CAP, "AVERAGE", "participation.csv:2",
                        List.of(new SourceRef("appraisals.csv", 2))),
                new LowParticipation("C2", 4, 10, true, null, null, "participation.csv:3", List.of()));

        assertThat(fired.gates()).extracting(GateHit::subjectId, GateHit::rule, GateHit::effect, GateHit::grade,
                        GateHit::trigger, GateHit::triggerArgs)
                .containsExactly(tuple("C1", "participation.csv:2", GateEffect.CAP, "AVERAGE", "votes", List.of("4", "10")));
    }

    static ItemUnits units(SubjectType type, String subject, String kind, int units) {
        return new ItemUnits(type, subject, kind, units, List.of(new SourceRef("events.csv", 2)));
    }
}
