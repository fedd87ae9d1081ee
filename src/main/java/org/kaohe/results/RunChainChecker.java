package org.kaohe.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;

import org.kaohe.errors.Message;
import org.kaohe.errors.SealBrokenException;
import org.kaohe.records.SubjectType;
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

    /** A checker on the calling thread alone: a background check that must leave the other cores to the requests. */
    public static RunChainChecker onOneThread(RunSealer sealer) {
        return new RunChainChecker(sealer, false);
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
        return checkRowsAsRead(header, sealedCount, runSeal, stored::forEach);
    }

    /**
     * As {@link #checkRows}, the rows handed one at a time by {@code rows} as they are read (in any
     * order) and checked a batch at a time meanwhile ({@link CheckBatches}), so the run is never all
     * in memory; on the calling thread when this checker is sequential.
     */
    public Found checkRowsAsRead(RunSealer.Header header, int sealedCount, String runSeal,
                                 Consumer<Consumer<StoredSubject>> rows) {
        RunSealer.Header fixed = fixed(header);
        CheckBatches<StoredSubject, Link> batches = new CheckBatches<>(parallel ? CHECKERS : null, parallelism(),
                s -> Link.of(s, rowIntact(fixed, s), true));
        try (batches) {
            rows.accept(batches::add);
        }
        return chainFound(header, sealedCount, runSeal, batches.results()).rows();
    }

    /** What a whole run's check found: its rows as {@link #checkRows} finds them, and apart the subjects whose lines were altered. */
    public record WholeRun(Found rows, List<Message> lines) {}

    /**
     * A whole run read once: {@code rows} hands each stored row with its lines' stored JSON to the
     * consumer it is given, in any order, as it reads them. Each row is checked on the checkers
     * while the reading goes on, a few batches at a time (a run is never all in memory): its own
     * seal, and its lines against the digest that seal covers (a row without stored lines passes
     * only when the digest is that of no lines). Then the chain, the count and the run's seal, as
     * {@link #checkRows}; the altered lines are named in the order of their keys.
     */
    public WholeRun checkWholeRun(RunSealer.Header header, int sealedCount, String runSeal,
                                  Consumer<Consumer<RunQueries.RowWithLines>> rows) {
        RunSealer.Header fixed = fixed(header);
        String noLines = sealer.linesDigest(List.of());
        CheckBatches<RunQueries.RowWithLines, Link> batches = new CheckBatches<>(parallel ? CHECKERS : null,
                parallelism(), row -> link(fixed, row.subject(), row.linesJson() == null ? noLines
                        : sealer.storedLinesDigest(row.linesJson())));
        try (batches) {
            rows.accept(batches::add);
        }
        return chainFound(header, sealedCount, runSeal, batches.results());
    }

    private Link link(RunSealer.Header header, StoredSubject s, String storedLinesDigest) {
        return Link.of(s, rowIntact(header, s), storedLinesDigest.equals(s.linesDigest()));
    }

    /** One row of the chain as checked: all a run's check keeps of it. */
    private record Link(SubjectType type, String id, String seal, String previousSubject, boolean rowIntact,
                        boolean linesIntact) {
        static final Comparator<Link> ORDER = RunSealer.chainOrder(Link::type, Link::id);

        static Link of(StoredSubject s, boolean rowIntact, boolean linesIntact) {
            return new Link(s.result().subjectType(), s.result().subjectId(), s.seal(), s.previousSubject(), rowIntact,
                    linesIntact);
        }

        String key() {
            return RunSealer.subjectKey(type, id);
        }
    }

    /** The rows' problems in the chain's order, a deleted row named by the row after it; the count; the run's seal. */
    private WholeRun chainFound(RunSealer.Header header, int sealedCount, String runSeal, List<Link> links) {
        Map<String, Message> altered = new LinkedHashMap<>();
        List<Message> problems = new ArrayList<>();
        List<Link> chain = links.stream().sorted(Link.ORDER).toList();
        Set<String> present = new HashSet<>();
        chain.forEach(l -> present.add(l.key()));
        for (Link l : chain) {
            if (!l.rowIntact()) {
                altered.put(l.key(), rowAltered(l.key()));
                problems.add(rowAltered(l.key()));
            }
            if (l.previousSubject() != null && !present.contains(l.previousSubject())) {
                problems.add(Message.of("seal.problem.rowDeleted", l.previousSubject()));
            }
        }
        if (chain.size() != sealedCount) {
            problems.add(Message.of("seal.problem.count", Integer.toString(sealedCount), Integer.toString(chain.size())));
        }
        String recomputed = sealer.runSeal(header, chain.stream().map(l -> l.seal() == null ? "" : l.seal()).toList());
        if (problems.isEmpty() && !recomputed.equals(runSeal)) {
            problems.add(Message.of("seal.problem.runSeal"));
        }
        // Keys are TYPE/ID: their text order is the chain's (type, then id).
        List<Message> lines = chain.stream().filter(l -> !l.linesIntact()).map(Link::key).sorted()
                .map(RunChainChecker::linesAltered).toList();
        return new WholeRun(new Found(altered, problems), lines);
    }

    /** The header with its text made once: every row's seal covers it. */
    private static RunSealer.Header fixed(RunSealer.Header header) {
        String text = header.text();
        return () -> text;
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
     * {@code seal.problem.inputRow} for each of its problems, each a message within.
     */
    public static List<Message> inputProblems(Message summary, List<Message> inputProblems) {
        List<Message> problems = new ArrayList<>();
        problems.add(Message.of("seal.problem.input", summary));
        inputProblems.forEach(p -> problems.add(Message.of("seal.problem.inputRow", p)));
        return problems;
    }

    public static Message rowAltered(String key) {
        return Message.of("seal.problem.rowAltered", key);
    }

    public static Message linesAltered(String key) {
        return Message.of("seal.problem.linesAltered", key);
    }
}
