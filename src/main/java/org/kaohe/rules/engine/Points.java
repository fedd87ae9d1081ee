package org.kaohe.rules.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Decimal arithmetic for the rules. A line's points are its exact value rounded half up to 2
 * decimals, once: products of decimals are exact, and a quotient is taken only at the end with
 * {@link #quotient}, which rounds the exact rational value. Never double.
 */
public final class Points {

    private Points() {}

    /** numerator / denominator, exactly rounded half up to 2 decimals. */
    public static BigDecimal quotient(BigDecimal numerator, BigDecimal denominator) {
        return numerator.divide(denominator, 2, RoundingMode.HALF_UP);
    }

    /** The result of a Drools {@code sum} or {@code count} accumulate as a decimal (0 when nothing matched). */
    public static BigDecimal decimal(Object accumulated) {
        if (accumulated == null) {
            return BigDecimal.ZERO;
        }
        if (accumulated instanceof BigDecimal d) {
            return d;
        }
        if (accumulated instanceof Long || accumulated instanceof Integer) {
            return BigDecimal.valueOf(((Number) accumulated).longValue());
        }
        // Sums of BigDecimal stay BigDecimal; a double here would be a rule mistake, never rounded silently.
        throw new IllegalStateException("累计结果不是十进制数 / accumulated value is not decimal: "
                + accumulated.getClass().getName());
    }

    public static boolean above(Object sum, BigDecimal limit) {
        return decimal(sum).compareTo(limit) > 0;
    }

    public static boolean below(Object sum, BigDecimal limit) {
        return decimal(sum).compareTo(limit) < 0;
    }

    /** How a number reads in a reason: no trailing zeros, never in exponent form (2, 0.5, 86.3). */
    public static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** Signed points as a reason shows them: +2, −0.5 (with a real minus sign), 0. */
    public static String signed(BigDecimal value) {
        int sign = value.signum();
        String abs = plain(value.abs());
        return sign > 0 ? "+" + abs : sign < 0 ? "−" + abs : abs;
    }
}
