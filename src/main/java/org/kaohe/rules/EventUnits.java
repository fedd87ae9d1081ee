package org.kaohe.rules;

import java.util.List;

import org.kaohe.records.SourceRef;
import org.kaohe.records.SubjectType;

/** Derived once: the units (sum of {@code count}) of one kind of event of one subject, for the grade gates. */
public record EventUnits(SubjectType subjectType, String subjectId, String kind, int units,
                         List<SourceRef> evidence) {
    public EventUnits {
        evidence = Evidence.sorted(evidence);
    }
}
