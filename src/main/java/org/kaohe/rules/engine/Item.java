package org.kaohe.rules.engine;

import java.util.List;

import org.kaohe.records.SourceRef;
import org.kaohe.records.SubjectType;

/**
 * Derived once: an item a subject has in the period — an event of events.csv, or one Kaohe finds
 * in other records (an organization without members, an overfulfilled key-work target). The
 * bonus, deduction and gate tables price and count items by kind and level. {@code prefix} and
 * {@code detail} word the item in a reason (组织「O1」…, 「note」, 「title」(完成 …)).
 */
public record Item(SubjectType subjectType, String subjectId, String kind, String level, int units,
                   boolean recorded, String prefix, String detail, List<SourceRef> evidence) {
    public Item {
        evidence = List.copyOf(evidence);
    }
}
