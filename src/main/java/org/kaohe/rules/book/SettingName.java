package org.kaohe.rules.book;

import java.util.Arrays;
import java.util.Optional;

/**
 * The settings a rulebook must give (settings.csv), each once for all departments and optionally
 * again for one department type. Kaohe reads exactly these names, so an unknown name is a typo.
 */
public enum SettingName implements SettingSpec {
    LATE_FACTOR("逾期完成的目标按此系数计分", "0", "1", false),
    KEY_WORK_RATIO("重点工作完成值达到计划值的此倍数即为超额完成", "1", null, false),
    VOTE_WEIGHT_GOOD("民主测评\"好\"票折算分", "0", null, false),
    VOTE_WEIGHT_FAIR("民主测评\"较好\"票折算分", "0", null, false),
    VOTE_WEIGHT_AVERAGE("民主测评\"一般\"票折算分", "0", null, false),
    VOTE_WEIGHT_POOR("民主测评\"较差\"票折算分", "0", null, false),
    VOTE_SCALE("票折算分的满分(民主测评 = 满分 × 折算分合计 ÷ (此数 × 总票数))", "0.01", null, false),
    CADRE_SCORE_SCALE("干部得分的满分(干部平均得分部分 = 满分 × 平均分 ÷ 此数)", "0.01", null, false),
    SECRETARY_AGE_LIMIT("团组织书记年龄上限(超过即超龄)", "0", "150", true),
    FULL_MARKS_CADRE("干部各计分部分(加分、扣分除外)满分之和", "0.01", null, false),
    FULL_MARKS_DEPARTMENT("部门各计分部分(加分、扣分除外)满分之和", "0.01", null, false),
    SCORE_MIN("总分下限", null, null, false),
    SCORE_MAX("总分上限", null, null, false);

    private final Range range;

    SettingName(String meaning, String min, String max, boolean whole) {
        this.range = Range.of(meaning, min, max, whole);
    }

    @Override
    public Range range() {
        return range;
    }

    public static Optional<SettingName> of(String text) {
        return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(text.trim())).findFirst();
    }
}
