package org.kaohe.annual;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 * subject, lines included, so the whole run is always checked.
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

    AnnualResults(AnnualRepository repository, RunSealer sealer, RunChainChecker chain) {
        this.repository = repository;
        this.sealer = sealer;
        this.chain = chain;
    }

    /** The year's newest annual run, checked; empty when the year was never evaluated. */
    public Optional<CheckedYear> current(int year) {
        return repository.currentRun(year).map(this::checked);
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
        Map<String, Message> altered = new LinkedHashMap<>(found.alteredRows());
        List<Message> problems = new ArrayList<>(found.problems());
        for (StoredSubject s : stored) {
            if (!chain.linesIntact(s.linesDigest(), s.result().lines())) {
                altered.putIfAbsent(s.key(), RunChainChecker.linesAltered(s.key()));
                problems.add(RunChainChecker.linesAltered(s.key()));
            }
        }
        String labelsSeal = sealer.annualLabelsSeal(run.id(), repository.scales(run.id()));
        if (run.labelsSeal() != null && !run.labelsSeal().equals(labelsSeal)) {
            problems.add(Message.of("seal.problem.annualLabels"));
        }
        try {
            repository.appraisals(run.appraisalImportId());
        } catch (SealBrokenException e) {
            problems.addAll(RunChainChecker.inputProblems(e.summary(), e.problems()));
        }
        return new CheckedYear(run, problems.isEmpty() ? SealStatus.INTACT : SealStatus.ALTERED, subjects, altered, problems);
    }
}
