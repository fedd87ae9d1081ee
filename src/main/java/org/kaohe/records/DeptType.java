package org.kaohe.records;

/** Department type (docs/scheme.md, departments.csv {@code type}). */
public enum DeptType implements CodedValue {
    TRADE_UNION("工会"),
    YOUTH_LEAGUE("共青团"),
    WOMENS_FEDERATION("妇联"),
    SCIENCE_ASSOCIATION("科协"),
    DISABLED_FEDERATION("残联"),
    OTHER("其他");

    private final String label;

    DeptType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
