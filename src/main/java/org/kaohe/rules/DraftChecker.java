package org.kaohe.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.kaohe.rules.engine.RunLimits;
import org.springframework.stereotype.Component;

/** The whole check of a draft before it may be published ({@link RulebookService#check}): cells, cases, the trial on data. */
@Component
class DraftChecker {

    private final CompiledVersions versions;
    private final DraftTrial trial;

    DraftChecker(CompiledVersions versions, DraftTrial trial) {
        this.versions = versions;
        this.trial = trial;
    }

    /**
     * Completes the draft with the published tables it lacks, reads and checks every table, runs its
     * scenario cases and tries it on every period's latest import ({@code loaded}, a period's import
     * just read by the caller, is used for its period instead of reading it again).
     */
    DraftCheck check(RulebookSource upload, RunLimits limits, Optional<LoadedPeriod> loaded) {
        Optional<CompiledRulebook> published = versions.current();
        List<String> kept = new ArrayList<>();
        RulebookSource draft = RulebookDrafts.complete(upload, published, kept);
        List<RuleProblem> problems = new ArrayList<>();
        CompiledRulebook compiled;
        try {
            compiled = RulebookCompiler.compile(draft);
        } catch (RulebookInvalidException e) {
            return new DraftCheck(draft.version(), draft, kept, e.problems(), List.of(), List.of());
        }
        List<ScenarioCases.CaseResult> cases = ScenarioCases.run(compiled, draft, limits.cancelled());
        cases.forEach(c -> problems.addAll(c.failures()));
        List<DraftTrial.PeriodTrial> trials = trial.run(compiled, published, limits, problems, loaded);
        return new DraftCheck(draft.version(), draft, kept, problems, cases, trials,
                trial.years(compiled, published, problems));
    }
}
