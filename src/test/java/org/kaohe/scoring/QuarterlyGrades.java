package org.kaohe.scoring;

/** The default rulebook's quarterly grades, for tests that name them. */
public final class QuarterlyGrades {

    public static final Grade GOOD = GradeScale.QUARTERLY.grades().get(0);
    public static final Grade FAIR = GradeScale.QUARTERLY.grades().get(1);
    public static final Grade AVERAGE = GradeScale.QUARTERLY.grades().get(2);
    public static final Grade POOR = GradeScale.QUARTERLY.grades().get(3);

    private QuarterlyGrades() {}
}
