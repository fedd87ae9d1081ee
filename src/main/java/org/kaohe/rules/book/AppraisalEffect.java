package org.kaohe.rules.book;

import org.kaohe.records.CodedValue;

/** What a participation rule does to the appraisal part of a cadre with too few votes. */
public enum AppraisalEffect implements CodedValue {
    ZERO("计0分"),
    KEEP("照常计分");

    private final String label;

    AppraisalEffect(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
