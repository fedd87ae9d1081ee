package org.kaohe.results;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.kaohe.scoring.ExplanationLine;
import org.kaohe.scoring.StoredExplanation;
import org.kaohe.scoring.SubjectResult;
import org.springframework.stereotype.Component;

/**
 * The one writer of a run's seal chain, quarterly or annual ({@link RunSealer}): it puts the
 * subjects in the chain's order, fits each subject's lines to what is stored (over-long reasons
 * cut, marked as cut), digests the lines as they will read back, seals each subject with the key
 * of the one before (the first with the last's: deleting any row leaves a pointer to it), hands
 * each sealed row to the caller to store in its own table, and gives the run's seal over them all.
 * The checks are {@link RunChainChecker}'s.
 */
@Component
public class RunChainWriter {

    /** The longest reason kept (V13's limit of the old explanation_line.reason); real reasons stay far below it. */
    public static final int MAX_REASON = 8000;
    /** The most one subject's lines may take as JSON (V15's subject_detail.lines). */
    public static final int MAX_LINES_JSON = 1_000_000;
    private static final String CUT = "…(已截断 / truncated)";
    /** Subjects sealed at once, in parallel, while the slice before is stored: what a storing batch holds. */
    private static final int SLICE = 1_000;
    /** Where slices are sealed while the caller stores the one before (a pool of its own, as {@link RunChainChecker}'s). */
    private static final ForkJoinPool SEALERS = new ForkJoinPool(Math.max(1, Runtime.getRuntime().availableProcessors()));

    /** One subject ready to store: its result, its lines as stored JSON and what its seal covers. */
    public record SealedRow(SubjectResult subject, String linesJson, String partsJson, String linesDigest,
                            String seal, String previousSubject) {}

    private final RunSealer sealer;
    private final boolean parallel;

    @org.springframework.beans.factory.annotation.Autowired
    public RunChainWriter(RunSealer sealer) {
        this(sealer, true);
    }

    /** A writer sealing on every core, or on the calling thread alone ({@code parallel} false: what tests compare with). */
    RunChainWriter(RunSealer sealer, boolean parallel) {
        this.sealer = sealer;
        this.parallel = parallel;
    }

    /**
     * Seals the subjects under the run's header, handing each sealed row to {@code store} in the
     * chain's order (a caller may write them in batches as they come); returns the run's seal.
     */
    public String write(RunSealer.Header header, List<SubjectResult> subjects, Consumer<SealedRow> store) {
        List<SubjectResult> chain = subjects.stream().sorted(RunSealer.ORDER).toList();
        List<String> seals = new ArrayList<>(chain.size());
        // Each subject's row depends only on itself and its predecessor's key: a slice of the chain
        // is sealed on the pool while the slice before it is being stored, then handed on in the
        // chain's order (the same rows as one by one).
        ForkJoinTask<List<SealedRow>> next = slice(header, chain, 0);
        for (int from = 0; from < chain.size(); from += SLICE) {
            List<SealedRow> rows = next.join();
            next = slice(header, chain, from + SLICE);
            for (SealedRow row : rows) {
                seals.add(row.seal());
                store.accept(row);
            }
        }
        return sealer.runSeal(header, seals);
    }

    /** The chain's slice from {@code from} sealed: on the pool (begun now), or here when not {@link #parallel}. */
    private ForkJoinTask<List<SealedRow>> slice(RunSealer.Header header, List<SubjectResult> chain, int from) {
        IntStream slice = IntStream.range(Math.min(from, chain.size()), Math.min(chain.size(), from + SLICE));
        ForkJoinTask<List<SealedRow>> sealing = ForkJoinTask.adapt(
                () -> (parallel ? slice.parallel() : slice).mapToObj(i -> sealed(header, chain, i)).toList());
        if (parallel) {
            return SEALERS.submit(sealing);
        }
        sealing.invoke();
        return sealing;
    }

    /** The chain's {@code i}th subject, sealed after the one before it (the first after the last). */
    private SealedRow sealed(RunSealer.Header header, List<SubjectResult> chain, int i) {
        SubjectResult s = chain.get(i);
        String previous = RunSealer.subjectKey(chain.get(i == 0 ? chain.size() - 1 : i - 1));
        // The digest is taken over the lines as they will read back from their JSON, so the seal
        // covers exactly what a page shows: made from the JSON as a check makes it (one definition),
        // without reading the lines back first.
        String linesJson = linesJson(s.lines());
        String digest = sealer.storedLinesDigest(linesJson);
        String seal = sealer.subjectSeal(header, s, digest, previous);
        return new SealedRow(s, linesJson, StoredExplanation.partsJson(s.parts()), digest, seal, previous);
    }

    /**
     * The subject with every reason cut to what is kept, marked as cut: a rulebook that writes
     * longer reasons must not make the whole evaluation fail. What a replay compares with a stored run.
     */
    public static SubjectResult fitted(SubjectResult s) {
        if (s.lines().stream().allMatch(l -> l.reason().length() <= MAX_REASON)) {
            return s;
        }
        return new SubjectResult(s.subjectType(), s.subjectId(), s.name(), s.deptId(), s.score(), s.parts(),
                s.bandGrade(), s.gatedGrade(), s.finalGrade(), s.rank(), s.vetoed(), reasonsCut(s.lines(), MAX_REASON));
    }

    /**
     * The lines as stored JSON, every reason cut to {@link #MAX_REASON}. A subject whose lines
     * together pass {@link #MAX_LINES_JSON} (hundreds of lines quoting long notes) has its reasons
     * cut shorter, marked as cut, until they fit: the evaluation must not fail for it, and the seal
     * covers the lines as stored.
     */
    static String linesJson(List<ExplanationLine> lines) {
        int limit = MAX_REASON;
        String json = StoredExplanation.linesJson(reasonsCut(lines, limit));
        while (json.length() > MAX_LINES_JSON && limit > CUT.length()) {
            limit = Math.max(CUT.length(), Math.min(limit / 2, MAX_LINES_JSON / Math.max(1, lines.size())));
            json = StoredExplanation.linesJson(reasonsCut(lines, limit));
        }
        return json;
    }

    private static List<ExplanationLine> reasonsCut(List<ExplanationLine> lines, int limit) {
        if (lines.stream().allMatch(l -> l.reason().length() <= limit)) {
            return lines;
        }
        return lines.stream().map(l -> l.reason().length() <= limit ? l : new ExplanationLine(l.rule(), l.part(),
                l.points(), l.reason().cut(limit, CUT), l.evidence())).toList();
    }
}
