package org.kaohe.rules.engine;

import java.util.List;

import org.kaohe.records.SourceRef;
import org.kaohe.rules.book.GateEffect;

/**
 * Derived once: a cadre with fewer appraisal votes than a participation rule asks for, and what
 * that rule does (appraisal part to zero; an effect on the grade).
 */
public record LowParticipation(String subjectId, int votes, int minVotes, boolean zeroAppraisal, GateEffect effect,
                               String grade, String rule, List<SourceRef> evidence) {
    public LowParticipation {
        evidence = List.copyOf(evidence);
    }
}
