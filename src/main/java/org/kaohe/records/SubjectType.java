package org.kaohe.records;

/** Who is assessed: a cadre or a department (targets' {@code owner_type}, events' {@code subject_type}). */
public enum SubjectType implements CodedValue {
    CADRE("干部"),
    DEPARTMENT("部门");

    private final String label;

    SubjectType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
