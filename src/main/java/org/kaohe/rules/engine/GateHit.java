package org.kaohe.rules.engine;

import java.util.List;

import org.kaohe.records.SourceRef;
import org.kaohe.records.SubjectType;
import org.kaohe.rules.book.GateEffect;

/**
 * A gate that applies to a subject: its grade is set to, or capped at, {@code grade} (a grade's
 * code or name), or it loses eligibility for the top grade; {@code veto} marks a one-vote veto.
 * {@code subject} is what triggered it, in Chinese ("党纪政务处分 ×1").
 */
public record GateHit(SubjectType subjectType, String subjectId, String rule, GateEffect effect, String grade,
                      boolean veto, String subject, List<SourceRef> evidence) {
    public GateHit {
        evidence = Evidence.sorted(evidence);
    }
}
