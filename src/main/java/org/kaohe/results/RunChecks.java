package org.kaohe.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.kaohe.errors.SealBrokenException;
import org.kaohe.imports.ImportCheck;
import org.kaohe.imports.ImportRepository;
import org.kaohe.scoring.SubjectResult;
import org.springframework.stereotype.Service;

/**
 * Checks what a page, an export, the API or a command is about to show against the run's seals
 * ({@link RunSealer}): a table checks every row it shows and the chain between them without
 * reading any explanation line; a subject's page checks that subject and its lines only; a whole
 * run's verification checks everything and names every altered or missing row.
 */
@Service
public class RunChecks {

    /** A run's results as a table shows them, with what the check found for the run and for each row. */
    public record CheckedRun(RunVerdict verdict, List<SubjectResult> subjects) {
        public RunInfo run() {
            return verdict.run();
        }

        public SealStatus status() {
            return verdict.status();
        }

        public Map<String, Message> alteredRows() {
            return verdict.alteredRows();
        }

        public List<Message> problems() {
            return verdict.problems();
        }

        /** The status of one row: ALTERED when the row itself failed, else the run's status unless that is ALTERED. */
        public SealStatus statusOf(SubjectResult s) {
            return SealStatus.ofRow(verdict.rowAltered(RunSealer.subjectKey(s)), status());
        }

        public boolean failed() {
            return verdict.failed();
        }

        /** What a row's {@code seal} cell says: {@code seal.status.*}, or {@code seal.rowIntactRunAltered}. */
        public Message sealText(SubjectResult s) {
            if (verdict.rowAltered(RunSealer.subjectKey(s))) {
                return SealStatus.ALTERED.message();
            }
            return status() == SealStatus.ALTERED ? Message.of("seal.rowIntactRunAltered") : status().message();
        }

        /**
         * The rows for exports and {@code results}: marked with a seal column only when the run failed
         * its check, worded for the reader (both languages for a null locale).
         */
        public List<ResultRow> rows(Locale reader) {
            return subjects.stream()
                    .map(s -> ResultRow.of(s, failed() ? MessageText.forReader(sealText(s), reader) : null)).toList();
        }
    }

    /** One subject with its lines, and what the check found. */
    public record CheckedSubject(RunInfo run, SubjectResult subject, SealStatus status, List<Message> problems) {
        public boolean failed() {
            return status.failed();
        }
    }

    /** A whole run checked: every problem, each naming its row. */
    public record Verification(RunInfo run, SealStatus status, List<Message> problems) {
        public boolean intact() {
            return !status.failed();
        }
    }

    private final RunQueries runs;
    private final RunRowChecks rowChecks;
    private final RunChainChecker chain;
    private final UnkeyedRuns unkeyedRuns;
    private final ImportRepository imports;

    public RunChecks(RunQueries runs, RunSealer sealer, RunChainChecker chain, UnkeyedRuns unkeyedRuns,
                     ImportRepository imports) {
        this.runs = runs;
        this.rowChecks = new RunRowChecks(runs, sealer, chain);
        this.chain = chain;
        this.unkeyedRuns = unkeyedRuns;
        this.imports = imports;
    }

    /**
     * The run's results in display order, every row and the chain between them checked (lines are
     * not read): a table that shows them all. The whole run is held; what needs the check alone
     * takes {@link #verdict}.
     */
    public CheckedRun results(RunInfo run) {
        List<StoredSubject> stored = runs.storedResults(run.id());
        return new CheckedRun(verdict(run, stored::forEach), stored.stream().map(StoredSubject::result).toList());
    }

    /**
     * What {@link #results} finds of the run, the same status and problems in the same order, from
     * the rows visited as stored ({@link RunQueries#forEachStoredRow}) and checked on every core as
     * they come, keeping of each only what the chain's check needs: an export's check, which shows
     * no row of it, never holds the run (at a million cadres the list was the export's memory).
     */
    public RunVerdict verdict(RunInfo run) {
        return verdict(run, rows -> runs.forEachStoredRow(run.id(), rows));
    }

    /** The one check behind {@link #results} and {@link #verdict}: {@code rows} hands over the run's rows, in any order. */
    private RunVerdict verdict(RunInfo run, Consumer<Consumer<StoredSubject>> rows) {
        Optional<SealStatus> unkeyed = unkeyedRuns.status(run);
        if (unkeyed.isPresent()) {
            return new RunVerdict(run, unkeyed.get(), Map.of(), unkeyedRuns.problems(run, unkeyed.get()),
                    runs.storedCount(run.id()));
        }
        int[] read = {0};
        RunChainChecker.Found found = rowChecks.checkRowsAsRead(run, each -> rows.accept(row -> {
            read[0]++;
            each.accept(row);
        }));
        return new RunVerdict(run, found.intact() ? SealStatus.INTACT : SealStatus.ALTERED, found.alteredRows(),
                found.problems(), read[0]);
    }

    /** One subject with its lines, checked alone: the cost of one subject, whatever the run's size. */
    public Optional<CheckedSubject> subject(RunInfo run, String subjectId) {
        return runs.storedSubject(run.id(), subjectId).map(stored -> {
            Optional<SealStatus> unkeyed = unkeyedRuns.status(run);
            if (unkeyed.isPresent()) {
                return new CheckedSubject(run, stored.result(), unkeyed.get(), unkeyedRuns.problems(run, unkeyed.get()));
            }
            List<Message> problems = new ArrayList<>();
            if (!chain.linesIntact(stored.linesDigest(), stored.result().lines())) {
                problems.add(RunChainChecker.linesAltered(stored.key()));
            }
            if (!rowChecks.rowIntact(run, stored)) {
                problems.add(RunChainChecker.rowAltered(stored.key()));
            }
            rowChecks.checkLabels(run, problems);
            return new CheckedSubject(run, stored.result(), problems.isEmpty() ? SealStatus.INTACT : SealStatus.ALTERED,
                    problems);
        });
    }

    /**
     * For a subject the run does not hold: whether the run was sealed with it, so that its row was
     * deleted. Told by the seal chain (the next row names it), or, when several rows went together,
     * by the run holding fewer rows than it was sealed with while the subject is a cadre or
     * department of the run's import. Every per-subject path then answers "missing from a sealed
     * run" ({@link SealBrokenException}), never "no such subject".
     */
    public void refuseIfMissing(RunInfo run, String subjectId) {
        boolean missing = !runs.holds(run.id(), subjectId) && (runs.namedByChain(run.id(), subjectId)
                || runs.storedCount(run.id()) < run.subjectCount() && imports.holdsSubject(run.importId(), subjectId));
        if (missing) {
            throw RunChainChecker.missingFromRun(subjectId, "run", run.id(), "runs verify " + run.id());
        }
    }

    /** True when the run exists and verifies under the key with nothing altered or missing. */
    public boolean intact(long runId) {
        return runs.run(runId).map(run -> verify(run).status() == SealStatus.INTACT).orElse(false);
    }

    /**
     * Everything of the run: rows, chain, run seal and every subject's lines, and the records of the
     * import version it was made from against their own seals (a forged input fails the run's check
     * too: the run no longer stands on what was imported).
     */
    public Verification verify(RunInfo run) {
        // The input's records are checked on another thread meanwhile: neither check needs the other.
        java.util.concurrent.CompletableFuture<Optional<ImportCheck>> inputCheck = chain.parallelism() > 1
                ? java.util.concurrent.CompletableFuture.supplyAsync(() -> imports.check(run.importId()))
                : java.util.concurrent.CompletableFuture.completedFuture(imports.check(run.importId()));
        Verification results = verifyResults(run);
        Optional<ImportCheck> input = joined(inputCheck);
        if (input.isEmpty() || !input.get().failed()) {
            return results;
        }
        List<Message> problems = new ArrayList<>(results.problems());
        problems.addAll(RunChainChecker.inputProblems(input.get().summary(), input.get().problems()));
        SealStatus status = results.status() == SealStatus.OTHER_KEY ? SealStatus.OTHER_KEY : SealStatus.ALTERED;
        return new Verification(run, status, problems);
    }

    /** The check's answer, or what it threw as it threw it (not wrapped by the thread it ran on). */
    private static <T> T joined(java.util.concurrent.CompletableFuture<T> check) {
        try {
            return check.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private Verification verifyResults(RunInfo run) {
        Optional<Verification> legacy = unkeyedRuns.legacyVerification(run);
        if (legacy.isPresent()) {
            return legacy.get();
        }
        Optional<SealStatus> unkeyed = unkeyedRuns.status(run);
        if (unkeyed.isPresent()) {
            return new Verification(run, unkeyed.get(), unkeyedRuns.problems(run, unkeyed.get()));
        }
        // One read of the rows with their details, each checked on the checkers meanwhile.
        List<Message> problems = rowChecks.checkWholeRun(run, rows -> runs.forEachRowWithLines(run.id(), rows));
        return new Verification(run, problems.isEmpty() ? SealStatus.INTACT : SealStatus.ALTERED, problems);
    }
}
