package org.kaohe.scoring;

/**
 * A grade of a rulebook's grade scale (grades.csv): its code (GOOD, EXCELLENT, …; what runs
 * store), its Chinese name (好, 优秀, …; what people read) and its place in the scale, 0 being the
 * best. Grades of one scale compare by that place.
 */
public record Grade(String name, String label, int order) {

    /** The worse of two grades of one scale. */
    public Grade atMost(Grade cap) {
        return order >= cap.order ? this : cap;
    }

    /** True when this grade is worse than {@code other}. */
    public boolean worseThan(Grade other) {
        return order > other.order;
    }
}
