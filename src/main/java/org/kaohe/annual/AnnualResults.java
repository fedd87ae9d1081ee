package org.kaohe.annual;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.kaohe.errors.SealBrokenException;
import org.kaohe.results.RunSealer;
import org.kaohe.results.SealStatus;
import org.kaohe.scoring.SubjectResult;
import org.springframework.stereotype.Service;

/**
 * Reads a year's current annual run for pages, exports, the API and the command line, every row
 * checked against its seal first (as {@link org.kaohe.results.RunChecks} does for quarters): its
 * own seal with its lines' digest recomputed, the chain between rows, the count and the run's seal.
 * An annual run is one row per subject, so the whole run is always checked.
 */
@Service
public class AnnualResults {

    /** The year's results as checked: the run's status, and each altered row by its key ({@code CADRE/C0001}). */
    public record CheckedYear(AnnualRunInfo run, SealStatus status, List<SubjectResult> subjects,
                              Map<String, String> alteredRows, List<String> problems) {
        public boolean failed() {
            return status.failed();
        }

        /** The status of one row: ALTERED when it failed itself, else the run's (INTACT when only another row failed). */
        public SealStatus statusOf(SubjectResult s) {
            if (alteredRows.containsKey(RunSealer.subjectKey(s))) {
                return SealStatus.ALTERED;
            }
            return status == SealStatus.ALTERED ? SealStatus.INTACT : status;
        }

        public Optional<SubjectResult> subject(String id) {
            return subjects.stream().filter(s -> s.subjectId().equals(id)).findFirst();
        }
    }

    private final AnnualRepository repository;
    private final RunSealer sealer;

    AnnualResults(AnnualRepository repository, RunSealer sealer) {
        this.repository = repository;
        this.sealer = sealer;
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
            throw new SealBrokenException("对象 " + subjectId + " 已从封印的年度考核 #" + year.run().id() + " 中缺失:其结果行被删除"
                    + " / subject " + subjectId + " is missing from sealed run #" + year.run().id() + " (annual):"
                    + " its result row was deleted", List.of("请运行 runs verify --year " + year.run().year()
                    + " / run `runs verify --year " + year.run().year() + "`"));
        }
    }

    /** The years that have an annual run, newest first. */
    public List<Integer> years() {
        return repository.years();
    }

    public Optional<CheckedYear> run(long runId) {
        return repository.run(runId).map(this::checked);
    }

    private CheckedYear checked(AnnualRunInfo run) {
        List<AnnualRepository.StoredAnnual> stored = repository.results(run.id());
        List<SubjectResult> subjects = stored.stream().map(AnnualRepository.StoredAnnual::result).toList();
        if (!sealer.keyId().equals(run.keyId())) {
            return new CheckedYear(run, SealStatus.OTHER_KEY, subjects, Map.of(), List.of("年度考核 #" + run.id()
                    + " 由密钥 " + run.keyId() + " 封印,本系统的密钥为 " + sealer.keyId() + " / sealed under another key"));
        }
        RunSealer.AnnualHeader header = run.header();
        Map<String, String> altered = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<AnnualRepository.StoredAnnual> chain = stored.stream()
                .sorted((a, b) -> RunSealer.ORDER.compare(a.result(), b.result())).toList();
        Set<String> present = new HashSet<>();
        chain.forEach(s -> present.add(RunSealer.subjectKey(s.result())));
        for (AnnualRepository.StoredAnnual s : chain) {
            String key = RunSealer.subjectKey(s.result());
            boolean linesIntact = sealer.linesDigest(s.result().lines()).equals(s.linesDigest());
            boolean rowIntact = s.seal().equals(sealer.subjectSeal(header, s.result(), s.linesDigest(), s.previousSubject()));
            if (!linesIntact || !rowIntact) {
                String problem = "对象 " + key + " 的年度结果与封印不符:已被改动或伪造 / subject " + key
                        + ": the annual result does not match its seal (altered or forged)";
                altered.put(key, problem);
                problems.add(problem);
            }
            if (!present.contains(s.previousSubject())) {
                problems.add("缺少对象 " + s.previousSubject() + ":该行已被删除 / subject " + s.previousSubject()
                        + " missing: its row was deleted");
            }
        }
        if (chain.size() != run.subjectCount()) {
            problems.add("年度考核封印时有 " + run.subjectCount() + " 个对象,现存 " + chain.size() + " 个 / sealed with "
                    + run.subjectCount() + " subjects, " + chain.size() + " are stored");
        }
        if (problems.isEmpty() && !sealer.runSeal(header, chain.stream().map(AnnualRepository.StoredAnnual::seal).toList())
                .equals(run.seal())) {
            problems.add("年度考核的封印不符 / the annual run's seal does not match its rows");
        }
        String labelsSeal = sealer.annualLabelsSeal(run.id(), repository.scales(run.id()));
        if (run.labelsSeal() != null && !run.labelsSeal().equals(labelsSeal)) {
            problems.add("年度考核的等次名称与封印不符:已被改动 / the annual run's grade names do not match their seal: altered");
        }
        return new CheckedYear(run, problems.isEmpty() ? SealStatus.INTACT : SealStatus.ALTERED, subjects, altered, problems);
    }
}
