package org.kaohe.annual;

import java.util.List;
import java.util.Map;

import org.kaohe.records.Period;
import org.kaohe.records.SourceRef;
import org.kaohe.records.SubjectType;
import org.kaohe.results.RunSealer;
import org.kaohe.scoring.GradeScale;
import org.kaohe.scoring.SubjectResult;

/**
 * One quarter as the annual assessment reads it: its current run (id, period), every subject's
 * stored result with the grade scales the run stored (final grades in the run's own codes), and, per subject key ({@code CADRE/C0001}),
 * the kinds of item its records held with the rows that held them (events.csv:N).
 */
public record QuarterInput(long runId, Period period, List<SubjectResult> subjects, Map<SubjectType, GradeScale> scales,
                           Map<String, Map<String, List<SourceRef>>> kinds) {

    public QuarterInput {
        subjects = List.copyOf(subjects);
        scales = Map.copyOf(scales);
        kinds = Map.copyOf(kinds);
    }

    /** One quarter is one input: compared by identity (its lists are large and never compared). */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    /** A subject's key ({@code CADRE/C0001}): the one the run's seals and rows use. */
    static String key(SubjectType type, String id) {
        return RunSealer.subjectKey(type, id);
    }

    /** The rows of {@code kind} the subject had in the quarter (none: empty). */
    List<SourceRef> items(SubjectType type, String id, String kind) {
        return kinds.getOrDefault(key(type, id), Map.of()).getOrDefault(kind, List.of());
    }
}
