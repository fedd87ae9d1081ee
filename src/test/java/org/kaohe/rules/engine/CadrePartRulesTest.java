package org.kaohe.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.kaohe.records.SourceRef;
import org.kaohe.rules.StandardBook;
import org.kaohe.rules.book.GateEffect;
import org.kaohe.scoring.Reason;
import org.kaohe.testing.TestRecords;

/**
 * The rules of 2-parts.drl that score a cadre's targets, appraisal and leader rating, one by one,
 * on the standard test book (parts.csv: T line 2, max 60; A line 3, max 20; L line 4, max 20).
 */
class CadrePartRulesTest {

    private static final RuleVerifier RULES = new RuleVerifier(StandardBook.get().book());

    @Test
    void eachTargetIsALineOfItsWeightedShare_lateOnesTimesTheLateFactor() {
        var fired = RULES.verifyThat("TARGETS: one line per target").given(TestRecords.period().cadre("C1", "D1")
                .target("C1", "1", "10", "10", TestRecords.ON_TIME).target("C1", "3", "10", "5", TestRecords.LATE)
                .target("C9", "1", "10", "10", TestRecords.ON_TIME).build());

        // 60 × 1/4 × 1 = 15; 60 × 3/4 × 5/10 × 0.8 = 18
        assertThat(fired.lineSummaries()).containsExactlyInAnyOrder("C1 T 15.00 parts.csv:2 line.target",
                "C1 T 18.00 parts.csv:2 line.target.late");
        assertThat(fired.lines()).allSatisfy(l -> assertThat(l.evidence()).hasSize(1));
    }

    @Test
    void aCadreWithoutTargetsHasAZeroTargetsLine() {
        var fired = RULES.verifyThat("TARGETS: none").given(TestRecords.period().cadre("C1", "D1").cadre("C2", "D1")
                .target("C2", "1", "10", "10", TestRecords.ON_TIME).build());

        assertThat(fired.lineSummaries()).containsExactly("C1 T 0.00 parts.csv:2 line.noTargets");
        assertThat(fired.lines().get(0).evidence()).containsExactly(new SourceRef("cadres.csv", 2));
    }

    @Test
    void votesGiveTheWeightedShareOfTheAppraisalPart_unlessAParticipationRowZeroesIt() {
        var fired = RULES.verifyThat("APPRAISAL: votes").given(TestRecords.period()
                        .cadre("C1", "D1").votes("C1", 5, 3, 1, 1, null)
                        .cadre("C2", "D1").votes("C2", 0, 0, 0, 0, null)
                        .cadre("C3", "D1").votes("C3", 5, 0, 0, 0, null).build(),
                low("C3", 5, 10, true));

        // 20 × (5×100 + 3×80 + 60 + 40) / (100 × 10) = 16.8
        assertThat(fired.lineSummaries()).containsExactly("C1 A 16.80 parts.csv:3 line.appraisal");
        assertThat(fired.lines().get(0).reason()).isEqualTo(Reason.of("line.appraisal", "民主测评", "5", "3", "1", "1"));
    }

    @Test
    void noVotesOrNoAppraisalGiveAZeroAppraisalLine_unlessAParticipationRowGivesIt() {
        var fired = RULES.verifyThat("APPRAISAL: no votes").given(TestRecords.period()
                        .cadre("C1", "D1")
                        .cadre("C2", "D1").votes("C2", 0, 0, 0, 0, "80")
                        .cadre("C3", "D1").votes("C3", 1, 0, 0, 0, null)
                        .cadre("C4", "D1").build(),
                low("C4", 0, 10, true));

        assertThat(fired.lineSummaries()).containsExactlyInAnyOrder("C1 A 0.00 parts.csv:3 line.noVotes",
                "C2 A 0.00 parts.csv:3 line.noVotes");
    }

    @Test
    void tooFewVotesGiveOneZeroLineCitingTheStrictestParticipationRow() {
        var fired = RULES.verifyThat("APPRAISAL: too few votes").given(TestRecords.period()
                        .cadre("C1", "D1").votes("C1", 5, 0, 0, 0, null)
                        .cadre("C2", "D1").votes("C2", 5, 0, 0, 0, null).build(),
                new LowParticipation("C1", 5, 6, true, GateEffect.CAP, "AVERAGE", "participation.csv:3", List.of()),
                new LowParticipation("C1", 5, 10, true, GateEffect.CAP, "AVERAGE", "participation.csv:2", List.of()),
                new LowParticipation("C1", 5, 8, true, null, null, "participation.csv:4", List.of()),
                low("C2", 5, 20, false));

        assertThat(fired.lineSummaries()).containsExactly("C1 A 0.00 participation.csv:2 line.tooFewVotes");
        assertThat(fired.lines().get(0).reason()).isEqualTo(Reason.of("line.tooFewVotes", "5", "10", "民主测评"));
    }

    @Test
    void aLeaderScoreGivesItsShareOfTheLeaderPart() {
        var fired = RULES.verifyThat("LEADER_RATING: rated").given(TestRecords.period()
                .cadre("C1", "D1").votes("C1", 1, 0, 0, 0, "85.5")
                .cadre("C2", "D1").votes("C2", 1, 0, 0, 0, null).build());

        // 20 × 85.5 / 100 = 17.1
        assertThat(fired.lineSummaries()).containsExactly("C1 L 17.10 parts.csv:4 line.leader");
    }

    @Test
    void noLeaderScoreGivesAZeroLeaderLine() {
        var fired = RULES.verifyThat("LEADER_RATING: not rated").given(TestRecords.period()
                .cadre("C1", "D1")
                .cadre("C2", "D1").votes("C2", 1, 0, 0, 0, null)
                .cadre("C3", "D1").votes("C3", 1, 0, 0, 0, "90").build());

        assertThat(fired.lineSummaries()).containsExactlyInAnyOrder("C1 L 0.00 parts.csv:4 line.noLeaderScore",
                "C2 L 0.00 parts.csv:4 line.noLeaderScore");
    }

    /** A cadre's low participation under a rule asking for {@code min} votes. */
    static LowParticipation low(String cadre, int votes, int min, boolean zero) {
        return new LowParticipation(cadre, votes, min, zero, GateEffect.CAP, "AVERAGE", "participation.csv:2",
                List.of(new SourceRef("appraisals.csv", 2)));
    }
}
