package org.kaohe.rules.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.kaohe.records.SourceRef;
import org.kaohe.records.SubjectType;
import org.kaohe.scoring.Reason;

/**
 * One contribution to a subject's score, inserted by a rule. Points are rounded to 2 decimals
 * (half up) here, when the line is made; a quotient reaches here already rounded exactly once
 * (see {@link Lines}). {@code rule} is the table row that gave the line ({@code parts.csv:3}).
 * {@code limit} marks a cap, floor or clamp line, which reads after the lines it limits.
 */
public record ScoreLine(SubjectType subjectType, String subjectId, String rule, String part, BigDecimal points,
                        Reason reason, List<SourceRef> evidence, boolean limit) {
    public ScoreLine {
        points = points.setScale(2, RoundingMode.HALF_UP);
        evidence = Evidence.sorted(evidence);
    }
}
