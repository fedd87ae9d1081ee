package org.kaohe.rules.book;

import org.kaohe.records.CodedValue;

/** How a grade's quota is given: a share of the group, a fixed number, or none. */
public enum QuotaKind implements CodedValue {
    SHARE("比例"),
    COUNT("人数"),
    NONE("不限");

    private final String label;

    QuotaKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
