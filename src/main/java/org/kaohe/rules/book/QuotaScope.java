package org.kaohe.rules.book;

import org.kaohe.records.CodedValue;
import org.kaohe.records.SubjectType;

/**
 * Where an annual quota counts (annual-grades.csv, 名额范围): among the graded cadres of each
 * department, or among all graded subjects of the city. Ranks are counted in the same group. An
 * empty cell keeps what the scheme has always done: cadres per department, departments city-wide.
 */
public enum QuotaScope implements CodedValue {
    DEPT("部门内"),
    CITY("全市");

    private final String label;

    QuotaScope(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** The scope an empty cell stands for. */
    public static QuotaScope defaultFor(SubjectType type) {
        return type == SubjectType.CADRE ? DEPT : CITY;
    }
}
