package org.kaohe.scoring;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kaohe.records.SubjectType;

/**
 * The outcome for one cadre or department: score, parts (part code to points), the grade by score
 * band, after gates and veto, and final (after quota), the rank (within the department for a
 * cadre, city-wide for a department), whether a one-vote veto applied, and the explanation lines.
 */
public record SubjectResult(SubjectType subjectType, String subjectId, String name, String deptId,
                            BigDecimal score, Map<String, BigDecimal> parts, Grade bandGrade,
                            Grade gatedGrade, Grade finalGrade, int rank, boolean vetoed,
                            List<ExplanationLine> lines) {
    public SubjectResult {
        parts = Collections.unmodifiableMap(new LinkedHashMap<>(parts)); // keeps the parts' order for display
        lines = List.copyOf(lines);
    }
}
