package org.kaohe.api;

import java.util.List;

import org.kaohe.imports.ImportLimits;
import org.kaohe.rules.DraftCheck;
import org.kaohe.rules.DraftTrial;
import org.kaohe.rules.RuleProblem;
import org.kaohe.rules.RulebookService;
import org.kaohe.rules.ScenarioCases;

/**
 * A rulebook check as the API answers it, bounded whatever the draft: the version it would have,
 * whether it may be published, the tables kept from the published book, and the first
 * {@link ImportLimits#MAX_PROBLEMS_LISTED} problems, failures of each case and changes of each
 * period's trial, each list with the count of all. The uploaded files are never echoed back.
 */
record CheckAnswer(String version, boolean valid, List<String> keptFromPublished, int problemCount,
                   List<RuleProblem> problems, List<Case> cases, List<Trial> trials) {

    /** One scenario case: passed or not, its failures (the first 200) and their count. */
    record Case(String name, boolean passed, int failureCount, List<RuleProblem> failures) {}

    /** One period's trial: subjects tried, scores and grades that change, the first 200 changes and their count. */
    record Trial(String period, int subjects, int scoresChanged, int gradesChanged, int changeCount,
                 List<DraftTrial.Change> changes) {}

    /** A publication: the version, whether it was new, how many files, and its check. */
    record Publication(String version, boolean newVersion, int fileCount, CheckAnswer check) {
        static Publication of(RulebookService.Published published) {
            return new Publication(published.version(), published.newVersion(), published.fileCount(),
                    CheckAnswer.of(published.check()));
        }
    }

    static CheckAnswer of(DraftCheck check) {
        return new CheckAnswer(check.version(), check.valid(), check.keptFromPublished(), check.problems().size(),
                first(check.problems()), check.cases().stream().map(CheckAnswer::caseOf).toList(),
                check.trials().stream().map(CheckAnswer::trialOf).toList());
    }

    private static Case caseOf(ScenarioCases.CaseResult result) {
        return new Case(result.name(), result.passed(), result.failures().size(), first(result.failures()));
    }

    private static Trial trialOf(DraftTrial.PeriodTrial trial) {
        return new Trial(trial.period().toString(), trial.subjects(), trial.scoresChanged(), trial.gradesChanged(),
                trial.changes().size(), first(trial.changes()));
    }

    /** The first {@link ImportLimits#MAX_PROBLEMS_LISTED} items of a list. */
    static <T> List<T> first(List<T> items) {
        return items.size() <= ImportLimits.MAX_PROBLEMS_LISTED ? items
                : List.copyOf(items.subList(0, ImportLimits.MAX_PROBLEMS_LISTED));
    }
}
