package org.kaohe.records;

/** The project a target belongs to (targets.csv {@code project}); the first three are the speech's 三项工程. */
public enum Project implements CodedValue {
    QUALITY("素质工程"),
    RIGHTS("维权工程"),
    ASSISTANCE("帮扶工程"),
    ORGANIZATION("组织建设"),
    OFFICE("机关建设"),
    PUBLICITY("宣传"),
    OTHER("其他");

    private final String label;

    Project(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
