package org.kaohe.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.kaohe.errors.InvalidInputException;
import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;
import org.kaohe.results.ResultPageChecks;
import org.kaohe.results.RunComparison;
import org.kaohe.results.RunComparison.Change;
import org.kaohe.results.RunInfo;
import org.kaohe.results.RunQueries;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Run-to-run comparison: the scores and grades that changed between two runs of a period, and
 * why (records, rulebook or both). By default a run is compared with the one made before it.
 */
@Controller
class CompareController {

    static final int PAGE_SIZE = 50;

    private final RunQueries runs;
    private final RunComparison comparison;
    private final RunSelection selection;
    private final ResultPageChecks pageChecks;

    CompareController(RunQueries runs, RunComparison comparison, RunSelection selection, ResultPageChecks pageChecks) {
        this.runs = runs;
        this.comparison = comparison;
        this.selection = selection;
        this.pageChecks = pageChecks;
    }

    @GetMapping("/evaluation/compare")
    String compare(@RequestParam(required = false) String period, @RequestParam(required = false) Long to,
                   @RequestParam(required = false) Long from, @RequestParam(defaultValue = "1") int page, Model model) {
        RunInfo later = selection.pick(period, to).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("to", later);
        model.addAttribute("periodRuns", selection.runsOf(later.period()));
        RunInfo earlier = from != null
                ? runs.run(from).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND))
                : comparison.previous(later).orElse(null);
        if (earlier != null && !earlier.period().equals(later.period())) {
            throw new InvalidInputException(Message.of("input.compare.periods", earlier.period().toString(),
                    later.period().toString()));
        }
        if (earlier != null) {
            RunComparison.Page compared = comparison.compare(earlier, later, Math.max(1, page), PAGE_SIZE);
            if (!sealChecks(model, compared)) {
                // A run known altered: list what its rows say now, not the order kept before.
                compared = comparison.compare(earlier, later, Math.max(1, page), PAGE_SIZE, true);
                sealChecks(model, compared);
            }
            model.addAttribute("comparison", compared);
        }
        return "compare";
    }

    /**
     * Every figure the comparison shows comes from the two runs' rows: the rows it shows are checked
     * against their seals in the request, in each run that holds them, and the rest of both runs by
     * their last whole checks, made in the background as for the results pages
     * ({@link ResultPageChecks#view}): the page warns and marks each altered row, and says while a
     * whole check is under way. A comparison of two province-sized runs costs its own rows. The
     * comparison's order is kept between views, so a row altered since is listed (if its change
     * makes it one) once a check finds either run altered; until then the page lists the runs as
     * their last whole checks found them. Whether both runs read intact.
     */
    private boolean sealChecks(Model model, RunComparison.Page compared) {
        RunInfo earlier = compared.from();
        RunInfo later = compared.to();
        ResultPageChecks.RunView from = pageChecks.view(earlier,
                compared.changes().stream().filter(c -> c.fromScore() != null).toList(), Change::subjectType, Change::subjectId);
        ResultPageChecks.RunView to = pageChecks.view(later,
                compared.changes().stream().filter(c -> c.toScore() != null).toList(), Change::subjectType, Change::subjectId);
        List<String> problems = new ArrayList<>();
        Locale locale = LocaleContextHolder.getLocale();
        from.problems().forEach(p -> problems.add("#" + earlier.id() + ": " + MessageText.of(p, locale)));
        to.problems().forEach(p -> problems.add("#" + later.id() + ": " + MessageText.of(p, locale)));
        Set<String> altered = new HashSet<>(from.alteredRows());
        altered.addAll(to.alteredRows());
        model.addAttribute("sealFailed", from.failed() || to.failed());
        model.addAttribute("sealProblems", problems);
        model.addAttribute("alteredRows", altered);
        model.addAttribute("wholeCheckPending", from.wholeCheckPending() || to.wholeCheckPending());
        return !from.failed() && !to.failed();
    }
}
