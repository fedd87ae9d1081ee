package org.kaohe.rules.engine;

import java.util.List;

import org.kaohe.records.SourceRef;
import org.kaohe.records.SubjectType;
import org.kaohe.rules.book.GateEffect;

/**
 * A gate that applies to a subject: its grade is set to, or capped at, {@code grade} (a grade's
 * code or name), or it loses eligibility for the top grade; {@code veto} marks a one-vote veto.
 * {@code trigger} is what set it off: {@code items} (args: the kind's name and its units) or
 * {@code votes} (args: the votes and the minimum), which the line's reason quotes.
 */
public record GateHit(SubjectType subjectType, String subjectId, String rule, GateEffect effect, String grade,
                      boolean veto, String trigger, List<String> triggerArgs, List<SourceRef> evidence) {
    public GateHit {
        triggerArgs = List.copyOf(triggerArgs);
        evidence = Evidence.sorted(evidence);
    }
}
