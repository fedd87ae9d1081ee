package org.kaohe.rules;

import org.kaohe.records.EventKinds;
import org.kaohe.scoring.Grade;
import org.kie.api.runtime.rule.RuleContext;

/** The grade gates the veto and grade-cap tables raise (RULEBOOK §4.2, §5 grade). */
public final class Gates {

    private Gates() {}

    /** 一票否决: the grade is {@code grade} (较差 in the default rulebook) whatever the score. */
    public static GateHit veto(RuleContext rule, EventUnits units, Grade grade) {
        String reason = EventKinds.kindLabel(units.kind()) + " ×" + units.units() + ":一票否决,等次定为"
                + grade.label();
        return new GateHit(units.subjectType(), units.subjectId(), rule.getRule().getName(), grade, true,
                reason, units.evidence());
    }

    /** The grade is at most {@code cap}. */
    public static GateHit cap(RuleContext rule, EventUnits units, Grade cap) {
        String effect = cap == Grade.POOR ? "等次定为" + cap.label() : "等次最高为" + cap.label();
        String reason = EventKinds.kindLabel(units.kind()) + " ×" + units.units() + ":" + effect;
        return new GateHit(units.subjectType(), units.subjectId(), rule.getRule().getName(), cap, false,
                reason, units.evidence());
    }
}
