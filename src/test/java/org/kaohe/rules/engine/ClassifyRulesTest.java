package org.kaohe.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.kaohe.records.DeptType;
import org.kaohe.records.SourceRef;
import org.kaohe.records.SubjectType;
import org.kaohe.rules.StandardBook;
import org.kaohe.rules.book.AppraisalEffect;
import org.kaohe.rules.book.GateEffect;
import org.kaohe.rules.book.ParticipationRow;
import org.kaohe.rules.book.RowRef;
import org.kaohe.testing.TestRecords;

/** The rules of 1-classify.drl, one by one, on the standard test book's tables. */
class ClassifyRulesTest {

    private static final RuleVerifier RULES = new RuleVerifier(StandardBook.get().book());

    /** participation.csv: fewer than {@code min} votes zero the appraisal and cap the grade at 一般 (line {@code line}). */
    static ParticipationRow participation(int line, int min) {
        return new ParticipationRow(new RowRef("participation.csv", line), SubjectType.CADRE, null, min,
                AppraisalEffect.ZERO, GateEffect.CAP, "AVERAGE");
    }

    @Test
    void anEventOfAKindFromEventsIsAnItem_otherKindsAreNot() {
        var fired = RULES.verifyThat("classify: event").given(TestRecords.period().cadre("C1", "D1")
                .event("C1", "AWARD", "CITY", 2).event("C1", "UNKNOWN_KIND", null, 1)
                .event("C1", "NO_MEMBERS", null, 1).build());

        assertThat(fired.inserted(Item.class)).extracting(Item::subjectId, Item::kind, Item::level, Item::units)
                .containsExactly(tuple("C1", "AWARD", "CITY", 2));
        assertThat(fired.inserted(Item.class).get(0).evidence()).containsExactly(new SourceRef("events.csv", 2));
    }

    @Test
    void anOrganizationWithoutMembersIsAnItemOfItsDepartment() {
        var fired = RULES.verifyThat("classify: organization without members").given(TestRecords.period()
                .department("D1", DeptType.TRADE_UNION).organization("D1", 30, 0, 2).organization("D1", 30, 5, 0)
                .organization("D9", 30, 0, 0).build());

        assertThat(fired.inserted(Item.class)).extracting(Item::subjectId, Item::kind, Item::wordingArgs)
                .containsExactly(tuple("D1", "NO_MEMBERS", List.of("O1")));
    }

    @Test
    void anOrganizationWithoutActivitiesIsAnItemOfItsDepartment() {
        var fired = RULES.verifyThat("classify: organization without activities").given(TestRecords.period()
                .department("D1", DeptType.TRADE_UNION).organization("D1", 30, 0, 2).organization("D1", 30, 5, 0)
                .organization("D9", 30, 5, 0).build());

        assertThat(fired.inserted(Item.class)).extracting(Item::subjectId, Item::kind, Item::wordingArgs)
                .containsExactly(tuple("D1", "NO_ACTIVITIES", List.of("O2")));
    }

    @Test
    void aSecretaryOlderThanTheLimitIsOverAge_atTheLimitIsNot() {
        var fired = RULES.verifyThat("classify: over-age secretary").given(TestRecords.period()
                .department("D1", DeptType.YOUTH_LEAGUE).organization("D1", 35, 5, 2).organization("D1", 36, 5, 2)
                .build());

        assertThat(fired.inserted(Item.class)).extracting(Item::subjectId, Item::kind, Item::wordingArgs)
                .containsExactly(tuple("D1", "OVER_AGE_SECRETARY", List.of("O2", "36")));
    }

    @Test
    void keyWorkAtTheRatioTimesPlannedIsOverfulfilled_belowItOrNotKeyWorkIsNot() {
        var fired = RULES.verifyThat("classify: overfulfilled key work").given(TestRecords.period().cadre("C1", "D1")
                .keyWork("C1", "1", "10", "12").keyWork("C1", "1", "10", "11.99")
                .target(SubjectType.CADRE, "C1", "1", "10", "20").keyWork("C9", "1", "10", "20").build());

        assertThat(fired.inserted(Item.class)).extracting(Item::subjectId, Item::kind, Item::wordingArgs)
                .containsExactly(tuple("C1", "KEY_WORK_OVERFULFILLED", List.of("任务T1", "12", "10", "1.2")));
    }

    @Test
    void fewerVotesThanEachParticipationRowAsksForIsLowParticipation() {
        var fired = RULES.verifyThat("classify: too few appraisal votes").given(TestRecords.period()
                        .cadre("C1", "D1").votes("C1", 5, 2, 1, 1, "90")
                        .cadre("C2", "D1").votes("C2", 5, 3, 1, 1, "90").build(),
                participation(2, 10), participation(3, 6));

        assertThat(fired.inserted(LowParticipation.class))
                .extracting(LowParticipation::subjectId, LowParticipation::votes, LowParticipation::minVotes,
                        LowParticipation::zeroAppraisal, LowParticipation::effect, LowParticipation::rule)
                .containsExactly(tuple("C1", 9, 10, true, GateEffect.CAP, "participation.csv:2"));
        assertThat(fired.inserted(LowParticipation.class).get(0).evidence())
                .containsExactly(new SourceRef("appraisals.csv", 2));
    }

    @Test
    void aCadreWithNoAppraisalAtAllHasTooFewVotesForEveryParticipationRow() {
        var fired = RULES.verifyThat("classify: no appraisal at all").given(TestRecords.period()
                        .cadre("C1", "D1").cadre("C2", "D1").votes("C2", 0, 0, 0, 0, null).build(),
                participation(2, 10), participation(3, 6));

        assertThat(fired.inserted(LowParticipation.class))
                .extracting(LowParticipation::subjectId, LowParticipation::votes, LowParticipation::minVotes,
                        LowParticipation::zeroAppraisal, LowParticipation::grade, LowParticipation::rule)
                .containsExactlyInAnyOrder(tuple("C1", 0, 10, true, "AVERAGE", "participation.csv:2"),
                        tuple("C1", 0, 6, true, "AVERAGE", "participation.csv:3"));
        assertThat(fired.inserted(LowParticipation.class).get(0).evidence())
                .containsExactly(new SourceRef("cadres.csv", 2));
    }

    @Test
    void withoutParticipationRowsNoCadreHasTooFewVotes() {
        var records = TestRecords.period().cadre("C1", "D1").cadre("C2", "D1").votes("C2", 1, 0, 0, 0, null).build();

        assertThat(RULES.verifyThat("classify: no appraisal at all").given(records).firings()).isZero();
        assertThat(RULES.verifyThat("classify: too few appraisal votes").given(records).firings()).isZero();
    }

    @Test
    void theUnitsOfEachKindOfASubjectAreAddedUpOnce() {
        SourceRef a = new SourceRef("events.csv", 2);
        SourceRef b = new SourceRef("events.csv", 3);
        var fired = RULES.verifyThat("classify: item units").given(TestRecords.period().build(),
                item("C1", "COMPLAINT", 2, a), item("C1", "COMPLAINT", 1, b), item("C1", "AWARD", 1, a),
                item("C2", "COMPLAINT", 1, b));

        assertThat(fired.inserted(ItemUnits.class))
                .extracting(ItemUnits::subjectId, ItemUnits::kind, ItemUnits::units, ItemUnits::evidence)
                .containsExactlyInAnyOrder(tuple("C1", "COMPLAINT", 3, List.of(a, b)), tuple("C1", "AWARD", 1, List.of(a)),
                        tuple("C2", "COMPLAINT", 1, List.of(b)));
    }

    static Item item(String cadre, String kind, int units, SourceRef source) {
        return new Item(SubjectType.CADRE, cadre, kind, null, units, "event", List.of(Integer.toString(units)),
                List.of(source));
    }
}
