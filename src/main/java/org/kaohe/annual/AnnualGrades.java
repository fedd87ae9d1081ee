package org.kaohe.annual;

import org.kaohe.scoring.Grade;
import org.kaohe.scoring.GradeScale;

/** The grade an annual result has when the cadre is not graded (不定等次): outside every scale. */
public final class AnnualGrades {

    public static final String UNGRADED_CODE = "UNGRADED";

    private AnnualGrades() {}

    /** 不定等次, placed after the scale's grades. */
    public static Grade ungraded(GradeScale scale) {
        return new Grade(UNGRADED_CODE, "不定等次", scale.grades().size());
    }

    public static boolean graded(Grade grade) {
        return !UNGRADED_CODE.equals(grade.name());
    }

    /** A stored grade code read with the run's scale; 不定等次 by its code. */
    public static Grade byCode(GradeScale scale, String code) {
        return UNGRADED_CODE.equals(code) ? ungraded(scale) : scale.byCode(code);
    }
}
