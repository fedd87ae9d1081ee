package org.kaohe.signals;

/** What a flag's figures measure, named in Chinese and English for every face. */
public enum Measure {
    GOOD_SHARE("\"好\"票占比", "share of good votes"),
    GOOD_SPREAD("各干部\"好\"票占比的标准差", "spread of the cadres' shares of good votes"),
    LEADER_MEAN("领导评价平均分", "mean leader rating"),
    LEADER_SPREAD("领导评价的标准差", "spread of the leader ratings"),
    FAR_OVER_SHARE("大幅超额完成的目标占比", "share of targets far over the plan"),
    EXACT_SHARE("恰好完成 100% 的目标占比", "share of targets done to exactly 100 %"),
    HOLDERS_BAND("最高等次获得者各季度得分的极差", "range of the top grade holders' scores"),
    DEDUCTED_SHARE("有扣分的部门占比", "share of departments with a deduction"),
    SCORE_CHANGE("得分较上一季度的变化", "change of score from the quarter before");

    private final String chinese;
    private final String english;

    Measure(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    public String chinese() {
        return chinese;
    }

    public String english() {
        return english;
    }

    public String label(boolean english) {
        return english ? this.english : chinese;
    }
}
