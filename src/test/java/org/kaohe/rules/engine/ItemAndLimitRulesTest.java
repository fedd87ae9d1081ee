package org.kaohe.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.kaohe.records.DeptType;
import org.kaohe.records.SourceRef;
import org.kaohe.records.SubjectType;
import org.kaohe.rules.StandardBook;
import org.kaohe.rules.book.Method;
import org.kaohe.rules.book.PartRow;
import org.kaohe.rules.book.RowRef;
import org.kaohe.scoring.Reason;
import org.kaohe.testing.TestRecords;

/**
 * The rules of 2-parts.drl for a department's own parts, the priced items, and each part's limit,
 * one by one, on the standard test book (parts.csv: B line 5, max 5; D line 6, no cap; O line 8,
 * max 20; C line 9, max 30).
 */
class ItemAndLimitRulesTest {

    private static final RuleVerifier RULES = new RuleVerifier(StandardBook.get().book());

    @Test
    void aPartScoredFromItsMaximumDownStartsWithALineOfItsMaximum() {
        var fired = RULES.verifyThat("BASE_MINUS: base").given(TestRecords.period().department("D1", DeptType.OTHER)
                .cadre("C1", "D1").build());

        assertThat(fired.lineSummaries()).containsExactly("D1 O 20.00 parts.csv:8 line.base");
    }

    @Test
    void theCadresPartIsItsMaximumTimesTheMeanOfTheDepartmentsCadreScores() {
        var fired = RULES.verifyThat("CADRE_MEAN: cadres' mean score").given(
                TestRecords.period().department("D1", DeptType.OTHER).department("D2", DeptType.OTHER).build(),
                cadreScore("D1", "C1", "80", 2), cadreScore("D1", "C2", "91", 3), cadreScore("D9", "C3", "10", 4));

        // 30 × (80 + 91) / (100 × 2) = 25.65; D2 has no cadres: not this rule's line
        assertThat(fired.lineSummaries()).containsExactly("D1 C 25.65 parts.csv:9 line.cadreMean");
        assertThat(fired.lines().get(0).evidence())
                .containsExactly(new SourceRef("cadres.csv", 2), new SourceRef("cadres.csv", 3));
    }

    @Test
    void aDepartmentWithoutCadresHasAZeroCadresLine() {
        var fired = RULES.verifyThat("CADRE_MEAN: no cadres").given(
                TestRecords.period().department("D1", DeptType.OTHER).department("D2", DeptType.OTHER).build(),
                cadreScore("D2", "C1", "80", 2));

        assertThat(fired.lineSummaries()).containsExactly("D1 C 0.00 parts.csv:9 line.noCadres");
    }

    @Test
    void anItemIsPricedByItsRowInThePartTheRowNames_unitsTimesPoints() {
        var fired = RULES.verifyThat("ITEM: priced by a table row").given(TestRecords.period().cadre("C1", "D1").build(),
                item(SubjectType.CADRE, "C1", "AWARD", "CITY", 2), item(SubjectType.CADRE, "C1", "COMPLAINT", null, 3),
                item(SubjectType.CADRE, "C1", "AWARD", "TOWN", 1), item(SubjectType.CADRE, "C1", "DEMO_SITE", "CITY", 1),
                item(SubjectType.CADRE, "C9", "AWARD", "CITY", 1));

        assertThat(fired.lineSummaries()).containsExactlyInAnyOrder("C1 B 2.00 bonus-points.csv:4 line.item.event",
                "C1 D -6.00 deduction-points.csv:2 line.item.event");
    }

    @Test
    void aRowOfADepartmentTypePricesItsItemsOnlyInThatTypesView() {
        Item overAge = item(SubjectType.DEPARTMENT, "D1", "OVER_AGE_SECRETARY", null, 1);

        var league = RULES.verifyThat("ITEM: priced by a table row").forDeptType(DeptType.YOUTH_LEAGUE)
                .given(TestRecords.period().department("D1", DeptType.YOUTH_LEAGUE).build(), overAge);
        var union = RULES.verifyThat("ITEM: priced by a table row").forDeptType(DeptType.TRADE_UNION)
                .given(TestRecords.period().department("D1", DeptType.TRADE_UNION).build(), overAge);

        assertThat(league.lineSummaries()).containsExactly("D1 O -1.00 deduction-points.csv:13 line.item.event");
        assertThat(union.lines()).isEmpty();
    }

    @Test
    void bonusLinesAboveThePartsMaximumAreCutByALimitLine() {
        var fired = RULES.verifyThat("BONUS: cap").given(TestRecords.period().cadre("C1", "D1").cadre("C2", "D1")
                        .cadre("C3", "D1").build(),
                line("C1", "B", "3"), line("C1", "B", "4"), line("C1", "D", "-9"), line("C2", "B", "5"),
                line("C3", "T", "60"));

        assertThat(fired.lineSummaries()).containsExactly("C1 B -2.00 parts.csv:5 line.bonusCap limit");
        assertThat(fired.lines().get(0).reason()).isEqualTo(Reason.of("line.bonusCap", "加分", "7", "5", "2"));
    }

    @Test
    void deductionLinesBeyondACappedDeductionPartAreGivenBackByALimitLine() {
        PartRow cappedD = new PartRow(new RowRef("parts.csv", 6), "D", "扣分", "", SubjectType.CADRE, null,
                new BigDecimal("10"), Method.DEDUCTION, Set.of());
        var records = TestRecords.period().cadre("C1", "D1").cadre("C2", "D1").build();

        var uncapped = RULES.verifyThat("DEDUCTION: cap").given(records, line("C1", "D", "-8"), line("C1", "D", "-4"));
        var capped = RULES.verifyThat("DEDUCTION: cap").given(records, cappedD, line("C1", "D", "-8"),
                line("C1", "D", "-4"), line("C2", "D", "-10"));

        assertThat(uncapped.lines()).as("the standard book's D has no cap").isEmpty();
        assertThat(capped.lineSummaries()).containsExactly("C1 D 2.00 parts.csv:6 line.deductionCap limit");
    }

    @Test
    void aPartScoredFromItsMaximumDownStopsAtZero() {
        var fired = RULES.verifyThat("BASE_MINUS: not below zero").given(TestRecords.period()
                        .department("D1", DeptType.OTHER).department("D2", DeptType.OTHER).build(),
                deptLine("D1", "O", "20"), deptLine("D1", "O", "-15"), deptLine("D1", "O", "-8"),
                deptLine("D2", "O", "20"), deptLine("D2", "O", "-20"));

        assertThat(fired.lineSummaries()).containsExactly("D1 O 3.00 parts.csv:8 line.floor limit");
    }

    static CadreScore cadreScore(String dept, String cadre, String score, int line) {
        return new CadreScore(dept, cadre, new BigDecimal(score), new SourceRef("cadres.csv", line));
    }

    static Item item(SubjectType type, String subject, String kind, String level, int units) {
        return new Item(type, subject, kind, level, units, "event", List.of(Integer.toString(units)),
                List.of(new SourceRef("events.csv", 2)));
    }

    /** A cadre's line of {@code points} in a part, as a rule of an earlier phase would insert it. */
    static ScoreLine line(String cadre, String part, String points) {
        return new ScoreLine(SubjectType.CADRE, cadre, "test", part, new BigDecimal(points), Reason.of("test"),
                List.of(), false);
    }

    static ScoreLine deptLine(String dept, String part, String points) {
        return new ScoreLine(SubjectType.DEPARTMENT, dept, "test", part, new BigDecimal(points), Reason.of("test"),
                List.of(), false);
    }
}
