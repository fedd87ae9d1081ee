package org.kaohe.reference;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.kaohe.records.SubjectType;

/**
 * The reference oracle's result for one cadre or department.
 *
 * <p>{@code parts} follows the rulebook's notation: cadres T, A, L, B, D; departments T, O, C, B, D;
 * D is the deduction as a positive amount (S = T + A + L + B − D), B is after its cap, O after its
 * floor; a CLAMP entry is present only when the [0, 105] clamp changed the score. Every amount has
 * scale 2. Grades are the Chinese labels 好 / 较好 / 一般 / 较差: by score band, after gates and veto,
 * and final (after the quota). The rank is within the department for a cadre, city-wide for a
 * department. {@code lines} are the signed contributions (deductions negative) that add up to the score.
 */
public record ReferenceResult(SubjectType subjectType, String id, BigDecimal score, Map<String, BigDecimal> parts,
                              String bandGrade, String gatedGrade, String finalGrade, int rank, boolean vetoed,
                              List<Line> lines) {

    public ReferenceResult {
        parts = Map.copyOf(parts);
        lines = List.copyOf(lines);
    }

    public BigDecimal part(String code) {
        return parts.getOrDefault(code, BigDecimal.ZERO.setScale(2));
    }

    /** One contribution: the part it belongs to, a short rule name, and its points (2 decimals, signed). */
    public record Line(String part, String rule, BigDecimal points) {}
}
