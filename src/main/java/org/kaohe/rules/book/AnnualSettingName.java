package org.kaohe.rules.book;

import java.util.Arrays;
import java.util.Optional;

/**
 * The settings annual-settings.csv must give, each exactly once. Kaohe reads exactly these names,
 * so an unknown name is a typo.
 */
public enum AnnualSettingName implements SettingSpec {
    QUARTERLY_WEIGHT("平时考核 Q = 此系数 × 季度得分平均", "0", "10", false),
    APPRAISAL_MAX("年度民主测评 E 的满分", "0", "1000", false),
    VOTE_WEIGHT_EXCELLENT("\"优秀\"票折算分", "0", null, false),
    VOTE_WEIGHT_COMPETENT("\"称职\"票折算分", "0", null, false),
    VOTE_WEIGHT_BASIC("\"基本称职\"票折算分", "0", null, false),
    VOTE_WEIGHT_INCOMPETENT("\"不称职\"票折算分", "0", null, false),
    VOTE_SCALE("票折算分的满分(E = 满分 × 折算分合计 ÷ (此数 × 总票数))", "0.01", null, false),
    MIN_QUARTERS("有季度结果的季度少于此数为不定等次", "1", "4", true);

    private final Range range;

    AnnualSettingName(String meaning, String min, String max, boolean whole) {
        this.range = Range.of(meaning, min, max, whole);
    }

    @Override
    public Range range() {
        return range;
    }

    public static Optional<AnnualSettingName> of(String text) {
        return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(text.trim())).findFirst();
    }
}
