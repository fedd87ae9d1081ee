package org.kaohe.annual;

import java.util.List;
import java.util.Map;

import org.kaohe.records.SubjectType;
import org.kaohe.scoring.GradeScale;
import org.kaohe.scoring.SubjectResult;

/**
 * What evaluating a year gives: every cadre's and department's annual result (a cadre not graded
 * has the grade {@link AnnualGrades#UNGRADED} and rank 0), the annual grade scales, and what was read.
 */
public record AnnualOutcome(int year, long appraisalImportId, String quarterRuns, String rulebookVersion,
                            List<SubjectResult> subjects, Map<SubjectType, GradeScale> scales) {
    public AnnualOutcome {
        subjects = List.copyOf(subjects);
        scales = Map.copyOf(scales);
    }
}
