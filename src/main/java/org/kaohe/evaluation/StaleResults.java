package org.kaohe.evaluation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.kaohe.errors.EvaluationException;
import org.kaohe.imports.ImportRepository;
import org.kaohe.imports.ImportVersionInfo;
import org.kaohe.records.PeriodRecords;
import org.kaohe.results.RunChecks;
import org.kaohe.results.RunInfo;
import org.kaohe.results.RunQueries;
import org.kaohe.rules.CompiledRulebook;
import org.kaohe.rules.DraftTrial;
import org.kaohe.rules.RulebookRepository;
import org.kaohe.rules.RulebookService;
import org.kaohe.scoring.EvaluationOutcome;
import org.springframework.stereotype.Service;

/**
 * Whether a period's current run still reflects what it should: a rulebook published since, or a
 * newer import of the period, makes it stale, and HR should evaluate again. What a new run would
 * change is the stored results compared with the period's current import under the published book
 * ({@link DraftTrial#compare}); it is worked out on request and kept while nothing changes.
 */
@Service
public class StaleResults {

    /** Why a run is out of date: the book in force and the import it did not use. */
    public record Staleness(RunInfo run, boolean currentRun, RulebookRepository.Publication publication,
                            ImportVersionInfo currentImport) {

        /** A newer rulebook is in force than the one the run used. */
        public boolean rulebookNewer() {
            return publication != null && !publication.version().equals(run.rulebookVersion());
        }

        /** The period was imported again after the run. */
        public boolean importNewer() {
            return currentImport != null && currentImport.importId() != run.importId();
        }

        /** Only the period's current run is said to be stale: older runs were superseded anyway. */
        public boolean stale() {
            return currentRun && (rulebookNewer() || importNewer());
        }
    }

    private static final int KEPT = 8;

    private final RunQueries runs;
    private final RunChecks checks;
    private final RulebookService rulebooks;
    private final ImportRepository imports;
    private final Map<String, DraftTrial.PeriodTrial> kept = new LinkedHashMap<>(16, 0.75f, true);

    StaleResults(RunQueries runs, RunChecks checks, RulebookService rulebooks, ImportRepository imports) {
        this.runs = runs;
        this.checks = checks;
        this.rulebooks = rulebooks;
        this.imports = imports;
    }

    /** What is known about the run's freshness; empty when there is no such run. */
    public Optional<Staleness> check(long runId) {
        return runs.run(runId).map(run -> {
            boolean current = runs.currentRun(run.period()).map(r -> r.id() == run.id()).orElse(false);
            ImportVersionInfo currentImport = imports.currentImportId(run.period())
                    .flatMap(id -> imports.list().stream().filter(v -> v.importId() == id).findFirst()).orElse(null);
            return new Staleness(run, current, rulebooks.currentPublication().orElse(null), currentImport);
        });
    }

    /**
     * The subjects whose score or grade a new run would change: the run's stored (and seal-checked)
     * results beside the period's current import evaluated under the published book.
     */
    public DraftTrial.PeriodTrial changes(RunInfo run) {
        CompiledRulebook published = rulebooks.current().orElseThrow(() -> new EvaluationException(
                "尚未发布考核规则 / no rulebook published"));
        long importId = imports.currentImportId(run.period()).orElseThrow(() -> new EvaluationException(
                "考核期 " + run.period() + " 尚未导入数据 / nothing imported for " + run.period()));
        String key = run.id() + "|" + published.version() + "|" + importId;
        synchronized (kept) {
            DraftTrial.PeriodTrial known = kept.get(key);
            if (known != null) {
                return known;
            }
        }
        PeriodRecords records = imports.load(importId).orElseThrow();
        EvaluationOutcome stored = new EvaluationOutcome(run.period(), run.importId(), run.rulebookVersion(),
                checks.results(run).subjects());
        DraftTrial.PeriodTrial trial = DraftTrial.compare(run.period(), stored, published.evaluate(records));
        synchronized (kept) {
            kept.put(key, trial);
            while (kept.size() > KEPT) {
                kept.remove(kept.keySet().iterator().next());
            }
        }
        return trial;
    }

    /** True when the run used another book than the one in force, or another import than the period's current one. */
    public static boolean outdated(RunInfo run, String publishedVersion, Long currentImportId) {
        return !Objects.equals(run.rulebookVersion(), publishedVersion) || !Objects.equals(run.importId(), currentImportId);
    }
}
