package org.kaohe.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** The rules' decimal arithmetic: one exact rounding, accumulated values, and numbers as reasons show them. */
class PointsTest {

    @Test
    void aQuotientIsTheExactValueRoundedHalfUpToTwoDecimals() {
        assertThat(Points.quotient(new BigDecimal("1"), new BigDecimal("8"))).isEqualTo(new BigDecimal("0.13"));
        assertThat(Points.quotient(new BigDecimal("-1"), new BigDecimal("8"))).isEqualTo(new BigDecimal("-0.13"));
        assertThat(Points.quotient(new BigDecimal("2"), new BigDecimal("3"))).isEqualTo(new BigDecimal("0.67"));
    }

    @Test
    void anAccumulatedSumOrCountIsADecimal_nothingIsZero_aDoubleIsRefused() {
        assertThat(Points.decimal(null)).isEqualByComparingTo("0");
        assertThat(Points.decimal(new BigDecimal("2.50"))).isEqualTo(new BigDecimal("2.50"));
        assertThat(Points.decimal(7L)).isEqualTo(BigDecimal.valueOf(7));
        assertThat(Points.decimal(3)).isEqualTo(BigDecimal.valueOf(3));
        assertThatThrownBy(() -> Points.decimal(0.5d)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("java.lang.Double");
    }

    @Test
    void aboveAndBelowAreStrict() {
        assertThat(Points.above(new BigDecimal("5.01"), new BigDecimal("5"))).isTrue();
        assertThat(Points.above(new BigDecimal("5.00"), new BigDecimal("5"))).isFalse();
        assertThat(Points.below(new BigDecimal("-0.01"), BigDecimal.ZERO)).isTrue();
        assertThat(Points.below(BigDecimal.ZERO, BigDecimal.ZERO)).isFalse();
        assertThat(Points.below(null, BigDecimal.ONE)).isTrue();
    }

    @Test
    void aNumberReadsWithoutTrailingZerosOrExponent_signedWithARealMinus() {
        assertThat(Points.plain(new BigDecimal("2.00"))).isEqualTo("2");
        assertThat(Points.plain(new BigDecimal("0.50"))).isEqualTo("0.5");
        assertThat(Points.plain(new BigDecimal("1E+2"))).isEqualTo("100");
        assertThat(Points.plain(new BigDecimal("100.00"))).isEqualTo("100");
        assertThat(Points.signed(new BigDecimal("2.00"))).isEqualTo("+2");
        assertThat(Points.signed(new BigDecimal("-0.50"))).isEqualTo("−0.5");
        assertThat(Points.signed(new BigDecimal("0.00"))).isEqualTo("0");
    }
}
