package org.kaohe.rules.book;

import org.kaohe.records.CodedValue;

/**
 * The warning signals (预警) of signals.csv: patterns in the records that the scores cannot show.
 * They are advisory: no signal enters a score, a grade or a seal.
 */
public enum SignalKind implements CodedValue {
    /** 测评一边倒: nearly every appraisal vote is 好, or every cadre of a department gets nearly the same share. */
    UNIFORM_APPRAISAL("测评一边倒", "uniform appraisal", false),
    /** 领导评价趋同: a department's leader ratings all near the top, or all alike. */
    LEADER_RATINGS("领导评价趋同", "leader ratings alike", false),
    /** 目标偏软: far more targets over-fulfilled, or completed to exactly 100 %, than in the city. */
    SOFT_TARGETS("目标偏软", "soft targets", false),
    /** 轮流坐庄: the top grade passed round a department's cadres while their scores stay in a narrow band. */
    ROTATION("轮流坐庄", "top grade in turns", true),
    /** 零扣分: a department with no deduction through the year while most of the city has some. */
    SILENCE("零扣分", "no deductions", true),
    /** 分数突变: a cadre's score moving far more from one quarter to the next than the city's do. */
    JUMPS("分数突变", "score jump", false);

    private final String label;
    private final String english;
    private final boolean yearOnly;

    SignalKind(String label, String english, boolean yearOnly) {
        this.label = label;
        this.english = english;
        this.yearOnly = yearOnly;
    }

    /** The signal's name in English, for the English pages and answers. */
    public String english() {
        return english;
    }

    @Override
    public String label() {
        return label;
    }

    /** True for a signal that needs several quarters of one year (a single period cannot show it). */
    public boolean yearOnly() {
        return yearOnly;
    }
}
