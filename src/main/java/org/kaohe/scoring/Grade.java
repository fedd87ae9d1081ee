package org.kaohe.scoring;

/** Quarterly grades 平时考核等次, best first. */
public enum Grade {
    GOOD("好"),
    FAIR("较好"),
    AVERAGE("一般"),
    POOR("较差");

    private final String label;

    Grade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The worse of two grades (gates only ever lower a grade). */
    public Grade atMost(Grade cap) {
        return ordinal() >= cap.ordinal() ? this : cap;
    }

    public static Grade fromLabel(String label) {
        for (Grade g : values()) {
            if (g.label.equals(label) || g.name().equalsIgnoreCase(label)) {
                return g;
            }
        }
        throw new IllegalArgumentException("未知等次 / unknown grade: " + label);
    }
}
