package org.kaohe.rules;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Decimal arithmetic for the rules (RULEBOOK §3): intermediates keep {@link MathContext#DECIMAL128};
 * a quotient is taken once, at the end, so a line is the exact value rounded once (in
 * {@link ScoreLine}). Never double.
 */
public final class Points {

    /** Intermediate precision: 34 significant digits. */
    public static final MathContext MC = MathContext.DECIMAL128;

    private Points() {}

    /** A number written in a decision table cell; the compiler has already checked its form. */
    public static BigDecimal of(String text) {
        return new BigDecimal(text.trim());
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
        // Drools sums of BigDecimal stay BigDecimal; anything else here would be a rule-file mistake.
        throw new IllegalStateException("规则累计结果不是十进制数 / accumulated value is not decimal: "
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
