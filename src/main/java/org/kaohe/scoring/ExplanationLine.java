package org.kaohe.scoring;

import java.math.BigDecimal;
import java.util.List;

import org.kaohe.records.SourceRef;

/**
 * One contribution to a subject's score: the rule that made it, the part it belongs to (T, A, L,
 * B, D for cadres; T, O, C, B, D for departments; CLAMP for the [0, 105] clamp; GRADE for gate,
 * veto and quota lines, which carry 0 points), the points (2 decimals), the reason (typed, worded
 * when shown: {@link ReasonText}) and the source rows it used. A subject's lines add up to its
 * score exactly.
 */
public record ExplanationLine(String rule, String part, BigDecimal points, Reason reason, List<SourceRef> evidence) {

    /** The part of the 0-point lines that say why a grade differs from its score band (gate, veto, quota). */
    public static final String GRADE_PART = EnginePart.GRADE.code();

    public ExplanationLine {
        evidence = List.copyOf(evidence);
    }

    /**
     * What stands for a subject's lines whose stored text cannot be read (someone edited it by
     * hand): its digest differs from the sealed one, so every check reports the lines as altered.
     */
    public static ExplanationLine unreadable() {
        return new ExplanationLine("UNREADABLE", "", BigDecimal.ZERO.setScale(2), Reason.of("line.unreadable"), List.of());
    }
}
