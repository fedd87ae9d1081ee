package org.kaohe.web;

import java.security.Principal;
import java.util.Comparator;
import java.util.Map;

import org.kaohe.errors.InvalidInputException;
import org.kaohe.imports.ImportRepository;
import org.kaohe.jobs.EvaluationJob;
import org.kaohe.jobs.EvaluationRuns;
import org.kaohe.records.Period;
import org.kaohe.records.SubjectType;
import org.kaohe.results.PartNames;
import org.kaohe.results.ResultPageChecks;
import org.kaohe.results.ResultsFilter;
import org.kaohe.results.ResultsList;
import org.kaohe.results.RunChecks;
import org.kaohe.results.RunQueries;
import org.kaohe.scoring.Grade;
import org.kaohe.scoring.GradeScale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * The results of a run: departments and cadres in two tabs, filtered, sorted and paged by the
 * database ({@link ResultsList}); and the evaluation started from the page.
 */
@Controller
class ResultsController {

    static final int PAGE_SIZE = 25;

    /**
     * What the user asked for, as the page's links repeat it. The tab is the subject type: departments
     * by default, cadres when a department is chosen (its cadres are what one looks for then).
     */
    record Query(SubjectType type, String dept, String grade, String sort, boolean descending, int page) {
        ResultsFilter filter() {
            return new ResultsFilter(type, dept, grade, ResultsFilter.Sort.of(sort), descending);
        }
    }

    private final RunSelection selection;
    private final RunQueries runs;
    private final ResultsList results;
    private final ImportRepository imports;
    private final EvaluationRuns evaluationRuns;
    private final ResultPageChecks checks;
    private final DepartmentOptions departmentOptions;

    ResultsController(RunSelection selection, RunQueries runs, ResultsList results, ImportRepository imports,
                      EvaluationRuns evaluationRuns, ResultPageChecks checks, DepartmentOptions departmentOptions) {
        this.checks = checks;
        this.departmentOptions = departmentOptions;
        this.selection = selection;
        this.runs = runs;
        this.results = results;
        this.imports = imports;
        this.evaluationRuns = evaluationRuns;
    }

    @GetMapping("/evaluation")
    String results(@RequestParam(required = false) String period,
                   @RequestParam(required = false) Long run,
                   @RequestParam(required = false) SubjectType type,
                   @RequestParam(required = false) String dept,
                   @RequestParam(required = false) String grade,
                   @RequestParam(defaultValue = "dept") String sort,
                   @RequestParam(defaultValue = "false") boolean desc,
                   @RequestParam(defaultValue = "1") int page,
                   Model model) {
        model.addAttribute("periods", selection.periods());
        model.addAttribute("runnablePeriods", imports.periods().stream().sorted(Comparator.reverseOrder()).toList());
        String shownSort = knownSort(sort) ? sort.toLowerCase(java.util.Locale.ROOT) : "dept";
        SubjectType tab = type != null ? type : (dept == null || dept.isBlank() ? SubjectType.DEPARTMENT : SubjectType.CADRE);
        selection.pick(period, run).ifPresentOrElse(shown -> {
            GradeScale scale = runs.scales(shown.id()).get(tab);
            String gradeCode = scale.find(grade).map(Grade::name).orElse(null);
            Query query = new Query(tab, dept == null || dept.isBlank() ? null : dept, gradeCode, shownSort, desc,
                    Math.max(1, page));
            model.addAttribute("query", query);
            model.addAttribute("grades", scale.grades());
            model.addAttribute("run", shown);
            model.addAttribute("screenPeriod", shown.period());
            model.addAttribute("periodRuns", selection.runsOf(shown.period()));
            model.addAttribute("legend", PartNames.of(runs.partLabels(shown.id())).bySubjectType());
            model.addAttribute("departmentOptions", departmentOptions.html(shown.id(), query.dept()));
            model.addAttribute("typeCounts", typeCounts(shown.id(), query));
            var table = results.page(shown.id(), query.filter(), query.page(), PAGE_SIZE);
            if (table.rows().isEmpty() && query.page() > table.pages()) {
                table = results.page(shown.id(), query.filter(), table.pages(), PAGE_SIZE); // past the end: the last page
            }
            // Every row shown checked against its seal; the page marks the run and each altered row.
            ResultPageChecks.CheckedPage checked = checks.page(shown, table);
            model.addAttribute("check", checked);
            model.addAttribute("table", checked.page());
        }, () -> {
            model.addAttribute("query", new Query(tab, null, null, shownSort, desc, 1));
            model.addAttribute("screenPeriod", period == null || period.isBlank() ? null : Period.parse(period));
        });
        return "evaluation";
    }

    /** How many subjects each tab holds under the other filters: the tabs show it. */
    private Map<SubjectType, Long> typeCounts(long runId, Query query) {
        Map<SubjectType, Long> counts = new java.util.EnumMap<>(SubjectType.class);
        for (SubjectType t : SubjectType.values()) {
            counts.put(t, results.count(runId, new ResultsFilter(t, query.dept(), query.grade(), null, false)));
        }
        return counts;
    }

    static boolean knownSort(String sort) {
        try {
            ResultsFilter.Sort.of(sort);
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    /**
     * Starts an evaluation in the background; the page's script polls {@link #job} (the same status the
     * API answers) and, once it is DONE, shows the run it made. JSON for the page's own script: these
     * three share the page's session and its CSRF token, which the stateless API does not accept.
     */
    @PostMapping(value = "/evaluation/run", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    EvaluationJob run(@RequestParam String period, Principal who) {
        String jobId = evaluationRuns.start(Period.parse(period), who.getName());
        return job(jobId, who);
    }

    @GetMapping(value = "/evaluation/jobs/{jobId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    EvaluationJob job(@PathVariable String jobId, Principal who) {
        return evaluationRuns.status(jobId, who.getName(), LocaleContextHolder.getLocale())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** Cancels the user's own running evaluation (the page's 取消 button). */
    @PostMapping(value = "/evaluation/jobs/{jobId}/cancel", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    EvaluationJob cancel(@PathVariable String jobId, Principal who) {
        evaluationRuns.cancel(jobId, who.getName());
        return job(jobId, who);
    }
}
