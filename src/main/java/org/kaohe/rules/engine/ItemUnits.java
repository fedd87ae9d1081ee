package org.kaohe.rules.engine;

import java.util.List;

import org.kaohe.records.SourceRef;
import org.kaohe.records.SubjectType;

/** Derived once: the units of one kind of item of one subject in the period, for the gates. */
public record ItemUnits(SubjectType subjectType, String subjectId, String kind, int units, List<SourceRef> evidence) {
    public ItemUnits {
        evidence = Evidence.sorted(evidence);
    }
}
