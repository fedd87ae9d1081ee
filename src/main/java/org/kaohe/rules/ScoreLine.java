package org.kaohe.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.kaohe.records.SourceRef;
import org.kaohe.records.SubjectType;

/**
 * One contribution to a subject's score, inserted by a rule. Points are rounded to 2 decimals
 * (half up) here, when the line is made, as RULEBOOK §3 requires; the score is the sum of lines.
 */
public record ScoreLine(SubjectType subjectType, String subjectId, String rule, String part, BigDecimal points,
                        String reason, List<SourceRef> evidence) {
    public ScoreLine {
        points = points.setScale(2, RoundingMode.HALF_UP);
        evidence = Evidence.sorted(evidence);
    }
}
