package org.kaohe.evaluation;

import java.util.LinkedHashMap;
import java.util.Map;

import org.kaohe.errors.EvaluationException;
import org.kaohe.errors.Message;
import org.kaohe.imports.ImportRepository;
import org.kaohe.records.PeriodRecords;
import org.kaohe.results.RunChecks;
import org.kaohe.results.RunInfo;
import org.kaohe.rules.CompiledRulebook;
import org.kaohe.rules.DraftTrial;
import org.kaohe.rules.RulebookService;
import org.kaohe.scoring.EvaluationOutcome;
import org.springframework.stereotype.Service;

/**
 * What evaluating a stale run's period again would change (whether it is stale is
 * {@link org.kaohe.results.StaleRuns}'s to say): the stored results compared with the period's
 * current import under the published book ({@link DraftTrial#compare}), worked out on request and
 * kept while nothing changes.
 */
@Service
public class StaleResults {

    private static final int KEPT = 8;

    private final RunChecks checks;
    private final RulebookService rulebooks;
    private final ImportRepository imports;
    private final Map<String, DraftTrial.PeriodTrial> kept = new LinkedHashMap<>(16, 0.75f, true);

    StaleResults(RunChecks checks, RulebookService rulebooks, ImportRepository imports) {
        this.checks = checks;
        this.rulebooks = rulebooks;
        this.imports = imports;
    }

    /**
     * The subjects whose score or grade a new run would change: the run's stored (and seal-checked)
     * results beside the period's current import evaluated under the published book.
     */
    public DraftTrial.PeriodTrial changes(RunInfo run) {
        CompiledRulebook published = rulebooks.current().orElseThrow(() -> new EvaluationException(
                Message.of("state.noRulebook")));
        long importId = imports.currentImportId(run.period()).orElseThrow(() -> new EvaluationException(
                Message.of("state.nothingImported", run.period().toString())));
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
}
