package org.kaohe.scoring;

import java.util.List;

import org.kaohe.records.Period;

/** What evaluating one period's import with one rulebook version gives: every subject's result. */
public record EvaluationOutcome(Period period, long importId, String rulebookVersion, List<SubjectResult> subjects) {
    public EvaluationOutcome {
        subjects = List.copyOf(subjects);
    }
}
