package org.kaohe.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.ReasonText;
import org.kaohe.scoring.SubjectResult;

/**
 * The note of an {@code expected.csv} row when the product writes it: generated from the subject's
 * lines, so the numbers it states are the lines' own and cannot contradict them, and marked
 * {@value #RECHECK} until a person who checked the new result edits it.
 */
final class CaseNotes {

    /** What a note accepted from a draft's results starts with, until a person edits it. */
    static final String RECHECK = "待核对 / to re-check";

    private CaseNotes() {}

    static boolean toRecheck(String note) {
        return note.strip().startsWith("待核对");
    }

    /**
     * The accepted note: the marker, then each part the case checks ({@code parts}; every part when
     * empty) with its lines' points ({@code T 40 + 8}) or, for the grade, their words; then the score
     * and the grade when the row states them. Nothing the case does not check, which could go stale.
     */
    static String accepted(SubjectResult result, Set<String> parts, boolean score, boolean grade) {
        Map<String, List<ExplanationLine>> byPart = new LinkedHashMap<>();
        for (ExplanationLine line : result.lines()) {
            if (parts.isEmpty() || parts.contains(line.part())) {
                byPart.computeIfAbsent(line.part(), p -> new ArrayList<>()).add(line);
            }
        }
        List<String> items = new ArrayList<>();
        byPart.forEach((part, lines) -> items.add(part + " " + (part.equals(ExplanationLine.GRADE_PART)
                ? String.join(";", lines.stream().map(l -> ReasonText.chinese(l.reason())).toList())
                : String.join(" + ", lines.stream().map(l -> plain(l.points())).toList()))));
        String stated = (score ? " " + result.score().toPlainString() : "") + (grade ? " " + result.finalGrade().label() : "");
        return RECHECK + ": " + String.join("; ", items) + (stated.isEmpty() ? "" : " =" + stated);
    }

    private static String plain(BigDecimal points) {
        return points.stripTrailingZeros().toPlainString();
    }
}
