package org.kaohe.results;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.kaohe.errors.SealBrokenException;
import org.kaohe.scoring.ExplanationLine;
import org.springframework.stereotype.Component;

/**
 * The one checker of a run's seal chain, quarterly or annual, against what {@link RunChainWriter}
 * wrote: each row's own seal (over the run's header, its result, its lines' digest and the key of
 * the row before), the chain between rows (a deleted row is named by the row that points at it),
 * the number of rows and the run's seal over them all; and, apart, a subject's lines against their
 * sealed digest. Each problem names its row, worded once here for both kinds of run.
 *
 * <p>The seals of a whole run are checked on every core ({@link #parallelism}): rows and lines
 * are independent of each other, and the problems are reported in the chain's order whatever the
 * order the threads finish in, so a parallel check says exactly what a sequential one says.
 */
@Component
public class RunChainChecker {

    /** The threads of whole-run checks (daemons: a command's end never waits for them). */
    private static final ForkJoinPool CHECKERS = new ForkJoinPool(Math.max(1, Runtime.getRuntime().availableProcessors()));

    /** What checking the rows found: each altered row by its key ({@code CADRE/C0001}), and every problem in order. */
    public record Found(Map<String, Message> alteredRows, List<Message> problems) {
        public boolean intact() {
            return problems.isEmpty();
        }
    }

    private final RunSealer sealer;
    private final boolean parallel;

    @org.springframework.beans.factory.annotation.Autowired
    public RunChainChecker(RunSealer sealer) {
        this(sealer, true);
    }

    /** A checker on every core, or on the calling thread alone ({@code parallel} false: what tests compare with). */
    RunChainChecker(RunSealer sealer, boolean parallel) {
        this.sealer = sealer;
        this.parallel = parallel && CHECKERS.getParallelism() > 1;
    }

    /** How many threads a whole-run check uses. */
    public int parallelism() {
        return parallel ? CHECKERS.getParallelism() : 1;
    }

    /**
     * The rows as stored (in any order) against the header they were sealed under, the number of
     * rows and the run's seal. Lines are not read: each row's seal covers its stored lines' digest.
     */
    public Found checkRows(RunSealer.Header header, int sealedCount, String runSeal, List<StoredSubject> stored) {
        Map<String, Message> altered = new LinkedHashMap<>();
        List<Message> problems = new java.util.ArrayList<>();
        List<StoredSubject> chain = stored.stream()
                .sorted((a, b) -> RunSealer.ORDER.compare(a.result(), b.result())).toList();
        Set<String> present = new HashSet<>();
        chain.forEach(s -> present.add(s.key()));
        Set<String> notIntact = onCheckers(() -> stream(chain).filter(s -> !rowIntact(header, s)).map(StoredSubject::key)
                .collect(Collectors.toSet()));
        for (StoredSubject s : chain) {
            if (notIntact.contains(s.key())) {
                altered.put(s.key(), rowAltered(s.key()));
                problems.add(rowAltered(s.key()));
            }
            if (s.previousSubject() != null && !present.contains(s.previousSubject())) {
                problems.add(Message.of("seal.problem.rowDeleted", s.previousSubject()));
            }
        }
        if (chain.size() != sealedCount) {
            problems.add(Message.of("seal.problem.count", Integer.toString(sealedCount), Integer.toString(chain.size())));
        }
        String recomputed = sealer.runSeal(header, chain.stream().map(s -> s.seal() == null ? "" : s.seal()).toList());
        if (problems.isEmpty() && !recomputed.equals(runSeal)) {
            problems.add(Message.of("seal.problem.runSeal"));
        }
        return new Found(altered, problems);
    }

    /**
     * Gathers the digest of every subject's stored lines (their JSON as stored, read back as a page
     * reads them): {@code lines} hands each stored subject's key and lines to the consumer it is
     * given, in any order, as it reads them. They are digested in batches on every core while the
     * reading goes on, a few batches at a time, so a run's lines are never all in memory. Returns
     * each subject's digest by key, for {@link #checkLines(Map, Map)}.
     */
    public Map<String, String> linesDigests(
            java.util.function.Consumer<java.util.function.BiConsumer<String, String>> lines) {
        Map<String, String> digests = new java.util.concurrent.ConcurrentHashMap<>();
        try (LinesBatches batches = new LinesBatches(parallel ? CHECKERS : null, parallelism(),
                (key, json) -> digests.put(key, sealer.linesDigest(StoredRunRows.readLines(json))))) {
            lines.accept(batches::add);
        }
        return digests;
    }

    /**
     * Each subject's stored lines against the digest its row's seal covers: {@code sealed} and
     * {@code stored} by subject key, the latter from {@link #linesDigests}. Subjects with a sealed
     * digest but no stored lines pass only when the digest is that of no lines; lines of a subject
     * without a row are the row check's to report. Returns the problems in the chain's order.
     */
    public List<Message> checkLines(Map<String, String> sealed, Map<String, String> stored) {
        List<String> altered = new ArrayList<>();
        sealed.forEach((key, digest) -> {
            String found = stored.get(key);
            if (found == null ? !noLines(digest) : !found.equals(digest)) {
                altered.add(key);
            }
        });
        // Keys are TYPE/ID: their text order is the chain's (type, then id).
        return altered.stream().sorted().map(RunChainChecker::linesAltered).toList();
    }

    private <T> Stream<T> stream(List<T> items) {
        return parallel ? items.parallelStream() : items.stream();
    }

    /** Runs a (parallel) stream's work on the checkers' pool, so it never takes the common pool's threads. */
    private <T> T onCheckers(java.util.concurrent.Callable<T> work) {
        if (!parallel) {
            try {
                return work.call();
            } catch (Exception e) {
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
        }
        return CHECKERS.submit(work).join();
    }

    /** The row's own seal holds for its stored result, lines' digest and previous key under the header. */
    public boolean rowIntact(RunSealer.Header header, StoredSubject s) {
        return s.seal() != null
                && s.seal().equals(sealer.subjectSeal(header, s.result(), s.linesDigest(), s.previousSubject()));
    }

    /** The lines read back have the digest the row's seal covers. */
    public boolean linesIntact(String sealedDigest, List<ExplanationLine> lines) {
        return sealer.linesDigest(lines).equals(sealedDigest);
    }

    /** True when the lines' sealed digest is that of no lines at all (a subject stored without any). */
    public boolean noLines(String sealedDigest) {
        return sealer.linesDigest(List.of()).equals(sealedDigest);
    }

    /** True when a run sealed under the key id can be checked here: this installation's key. */
    public boolean ourKey(String keyId) {
        return keyId != null && keyId.equals(sealer.keyId());
    }

    /**
     * The run was sealed under another key than this installation's, if so, as a problem naming
     * both: {@code seal.problem.otherKey.run} or {@code .year} (an annual run), with the run's id.
     */
    public java.util.Optional<Message> otherKey(String runKind, long runId, String keyId) {
        if (ourKey(keyId)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Message.of("seal.problem.otherKey." + runKind, Long.toString(runId), keyId,
                sealer.keyId()));
    }

    /** A subject a sealed run names but no longer holds: every per-subject path answers this. */
    public static SealBrokenException missingFromRun(String subjectId, String runKind, long runId, String verifyCommand) {
        return new SealBrokenException(Message.of("seal.problem.missing." + runKind, subjectId, Long.toString(runId)),
                List.of(Message.of("seal.problem.runVerify", verifyCommand)));
    }

    /**
     * What the run's input (an import version, a year-end appraisal import) failed in its own seal
     * check, among the run's problems: {@code seal.problem.input} with the input's summary, then
     * {@code seal.problem.inputRow} for each of its problems, each within in both its wordings.
     */
    public static List<Message> inputProblems(Message summary, List<Message> inputProblems) {
        List<Message> problems = new ArrayList<>();
        problems.add(Message.of("seal.problem.input", MessageText.inEachLanguage(summary)));
        inputProblems.forEach(p -> problems.add(Message.of("seal.problem.inputRow", MessageText.inEachLanguage(p))));
        return problems;
    }

    public static Message rowAltered(String key) {
        return Message.of("seal.problem.rowAltered", key);
    }

    public static Message linesAltered(String key) {
        return Message.of("seal.problem.linesAltered", key);
    }
}
