package org.kaohe.rules;

import java.util.List;

import org.kaohe.records.SourceRef;
import org.kaohe.records.SubjectType;
import org.kaohe.scoring.Grade;

/**
 * A grade gate that applies to a subject: its grade is at most {@code cap}; a veto (一票否决)
 * sets it to 较差 whatever the score. {@code reason} is the Chinese explanation.
 */
public record GateHit(SubjectType subjectType, String subjectId, String rule, Grade cap, boolean veto,
                      String reason, List<SourceRef> evidence) {
    public GateHit {
        evidence = Evidence.sorted(evidence);
    }
}
