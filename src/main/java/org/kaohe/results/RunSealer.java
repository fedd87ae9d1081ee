package org.kaohe.results;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

import org.kaohe.audit.SealKey;
import org.kaohe.records.SubjectType;
import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.GradeScale;
import org.kaohe.scoring.PartLabel;
import org.kaohe.scoring.SubjectResult;
import org.springframework.stereotype.Component;

/**
 * How a run is sealed under the {@link SealKey}, designed so that checking one subject costs one
 * subject:
 * <ul>
 * <li>each subject row carries its own seal: an HMAC over the run's header (run id, period, import,
 *     rulebook, who ran it and when, how many subjects), the subject's result and parts, a SHA-256
 *     digest of its explanation lines (stored beside it) and the key of the previous subject;</li>
 * <li>subjects are chained in a fixed order (type, then id), the first pointing at the last, so a
 *     deleted row is named by the row that points at it;</li>
 * <li>the run's own seal is an HMAC over the header and every subject's seal in that order.</li>
 * </ul>
 * A results table checks its rows with the stored line digests (no lines read); a subject page or
 * {@code explain} also recomputes the digest from the lines it shows. Quarterly and annual runs
 * differ only in their {@link Header}; the chain is written by {@link RunChainWriter} and checked by
 * {@link RunChainChecker} for both.
 */
@Component
public class RunSealer {

    /** Seals made by this class. Runs stored before it have {@link #LEGACY_SCHEME}. */
    public static final String SCHEME = "HMAC-SHA256";
    /** A plain SHA-256 over the whole run, which anyone able to edit the tables can recompute. */
    public static final String LEGACY_SCHEME = "SHA256";

    /** The order of the chain: by subject type, then id (Java string order, whatever the database's collation). */
    public static final Comparator<SubjectResult> ORDER = chainOrder(SubjectResult::subjectType, SubjectResult::subjectId);

    /** {@link #ORDER} for anything that names a subject by its type and id. */
    public static <T> Comparator<T> chainOrder(java.util.function.Function<T, SubjectType> type,
                                               java.util.function.Function<T, String> id) {
        return Comparator.comparing((T s) -> type.apply(s).name()).thenComparing(id);
    }

    /** What of a run's row every seal of the run covers, as canonical text. */
    public interface Header {
        String text();
    }

    /** What of the run row every seal covers. */
    public record RunHeader(long runId, String period, long importId, String rulebookVersion, String runBy,
                            Instant startedAt, int subjectCount) implements Header {
        @Override
        public String text() {
            return SealText.fields("kaohe-run-seal-1", Long.toString(runId), period, Long.toString(importId),
                    rulebookVersion, runBy, Long.toString(startedAt.toEpochMilli()), Integer.toString(subjectCount));
        }
    }

    /**
     * What of an annual run's row every seal covers: the year, the year-end appraisal import, the
     * quarterly runs it read ({@code 2026-Q1:12,...}), the rulebook, who ran it and when, how many
     * subjects, and the out-of-date quarters it was allowed to read (a field only when there were any,
     * so the seals of runs without them read as they always did).
     */
    public record AnnualHeader(long runId, int year, long appraisalImportId, String quarterRuns, String rulebookVersion,
                               String runBy, Instant startedAt, int subjectCount, String staleQuartersAllowed)
            implements Header {
        @Override
        public String text() {
            String text = SealText.fields("kaohe-annual-seal-1", Long.toString(runId), Integer.toString(year),
                    Long.toString(appraisalImportId), quarterRuns, rulebookVersion, runBy,
                    Long.toString(startedAt.toEpochMilli()), Integer.toString(subjectCount));
            return staleQuartersAllowed == null ? text : text + SealText.fields("stale-quarters-allowed", staleQuartersAllowed);
        }
    }

    private final SealKey key;

    public RunSealer(SealKey key) {
        this.key = key;
    }

    public String keyId() {
        return key.id();
    }

    /** The stored key of a subject, as the chain and the messages name it: {@code CADRE/C0002}. */
    public static String subjectKey(SubjectType type, String id) {
        return type.name() + "/" + id;
    }

    public static String subjectKey(SubjectResult s) {
        return subjectKey(s.subjectType(), s.subjectId());
    }

    /** SHA-256 of the lines' canonical text: kept on the subject row, covered by its seal. */
    public String linesDigest(List<ExplanationLine> lines) {
        return digest(SealText.lines(lines));
    }

    /**
     * {@link #linesDigest} of the lines a subject's stored JSON reads back as (text no longer in
     * the stored form reads as one line saying so: {@link StoredRunRows#readLines}). The canonical
     * text is made straight from the JSON when it is in the writer's exact form
     * ({@link StoredLinesText}), else from the lines read back: one digest either way.
     */
    public String storedLinesDigest(String linesJson) {
        return digest(StoredLinesText.canonical(linesJson)
                .orElseGet(() -> SealText.lines(StoredRunRows.readLines(linesJson))));
    }

    private static String digest(String canonicalText) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonicalText.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public String subjectSeal(Header header, SubjectResult subject, String linesDigest, String previousKey) {
        return key.mac(header.text() + "\n" + SealText.result(subject) + "\n"
                + SealText.fields(linesDigest, previousKey));
    }

    /**
     * The seal of the names a run is read with: its grade scales (code, name, order per subject type)
     * and its parts' names, bound to the run's id.
     */
    public String labelsSeal(long runId, java.util.Map<SubjectType, GradeScale> scales, List<PartLabel> parts) {
        return labelsSeal("kaohe-labels-1", runId, scales, parts);
    }

    /** As {@link #labelsSeal} for an annual run (its own ids, so its own kind of seal), which names only grades. */
    public String annualLabelsSeal(long annualRunId, java.util.Map<SubjectType, GradeScale> scales) {
        return labelsSeal("kaohe-annual-labels-1", annualRunId, scales, List.of());
    }

    private String labelsSeal(String kind, long runId, java.util.Map<SubjectType, GradeScale> scales,
                              List<PartLabel> parts) {
        StringBuilder text = new StringBuilder(kind).append('\n').append(SealText.fields(Long.toString(runId))).append('\n');
        for (SubjectType type : SubjectType.values()) {
            GradeScale scale = scales.get(type);
            if (scale != null) {
                scale.grades().forEach(g -> text.append(SealText.fields(type.name(), g.name(), g.label(),
                        Integer.toString(g.order()))).append('\n'));
            }
        }
        parts.forEach(p -> text.append(SealText.fields(p.subjectType().name(), p.code(), p.name())).append('\n'));
        return key.mac(text.toString());
    }

    public String runSeal(Header header, List<String> subjectSealsInOrder) {
        StringBuilder text = new StringBuilder(header.text()).append('\n');
        subjectSealsInOrder.forEach(seal -> text.append(seal).append('\n'));
        return key.mac(text.toString());
    }
}
