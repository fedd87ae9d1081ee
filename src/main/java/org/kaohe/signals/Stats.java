package org.kaohe.signals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Means and spreads of figures, and the rounding every figure of a flag is shown and stored with. */
final class Stats {

    private Stats() {}

    static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    /** The population standard deviation (the spread of exactly these values, not an estimate). */
    static double spread(List<Double> values) {
        double mean = mean(values);
        double sum = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return values.isEmpty() ? 0 : Math.sqrt(sum / values.size());
    }

    static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    /** Four decimals: enough for shares and points, and the same on every machine. */
    static BigDecimal figure(double value) {
        return figure(BigDecimal.valueOf(value));
    }

    static BigDecimal figure(BigDecimal value) {
        return value.setScale(4, RoundingMode.HALF_UP);
    }
}
