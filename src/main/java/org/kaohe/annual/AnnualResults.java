package org.kaohe.annual;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.kaohe.errors.Message;
import org.kaohe.errors.SealBrokenException;
import org.kaohe.results.RunChainChecker;
import org.kaohe.results.RunSealer;
import org.kaohe.results.SealStatus;
import org.kaohe.results.StoredSubject;
import org.kaohe.scoring.SubjectResult;
import org.springframework.stereotype.Service;

/**
 * Reads a year's current annual run for pages, exports, the API and the command line, every row
 * checked against its seal first by the same {@link RunChainChecker} as a quarter's
 * ({@link org.kaohe.results.RunChecks}): its own seal, its lines' digest recomputed, the chain
 * between rows, the count and the run's seal, then the grade names. An annual run is one row per
 * subject, lines included: the year's page, exports and paper check the whole run; one subject's page
 * and explanation check that subject's row ({@link #currentWith}).
 */
@Service
public class AnnualResults {

    /** The year's results as checked: the run's status, and each altered row by its key ({@code CADRE/C0001}). */
    public record CheckedYear(AnnualRunInfo run, SealStatus status, List<SubjectResult> subjects,
                              Map<String, Message> alteredRows, List<Message> problems) {
        public boolean failed() {
            return status.failed();
        }

        /** The status of one row: ALTERED when it failed itself, else the run's (INTACT when only another row failed). */
        public SealStatus statusOf(SubjectResult s) {
            return SealStatus.ofRow(alteredRows.containsKey(RunSealer.subjectKey(s)), status);
        }

        public Optional<SubjectResult> subject(String id) {
            return subjects.stream().filter(s -> s.subjectId().equals(id)).findFirst();
        }
    }

    private final AnnualRepository repository;
    private final RunSealer sealer;
    private final RunChainChecker chain;
    /** The pages' background check's ({@link AnnualPages}): on every core it would take the cores their requests need. */
    private final RunChainChecker oneThread;

    AnnualResults(AnnualRepository repository, RunSealer sealer, RunChainChecker chain) {
        this.repository = repository;
        this.sealer = sealer;
        this.chain = chain;
        this.oneThread = RunChainChecker.onOneThread(sealer);
    }

    /** The year's newest annual run, checked; empty when the year was never evaluated. */
    public Optional<CheckedYear> current(int year) {
        return repository.currentRun(year).map(this::checked);
    }

    /**
     * The year's newest annual run checked as it is read, on every core, no row held
     * ({@link #checkedAsRead}): what {@link #current} finds, its status, problems and altered rows,
     * holding no subjects. Empty when the year was never evaluated.
     */
    public Optional<CheckedYear> currentAsRead(int year) {
        return repository.currentRun(year).map(this::checkedAsRead);
    }

    /**
     * The year's newest annual run with one subject, checked alone as a quarter's subject page checks
     * its row: the row's own seal, its lines against their sealed digest, the grade names. The cost of
     * one subject whatever the year's size (the whole run's check, the chain, the count and the year-end
     * appraisal's records, is the year's page's, the exports', the paper's and {@code runs verify}'s).
     * Empty when the year was never evaluated; holding no subject when the run does not hold this one.
     */
    public Optional<CheckedYear> currentWith(int year, String subjectId) {
        return repository.currentRun(year).map(run -> checkedAlone(run, subjectId));
    }

    /**
     * For a subject the year's run does not hold: when the run's seal chain names it, its row was
     * deleted, and every per-subject path answers "missing from a sealed run"
     * ({@link SealBrokenException}), never "no such subject".
     */
    public void refuseIfMissing(CheckedYear year, String subjectId) {
        if (year.subject(subjectId).isEmpty() && repository.namedByChain(year.run().id(), subjectId)) {
            throw RunChainChecker.missingFromRun(subjectId, "year", year.run().id(),
                    "runs verify --year " + year.run().year());
        }
    }

    /** The years that have an annual run, newest first. */
    public List<Integer> years() {
        return repository.years();
    }

    public Optional<CheckedYear> run(long runId) {
        return repository.run(runId).map(this::checked);
    }

    /**
     * Every row by the runs' one chain checker ({@link RunChainChecker}), and every row's lines
     * against their sealed digest (an annual row holds its lines), then the grade names, then the
     * year-end appraisal records the run was made from against their own seals (as a quarterly run's
     * check reads its import's: a forged input fails the run's check too).
     */
    private CheckedYear checked(AnnualRunInfo run) {
        List<StoredSubject> stored = repository.results(run.id());
        List<SubjectResult> subjects = stored.stream().map(StoredSubject::result).toList();
        Optional<Message> otherKey = chain.otherKey("year", run.id(), run.keyId());
        if (otherKey.isPresent()) {
            return new CheckedYear(run, SealStatus.OTHER_KEY, subjects, Map.of(), List.of(otherKey.get()));
        }
        RunChainChecker.Found found = chain.checkRows(run.header(), run.subjectCount(), run.seal(), stored);
        return verdict(run, subjects, found, stored.stream()
                .filter(s -> !chain.linesIntact(s.linesDigest(), s.result().lines())).map(StoredSubject::key).toList());
    }

    /**
     * As {@link #checked(AnnualRunInfo)} (the same status, problems in the same order and altered
     * rows), the rows streamed and checked as they come on the calling thread alone, none kept, each
     * handed on through {@code pacing} (the background's {@code givingWay}): the year's pages'
     * background check, whatever the year's size. Holds no subjects.
     */
    CheckedYear checkedAsStreamed(AnnualRunInfo run, UnaryOperator<Consumer<StoredSubject>> pacing) {
        return checkedAsStreamed(run, pacing, oneThread);
    }

    /**
     * As {@link #checkedAsStreamed}, the rows' seals checked on every core as they come: for an export
     * or the paper, which a person waits for.
     */
    CheckedYear checkedAsRead(AnnualRunInfo run) {
        return checkedAsStreamed(run, UnaryOperator.identity(), chain);
    }

    private CheckedYear checkedAsStreamed(AnnualRunInfo run, UnaryOperator<Consumer<StoredSubject>> pacing,
                                          RunChainChecker checker) {
        Optional<Message> otherKey = checker.otherKey("year", run.id(), run.keyId());
        if (otherKey.isPresent()) {
            return new CheckedYear(run, SealStatus.OTHER_KEY, List.of(), Map.of(), List.of(otherKey.get()));
        }
        List<SubjectResult> linesAltered = new ArrayList<>(); // few: put in the listed order afterwards
        RunChainChecker.Found found = checker.checkRowsAsRead(run.header(), run.subjectCount(), run.seal(),
                rows -> repository.forEachResult(run.id(), pacing.apply(s -> {
                    if (!checker.linesIntact(s.linesDigest(), s.result().lines())) {
                        linesAltered.add(s.result());
                    }
                    rows.accept(s);
                })));
        linesAltered.sort(AnnualRepository.LISTED_ORDER);
        return verdict(run, List.of(), found, linesAltered.stream().map(RunSealer::subjectKey).toList());
    }

    /**
     * What the rows' check found, then each subject whose lines fail their sealed digest (by key, in
     * the listed order), the grade names, the year-end appraisal's records.
     */
    private CheckedYear verdict(AnnualRunInfo run, List<SubjectResult> subjects, RunChainChecker.Found found,
                                List<String> linesAltered) {
        Map<String, Message> altered = new LinkedHashMap<>(found.alteredRows());
        List<Message> problems = new ArrayList<>(found.problems());
        for (String key : linesAltered) {
            altered.putIfAbsent(key, RunChainChecker.linesAltered(key));
            problems.add(RunChainChecker.linesAltered(key));
        }
        labelsProblem(run).ifPresent(problems::add);
        try {
            repository.checkAppraisals(run.appraisalImportId());
        } catch (SealBrokenException e) {
            problems.addAll(RunChainChecker.inputProblems(e.summary(), e.problems()));
        }
        return new CheckedYear(run, problems.isEmpty() ? SealStatus.INTACT : SealStatus.ALTERED, subjects, altered, problems);
    }

    private CheckedYear checkedAlone(AnnualRunInfo run, String subjectId) {
        return checkedRows(run, repository.result(run.id(), subjectId).stream().toList());
    }

    /**
     * These rows of the run, each checked alone (its own seal, its lines against their sealed digest),
     * and the grade names they are shown with: not the chain, the count, the run's other rows nor the
     * year-end appraisal's records, which the whole check ({@link #checked}) adds.
     */
    CheckedYear checkedRows(AnnualRunInfo run, List<StoredSubject> stored) {
        List<SubjectResult> subjects = stored.stream().map(StoredSubject::result).toList();
        Optional<Message> otherKey = chain.otherKey("year", run.id(), run.keyId());
        if (otherKey.isPresent()) {
            return new CheckedYear(run, SealStatus.OTHER_KEY, subjects, Map.of(), List.of(otherKey.get()));
        }
        Map<String, Message> altered = new LinkedHashMap<>();
        List<Message> problems = new ArrayList<>();
        for (StoredSubject s : stored) {
            if (!chain.rowIntact(run.header(), s)) {
                altered.put(s.key(), RunChainChecker.rowAltered(s.key()));
                problems.add(RunChainChecker.rowAltered(s.key()));
            }
            if (!chain.linesIntact(s.linesDigest(), s.result().lines())) {
                altered.putIfAbsent(s.key(), RunChainChecker.linesAltered(s.key()));
                problems.add(RunChainChecker.linesAltered(s.key()));
            }
        }
        labelsProblem(run).ifPresent(problems::add);
        return new CheckedYear(run, problems.isEmpty() ? SealStatus.INTACT : SealStatus.ALTERED, subjects, altered, problems);
    }

    /** The grade names the run's rows are shown with, against their seal. */
    private Optional<Message> labelsProblem(AnnualRunInfo run) {
        String labelsSeal = sealer.annualLabelsSeal(run.id(), repository.scales(run.id()));
        return run.labelsSeal() != null && !run.labelsSeal().equals(labelsSeal)
                ? Optional.of(Message.of("seal.problem.annualLabels")) : Optional.empty();
    }
}
