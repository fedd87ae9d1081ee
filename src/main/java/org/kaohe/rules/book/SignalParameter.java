package org.kaohe.rules.book;

import static org.kaohe.rules.book.SignalKind.JUMPS;
import static org.kaohe.rules.book.SignalKind.LEADER_RATINGS;
import static org.kaohe.rules.book.SignalKind.ROTATION;
import static org.kaohe.rules.book.SignalKind.SILENCE;
import static org.kaohe.rules.book.SignalKind.SOFT_TARGETS;
import static org.kaohe.rules.book.SignalKind.UNIFORM_APPRAISAL;

/**
 * The thresholds signals.csv must give, each exactly once, each belonging to one signal. Kaohe reads
 * exactly these names, so an unknown name is a typo.
 */
public enum SignalParameter implements SettingSpec {
    UNIFORM_MIN_CADRES(UNIFORM_APPRAISAL, "部门中有测评票的干部少于此数时不判断 / fewer cadres with votes: not judged", "2", "10000", true),
    UNIFORM_GOOD_SHARE(UNIFORM_APPRAISAL, "部门\"好\"票占比达到此值即提示 / flag a department whose share of 好 votes reaches this", "0", "1", false),
    UNIFORM_MAX_SPREAD(UNIFORM_APPRAISAL, "部门各干部\"好\"票占比的标准差不超过此值即提示 / flag a department whose cadres' shares of 好 differ by at most this standard deviation", "0", "1", false),
    LEADER_MIN_CADRES(LEADER_RATINGS, "部门中有领导评价的干部少于此数时不判断 / fewer cadres rated: not judged", "2", "10000", true),
    LEADER_HIGH_MEAN(LEADER_RATINGS, "部门领导评价平均分达到此值即提示 / flag a department whose mean leader rating reaches this", "0", "100", false),
    LEADER_MAX_SPREAD(LEADER_RATINGS, "部门领导评价的标准差不超过此值即提示 / flag a department whose leader ratings' standard deviation is at most this", "0", "100", false),
    SOFT_MIN_TARGETS(SOFT_TARGETS, "部门(含其干部)目标少于此数时不判断 / fewer targets: not judged", "1", "100000", true),
    SOFT_RATIO(SOFT_TARGETS, "实际完成达到计划的此倍数即算大幅超额 / actual at least this many times the plan counts as far over", "1", "1000", false),
    SOFT_MARGIN(SOFT_TARGETS, "部门大幅超额或恰好完成的目标占比高出全市此值即提示 / flag a department whose share is this far above the city's", "0", "1", false),
    ROTATION_MIN_HOLDERS(ROTATION, "一年中获得最高等次的不同干部至少此数 / at least this many different cadres held the top grade in the year", "2", "100", true),
    ROTATION_BAND(ROTATION, "这些干部各季度得分的极差不超过此分数即提示 / flag when their scores over the quarters lie within this many points", "0", "1000", false),
    SILENCE_CITY_RATE(SILENCE, "全市有扣分的部门占比达到此值时,没有任何扣分的部门即提示 / flag a department with no deduction when this share of the city's departments have one", "0", "1", false),
    JUMP_SIGMAS(JUMPS, "干部得分较上一季度的变化超过全市变化标准差的此倍数即提示 / flag a cadre whose change from the quarter before exceeds this many of the city's standard deviations", "0.5", "100", false),
    JUMP_MIN_POINTS(JUMPS, "且变化至少此分数 / and at least this many points", "0", "1000", false);

    private final SignalKind signal;
    private final Range range;

    SignalParameter(SignalKind signal, String meaning, String min, String max, boolean whole) {
        this.signal = signal;
        this.range = Range.of(meaning, min, max, whole);
    }

    public SignalKind signal() {
        return signal;
    }

    @Override
    public Range range() {
        return range;
    }
}
