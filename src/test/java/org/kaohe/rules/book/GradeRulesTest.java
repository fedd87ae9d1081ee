package org.kaohe.rules.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.kaohe.scoring.Grade;

/** The grade table of one subject type: bands by lowest score, and quotas by share, count and rounding. */
class GradeRulesTest {

    private static GradeRow row(int line, String code, String min, QuotaKind quota, String value, int quotaMin,
                                Rounding rounding) {
        return new GradeRow(new RowRef("grades.csv", line), null, code, code.toLowerCase(), "",
                min == null ? null : new BigDecimal(min), quota, value == null ? null : new BigDecimal(value), quotaMin,
                rounding, null);
    }

    /** A top grade with a share quota of {@code share}, at least {@code min}, rounded as given; then two grades. */
    private static GradeRules shareOf(String share, int min, Rounding rounding) {
        return new GradeRules(List.of(row(2, "TOP", "90", QuotaKind.SHARE, share, min, rounding),
                row(3, "MID", "60", QuotaKind.NONE, null, 0, Rounding.HALF_UP),
                row(4, "LOW", null, QuotaKind.NONE, null, 0, Rounding.HALF_UP)));
    }

    @Test
    void aScoreHasTheFirstGradeWhoseLowestScoreItReaches_elseTheLast() {
        GradeRules rules = shareOf("0.40", 1, Rounding.HALF_UP);

        assertThat(rules.band(new BigDecimal("90.00")).name()).isEqualTo("TOP");
        assertThat(rules.band(new BigDecimal("89.99")).name()).isEqualTo("MID");
        assertThat(rules.band(new BigDecimal("60")).name()).isEqualTo("MID");
        assertThat(rules.band(new BigDecimal("59.99")).name()).isEqualTo("LOW");
        assertThat(rules.band(new BigDecimal("-5")).name()).isEqualTo("LOW");
        assertThat(rules.scale().grades()).extracting(Grade::name).containsExactly("TOP", "MID", "LOW");
        assertThat(rules.row(rules.scale().lowest()).ref()).isEqualTo(new RowRef("grades.csv", 4));
    }

    @Test
    void aShareQuotaIsRoundedAsItsRoundingColumnSays() {
        Grade top = shareOf("0.25", 0, Rounding.HALF_UP).scale().top();

        // 0.25 × 6 = 1.5; 0.25 × 5 = 1.25
        assertThat(shareOf("0.25", 0, Rounding.HALF_UP).quota(top, 6)).isEqualTo(OptionalInt.of(2));
        assertThat(shareOf("0.25", 0, Rounding.FLOOR).quota(top, 6)).isEqualTo(OptionalInt.of(1));
        assertThat(shareOf("0.25", 0, Rounding.CEILING).quota(top, 5)).isEqualTo(OptionalInt.of(2));
        assertThat(shareOf("0.25", 0, Rounding.HALF_UP).quota(top, 5)).isEqualTo(OptionalInt.of(1));
    }

    @Test
    void aQuotaIsNeverBelowItsMinimum_andAGradeWithoutQuotaHasNone() {
        GradeRules rules = shareOf("0.10", 2, Rounding.HALF_UP);
        Grade top = rules.scale().top();

        assertThat(rules.quota(top, 3)).isEqualTo(OptionalInt.of(2));
        assertThat(rules.quota(top, 40)).isEqualTo(OptionalInt.of(4));
        assertThat(rules.quota(rules.scale().below(top), 40)).isEmpty();
    }

    @Test
    void aCountQuotaIsItsNumberWhateverTheGroupsSize_atLeastItsMinimum() {
        GradeRules rules = new GradeRules(List.of(row(2, "TOP", "90", QuotaKind.COUNT, "3", 0, Rounding.HALF_UP),
                row(3, "LOW", null, QuotaKind.NONE, null, 0, Rounding.HALF_UP)));
        GradeRules atLeastFive = new GradeRules(List.of(row(2, "TOP", "90", QuotaKind.COUNT, "3", 5, Rounding.HALF_UP),
                row(3, "LOW", null, QuotaKind.NONE, null, 0, Rounding.HALF_UP)));

        assertThat(rules.quota(rules.scale().top(), 100)).isEqualTo(OptionalInt.of(3));
        assertThat(rules.quota(rules.scale().top(), 1)).isEqualTo(OptionalInt.of(3));
        assertThat(atLeastFive.quota(atLeastFive.scale().top(), 100)).isEqualTo(OptionalInt.of(5));
    }
}
