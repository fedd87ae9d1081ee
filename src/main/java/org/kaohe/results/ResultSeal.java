package org.kaohe.results;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.kaohe.records.SourceRef;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.SubjectResult;

/**
 * The seal of an evaluation run: a SHA-256 over every result and explanation line in a canonical text form.
 * It is stored with the run; recomputing it from the stored rows shows whether anybody changed a
 * published result afterwards.
 */
public final class ResultSeal {

    private ResultSeal() {}

    public static String of(String period, long importId, String rulebookVersion, List<SubjectResult> subjects) {
        MessageDigest digest = sha256();
        update(digest, period + "|" + importId + "|" + rulebookVersion);
        List<SubjectResult> ordered = subjects.stream()
                .sorted(Comparator.comparing((SubjectResult s) -> s.subjectType().name())
                        .thenComparing(SubjectResult::subjectId))
                .toList();
        for (SubjectResult s : ordered) {
            update(digest, String.join("|", s.subjectType().name(), s.subjectId(), s.name(), s.deptId(),
                    cents(s.score()), s.bandGrade().name(), s.gatedGrade().name(),
                    s.finalGrade().name(), Integer.toString(s.rank()), Boolean.toString(s.vetoed())));
            for (Map.Entry<String, java.math.BigDecimal> part : new TreeMap<>(s.parts()).entrySet()) {
                update(digest, part.getKey() + "=" + cents(part.getValue()));
            }
            for (ExplanationLine line : s.lines()) {
                update(digest, String.join("|", line.rule(), line.part(), cents(line.points()),
                        SealText.reason(line.reason()), evidenceText(line.evidence())));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Scores are stored with 2 decimals: the seal reads them the same way before and after storing. */
    private static String cents(java.math.BigDecimal value) {
        return value.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    public static String evidenceText(List<SourceRef> evidence) {
        return String.join(", ", evidence.stream().map(SourceRef::toString).toList());
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
