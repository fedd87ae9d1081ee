package org.kaohe.results;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.kaohe.audit.SealKey;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.Reason;
import org.kaohe.scoring.SubjectResult;

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

    /**
     * The explanation lines in their order, with their position. A line with a frozen reason (runs
     * stored before reasons were typed) reads {@code seq, rule, part, points, text, evidence}, as
     * it always did, so their seals still hold. A typed line starts with {@code t} and its
     * position, and writes its key, the number of its arguments and each argument ({@code s} and
     * the text, or {@code r} and the clause written the same way): since every field carries its
     * length, the text parses back into one list of lines only, and no frozen line can pass for a
     * typed one.
     */
    public static String lines(List<ExplanationLine> lines) {
        StringBuilder out = new StringBuilder();
        int seq = 0;
        for (ExplanationLine line : lines) {
            Reason reason = line.reason();
            field(out, (reason.isFrozen() ? "" : "t") + ++seq);
            field(out, line.rule());
            field(out, line.part());
            field(out, cents(line.points()));
            if (reason.isFrozen()) {
                field(out, reason.frozenText());
            } else {
                typed(out, reason);
            }
            field(out, ResultSeal.evidenceText(line.evidence()));
        }
        return out.toString();
    }

    /** A reason as one canonical text: a frozen one as its text, a typed one as its fields. */
    public static String reason(Reason reason) {
        if (reason.isFrozen()) {
            return reason.frozenText();
        }
        StringBuilder out = new StringBuilder("t");
        typed(out, reason);
        return out.toString();
    }

    private static void typed(StringBuilder out, Reason reason) {
        field(out, reason.key());
        field(out, Integer.toString(reason.args().size()));
        for (Object arg : reason.args()) {
            if (arg instanceof Reason clause) {
                field(out, "r");
                typed(out, clause);
            } else {
                field(out, "s" + arg);
            }
        }
    }

    /** Fields as {@code length:value;}, the canonical form of any list of strings. */
    public static String fields(String... values) {
        return SealKey.fields(values);
    }

    private static void field(StringBuilder out, String value) {
        String v = value == null ? "" : value;
        out.append(v.length()).append(':').append(v).append(';');
    }

    private static String cents(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
