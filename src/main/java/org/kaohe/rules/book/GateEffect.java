package org.kaohe.rules.book;

import org.kaohe.records.CodedValue;

/** What a gate (or a one-vote veto) does to a grade. */
public enum GateEffect implements CodedValue {
    /**
     * 定为: the grade is the one given whatever the score — in practice the lowest grade, for a
     * veto. Like every gate it only ever lowers a grade: a subject whose score band is already
     * lower keeps its band.
     */
    SET("定为"),
    /** 最高为: the grade is at most the one given. */
    CAP("最高为"),
    /** 取消评优资格: not eligible for the top grade (at most the second grade). */
    NO_TOP("取消评优资格");

    private final String label;

    GateEffect(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
