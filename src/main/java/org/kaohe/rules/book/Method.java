package org.kaohe.rules.book;

import org.kaohe.records.CodedValue;

/**
 * How a scored part gets its points. The methods are Kaohe's; a leader chooses one per part in
 * parts.csv and sets its maximum. Formulas in docs/scheme.md.
 */
public enum Method implements CodedValue {
    /** max × w / Σw × min(actual / planned, 1), × LATE_FACTOR when done late; one line per target. */
    TARGETS("目标任务加权"),
    /** max × Σ(vote weight × votes) / (VOTE_SCALE × votes); cadres only. */
    APPRAISAL("民主测评"),
    /** max × leader_score / 100; cadres only. */
    LEADER_RATING("领导评价"),
    /** Starts at max, minus the deduction rows that name this part, never below 0. */
    BASE_MINUS("基础分减扣分"),
    /** max × (mean score of the department's cadres) / CADRE_SCORE_SCALE; departments only. */
    CADRE_MEAN("干部平均得分"),
    /** The bonus rows that name this part, their sum capped at max. */
    BONUS("加分"),
    /** The deduction rows that name this part; capped at max when a max is given. */
    DEDUCTION("扣分");

    private final String label;

    Method(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Parts whose maxima make up the full marks (FULL_MARKS): every method but bonus and deduction. */
    public boolean countsTowardFullMarks() {
        return this != BONUS && this != DEDUCTION;
    }
}
