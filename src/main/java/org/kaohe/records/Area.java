package org.kaohe.records;

/** Where a grassroots organization sits (organizations.csv {@code area}). */
public enum Area implements CodedValue {
    TOWNSHIP("乡镇"),
    VILLAGE("村"),
    STREET("街道"),
    COMMUNITY("社区");

    private final String label;

    Area(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
