package org.kaohe.web;

import org.kaohe.errors.EvaluationException;
import org.kaohe.evaluation.StaleResults;
import org.kaohe.results.RunInfo;
import org.kaohe.results.StaleRuns;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The stale-results notice, a fragment pages fetch for the run they show ({@code stale :: slot}):
 * nothing when the run is up to date; else why it is not (a rulebook published since, a newer
 * import), the button HR evaluates again with, and — fetched in turn, since it evaluates the period —
 * the list of what a new run would change.
 */
@Controller
class StaleController {

    /** Changes listed in the notice; the counts cover them all. */
    static final int LISTED = 300;

    private final StaleRuns staleRuns;
    private final StaleResults stale;

    StaleController(StaleRuns staleRuns, StaleResults stale) {
        this.staleRuns = staleRuns;
        this.stale = stale;
    }

    @GetMapping("/stale")
    String notice(@RequestParam long run, Model model) {
        staleRuns.check(run).filter(StaleRuns.Staleness::stale).ifPresent(s -> model.addAttribute("staleness", s));
        return "stale :: notice";
    }

    @GetMapping("/stale/changes")
    String changes(@RequestParam long run, Model model) {
        // What a new run would change: only the current run's question (an older one points to its successor).
        StaleRuns.Staleness staleness = staleRuns.check(run).filter(s -> s.stale() && s.currentRun()).orElse(null);
        if (staleness != null) {
            RunInfo shown = staleness.run();
            try {
                var trial = stale.changes(shown);
                model.addAttribute("trial", trial);
                model.addAttribute("listed", trial.changes().stream().limit(LISTED).toList());
            } catch (EvaluationException e) {
                model.addAttribute("changesProblem", e.getMessage(LocaleContextHolder.getLocale()));
            }
        }
        return "stale :: changes";
    }
}
