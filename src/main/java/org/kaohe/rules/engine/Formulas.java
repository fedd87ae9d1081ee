package org.kaohe.rules.engine;

import java.math.BigDecimal;

/**
 * The scheme's formulas, and nothing else: decimals in, points out. A quotient is rounded once,
 * half up to 2 decimals, from its exact value ({@link Points#quotient}); products and sums are
 * exact. {@link Lines} calls these and words the result; {@code FormulasTest} checks them apart
 * from any rule or session.
 */
public final class Formulas {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Formulas() {}

    /** max × weight / Σ weights × min(actual, planned) / planned × factor (the late factor, or 1). */
    public static BigDecimal target(BigDecimal max, BigDecimal weight, BigDecimal weightSum, BigDecimal actual,
                                    BigDecimal planned, BigDecimal factor) {
        BigDecimal done = actual.min(planned);
        return Points.quotient(max.multiply(weight).multiply(done).multiply(factor), weightSum.multiply(planned));
    }

    /** Σ vote weight × votes over good, fair, average and poor. */
    public static BigDecimal weightedVotes(Settings s, int good, int fair, int average, int poor) {
        return s.voteGood().multiply(BigDecimal.valueOf(good))
                .add(s.voteFair().multiply(BigDecimal.valueOf(fair)))
                .add(s.voteAverage().multiply(BigDecimal.valueOf(average)))
                .add(s.votePoor().multiply(BigDecimal.valueOf(poor)));
    }

    /** max × weighted votes / (scale × total votes). */
    public static BigDecimal appraisal(BigDecimal max, BigDecimal weightedVotes, BigDecimal voteScale, int totalVotes) {
        return Points.quotient(max.multiply(weightedVotes), voteScale.multiply(BigDecimal.valueOf(totalVotes)));
    }

    /** max × leader score / 100. */
    public static BigDecimal leader(BigDecimal max, BigDecimal leaderScore) {
        return Points.quotient(max.multiply(leaderScore), HUNDRED);
    }

    /** Unit points × units, negative for a deduction. */
    public static BigDecimal item(BigDecimal unitPoints, int units, boolean deduction) {
        BigDecimal points = unitPoints.multiply(BigDecimal.valueOf(units));
        return deduction ? points.negate() : points;
    }

    /** What brings a bonus part's sum above its maximum back to it: max − sum (negative). */
    public static BigDecimal bonusCap(BigDecimal max, BigDecimal sum) {
        return max.subtract(sum);
    }

    /** What brings a deduction part's sum below −max back to it: −max − sum (positive). */
    public static BigDecimal deductionCap(BigDecimal max, BigDecimal sum) {
        return max.negate().subtract(sum);
    }

    /** What brings a part scored from its full marks down back to 0: −sum. */
    public static BigDecimal floor(BigDecimal sum) {
        return sum.negate();
    }

    /** The bound of [min, max] the total passed; null when the total is within. */
    public static BigDecimal clampBound(BigDecimal total, BigDecimal min, BigDecimal max) {
        if (total.compareTo(max) > 0) {
            return max;
        }
        return total.compareTo(min) < 0 ? min : null;
    }

    /** max × Σ S of the cadres / (scale × n): the cadres' mean score on the part's scale. */
    public static BigDecimal cadreMean(BigDecimal max, BigDecimal scoreSum, BigDecimal cadres, BigDecimal scoreScale) {
        return Points.quotient(max.multiply(scoreSum), scoreScale.multiply(cadres));
    }
}
