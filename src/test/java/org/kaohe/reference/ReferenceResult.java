package org.kaohe.reference;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kaohe.records.SubjectType;

/**
 * The reference oracle's result for one cadre or department.
 *
 * <p>{@code parts} holds every part of the subject's view by code (cadres T, A, L, B, D in the
 * default book; departments T, O, C, B, D): a deduction part (its code in {@code deductions}) as a
 * positive amount (S = T + A + L + B − D), a bonus part after its cap, a base-minus part after its
 * floor; a CLAMP entry is present only when the clamp changed the score. Every amount has scale 2.
 * Grades are the grade table's names (好 / 较好 / 一般 / 较差 in the default book): by score band,
 * after gates and veto, and final (after the quota). The rank is within the department for a
 * cadre, city-wide for a department. {@code lines} are the signed contributions (deductions
 * negative) that add up to the score.
 */
public record ReferenceResult(SubjectType subjectType, String id, BigDecimal score, Map<String, BigDecimal> parts,
                              Set<String> deductions, String bandGrade, String gatedGrade, String finalGrade, int rank, boolean vetoed,
                              List<Line> lines) {

    public ReferenceResult {
        parts = Map.copyOf(parts);
        deductions = Set.copyOf(deductions);
        lines = List.copyOf(lines);
    }

    public BigDecimal part(String code) {
        return parts.getOrDefault(code, BigDecimal.ZERO.setScale(2));
    }

    /** A part's amount as the engine sums it: a deduction part negative. */
    public BigDecimal signedPart(String code) {
        return deductions.contains(code) ? part(code).negate() : part(code);
    }

    /** One contribution: the part it belongs to, a short rule name, and its points (2 decimals, signed). */
    public record Line(String part, String rule, BigDecimal points) {}
}
