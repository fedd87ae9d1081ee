package org.kaohe.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical text of what a seal covers: one subject's stored result (without its lines) and,
 * separately, its explanation lines. Every field is written as {@code length:value}, so no value
 * can shift into its neighbour (a reason holding "|" or a newline reads the same before and after
 * storing). Amounts are written with 2 decimals, as they are stored.
 */
public final class SealText {

    private SealText() {}

    /** The result row and its parts: everything a results table shows of the subject. */
    public static String result(SubjectResult s) {
        StringBuilder out = new StringBuilder();
        field(out, s.subjectType().name());
        field(out, s.subjectId());
        field(out, s.name());
        field(out, s.deptId());
        field(out, cents(s.score()));
        field(out, s.bandGrade().name());
        field(out, s.gatedGrade().name());
        field(out, s.finalGrade().name());
        field(out, Integer.toString(s.rank()));
        field(out, Boolean.toString(s.vetoed()));
        for (Map.Entry<String, BigDecimal> part : new TreeMap<>(s.parts()).entrySet()) {
            field(out, part.getKey());
            field(out, cents(part.getValue()));
        }
        return out.toString();
    }

    /** The explanation lines in their order, with their position. */
    public static String lines(List<ExplanationLine> lines) {
        StringBuilder out = new StringBuilder();
        int seq = 0;
        for (ExplanationLine line : lines) {
            field(out, Integer.toString(++seq));
            field(out, line.rule());
            field(out, line.part());
            field(out, cents(line.points()));
            field(out, line.reason());
            field(out, ResultSeal.evidenceText(line.evidence()));
        }
        return out.toString();
    }

    /** Fields as {@code length:value;}, the canonical form of any list of strings. */
    public static String fields(String... values) {
        StringBuilder out = new StringBuilder();
        for (String value : values) {
            field(out, value);
        }
        return out.toString();
    }

    private static void field(StringBuilder out, String value) {
        String v = value == null ? "" : value;
        out.append(v.length()).append(':').append(v).append(';');
    }

    private static String cents(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
