package org.kaohe.scoring;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.kaohe.records.Period;
import org.kaohe.records.SubjectType;

/**
 * What evaluating one period's import with one rulebook version gives: every subject's result,
 * and the grade scales and part names the results are read with (stored with the run, so an old
 * run reads the same after the rulebook changes).
 */
public record EvaluationOutcome(Period period, long importId, String rulebookVersion, List<SubjectResult> subjects,
                                Map<SubjectType, GradeScale> gradeScales, List<PartLabel> parts) {
    public EvaluationOutcome {
        subjects = List.copyOf(subjects);
        gradeScales = Map.copyOf(gradeScales);
        parts = List.copyOf(parts);
    }

    /** An outcome graded on the default quarterly scale, with no part names recorded. */
    public EvaluationOutcome(Period period, long importId, String rulebookVersion, List<SubjectResult> subjects) {
        this(period, importId, rulebookVersion, subjects, defaultScales(), List.of());
    }

    private static Map<SubjectType, GradeScale> defaultScales() {
        Map<SubjectType, GradeScale> scales = new EnumMap<>(SubjectType.class);
        for (SubjectType type : SubjectType.values()) {
            scales.put(type, GradeScale.QUARTERLY);
        }
        return scales;
    }

    public GradeScale scale(SubjectType type) {
        return gradeScales.getOrDefault(type, GradeScale.QUARTERLY);
    }
}
