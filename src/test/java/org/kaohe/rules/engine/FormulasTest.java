package org.kaohe.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** The scheme's formulas on hand-computed cases, with no rule or session involved. */
class FormulasTest {

    private static final Settings VOTES = new Settings(d("0.8"), d("1.5"), d("1"), d("0.8"), d("0.6"), d("0"), d("1"),
            d("100"), d("45"), d("0"), d("105"), null);

    @Test
    void targetIsItsShareOfThePartByWeightAndCompletion() {
        // 50 × 2/10 × 3/4 = 7.5
        assertThat(Formulas.target(d("50"), d("2"), d("10"), d("3"), d("4"), BigDecimal.ONE)).isEqualTo("7.50");
        // done late: × 0.8 = 6
        assertThat(Formulas.target(d("50"), d("2"), d("10"), d("3"), d("4"), d("0.8"))).isEqualTo("6.00");
        // more than planned counts as planned: 50 × 2/10 × 4/4 = 10
        assertThat(Formulas.target(d("50"), d("2"), d("10"), d("5"), d("4"), BigDecimal.ONE)).isEqualTo("10.00");
        // 20 × 1/3 = 6.666… → 6.67; 1.01 × 1/2 = 0.505 → 0.51 (half up, once, from the exact value)
        assertThat(Formulas.target(d("20"), d("1"), d("3"), d("1"), d("1"), BigDecimal.ONE)).isEqualTo("6.67");
        assertThat(Formulas.target(d("1.01"), d("1"), d("2"), d("1"), d("1"), BigDecimal.ONE)).isEqualTo("0.51");
    }

    @Test
    void appraisalWeighsTheVotes() {
        // 10 good, 5 fair, 5 average, 0 poor: 10 + 4 + 3 = 17 of 20 votes; 20 × 17/20 = 17
        BigDecimal weighted = Formulas.weightedVotes(VOTES, 10, 5, 5, 0);
        assertThat(weighted).isEqualByComparingTo("17");
        assertThat(Formulas.appraisal(d("20"), weighted, VOTES.voteScale(), 20)).isEqualTo("17.00");
        // one good vote of three: 25 / 3 = 8.333… → 8.33
        assertThat(Formulas.appraisal(d("25"), Formulas.weightedVotes(VOTES, 1, 0, 0, 2), d("1"), 3)).isEqualTo("8.33");
    }

    @Test
    void leaderRatingIsOutOfAHundred() {
        assertThat(Formulas.leader(d("20"), d("86"))).isEqualTo("17.20");
        // 15 × 85.5 / 100 = 12.825 → 12.83
        assertThat(Formulas.leader(d("15"), d("85.5"))).isEqualTo("12.83");
    }

    @Test
    void itemsAreUnitPointsTimesUnitsNegativeForADeduction() {
        assertThat(Formulas.item(d("2"), 2, false)).isEqualByComparingTo("4");
        assertThat(Formulas.item(d("0.5"), 3, true)).isEqualByComparingTo("-1.5");
    }

    @Test
    void limitsBringASumBackToItsBound() {
        assertThat(Formulas.bonusCap(d("5"), d("6.5"))).isEqualByComparingTo("-1.5");
        assertThat(Formulas.deductionCap(d("5"), d("-7"))).isEqualByComparingTo("2");
        assertThat(Formulas.floor(d("-3"))).isEqualByComparingTo("3");
        assertThat(Formulas.clampBound(d("110"), d("0"), d("105"))).isEqualByComparingTo("105");
        assertThat(Formulas.clampBound(d("-5"), d("0"), d("105"))).isEqualByComparingTo("0");
        assertThat(Formulas.clampBound(d("105"), d("0"), d("105"))).isNull();
    }

    @Test
    void cadreMeanPutsTheMeanScoreOnThePartsScale() {
        // 30 × 250 / (100 × 3) = 25; 30 × 250.5 / 300 = 25.05; 30 × 100.1 / 300 = 10.01
        assertThat(Formulas.cadreMean(d("30"), d("250"), d("3"), d("100"))).isEqualTo("25.00");
        assertThat(Formulas.cadreMean(d("30"), d("250.5"), d("3"), d("100"))).isEqualTo("25.05");
        assertThat(Formulas.cadreMean(d("20"), d("100.15"), d("2"), d("100"))).isEqualTo("10.02");
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
